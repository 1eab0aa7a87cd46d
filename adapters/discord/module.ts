import type { PlatformModule } from "../../src/app/platform-module.js";

const snowflake = (what: string) => (id: string) =>
  /^\d{17,20}$/.test(id) ? undefined : `a Discord ${what} id (a snowflake like 123456789012345678)`;

/**
 * Discord as Beacon's platform list knows it: user and role snowflakes in the
 * policy's `ids.discord`. discord.js is loaded only when Discord is built.
 */
export const discordModule: PlatformModule = {
  identity: { name: "discord", checkUserId: snowflake("user"), checkGroupId: snowflake("role") },
  build: async (env, deps) => (env.DISCORD_TOKEN ? (await import("./platform.js")).buildDiscordPlatform(env, deps) : undefined),
};
