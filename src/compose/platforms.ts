import type { AppDeps } from "../app/deps.js";
import type { Config } from "../config.js";
import type { Route } from "../web/server.js";
import { buildSlackPlatform } from "../../adapters/slack/platform.js";
import { buildDiscordPlatform } from "../../adapters/discord/platform.js";

/** A chat platform wired into the app: its ChatPort is in deps.chats; receivers start in the web process only. */
export interface Platform {
  name: string;
  /** Start receiving events (web process / embedded). */
  start(): Promise<void>;
  stop(): Promise<void>;
  routes: Route[];
}

/**
 * Build the chat platforms the configuration names and put their ChatPorts in
 * `deps.chats`. No token, no platform: the embedded default uses the console.
 */
export async function buildPlatforms(config: Config, deps: AppDeps): Promise<Platform[]> {
  const platforms: Platform[] = [];
  const slack = buildSlackPlatform(config, deps);
  if (slack) platforms.push(slack);
  const discord = buildDiscordPlatform(config, deps);
  if (discord) platforms.push(discord);
  return platforms;
}
