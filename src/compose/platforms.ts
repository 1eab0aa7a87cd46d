import type { AppDeps } from "../app/deps.js";
import type { PlatformModule } from "../app/platform-module.js";
import type { Config } from "../config.js";
import type { Platform, PlatformIdentity } from "../ports/platform.js";
import { consoleIdentity } from "../../adapters/console/identity.js";
import { slackModule } from "../../adapters/slack/module.js";
import { discordModule } from "../../adapters/discord/module.js";

/** Every chat platform Beacon can serve. A new platform is a folder under adapters/ and one line here. */
const PLATFORMS: PlatformModule[] = [slackModule, discordModule];

/** How each platform (the console workspace included) names people and groups in the policy's `ids`. */
export const PLATFORM_IDENTITIES: PlatformIdentity[] = [consoleIdentity, ...PLATFORMS.map((p) => p.identity)];

/**
 * Build the chat platforms whose settings are present and put their ChatPorts
 * in `deps.chats`. No settings, no platform: the embedded default uses the console.
 */
export async function buildPlatforms(config: Config, deps: AppDeps): Promise<Platform[]> {
  const built = await Promise.all(PLATFORMS.map((p) => p.build(config.env, deps)));
  return built.filter((p): p is Platform => !!p);
}
