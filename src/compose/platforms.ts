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
  /**
   * Check the credentials without receiving (the worker, which only sends).
   * Rejected credentials throw one line; an unreachable platform is retried
   * in the background and reported by `health()`.
   */
  verify?(): Promise<void>;
  /** Reachable with accepted credentials: readiness and the metrics report it. */
  health?(): PlatformHealth;
  /** Settles when the platform failed for good while running (credentials revoked, a fatal gateway close). */
  failed?: Promise<Error>;
}

/** The platform refused Beacon's credentials: retrying cannot help, the operator must fix them (one line, exit 1). */
export class CredentialsRejected extends Error {
  readonly code = "STARTUP.FAILED";
}

export type PlatformHealth = { ok: true } | { ok: false; reason: string };

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
