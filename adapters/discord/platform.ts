import { Client, Events, GatewayIntentBits } from "discord.js";
import type { AppDeps } from "../../src/app/deps.js";
import type { Platform } from "../../src/compose/platforms.js";
import { ConfigError, type Config } from "../../src/config.js";
import { registerCapture } from "./capture.js";
import { DiscordChat } from "./discord-chat.js";
import { registerInteractions } from "./interactions.js";
import { ensureCommands } from "./register.js";

export interface DiscordPlatform extends Platform {
  client: Client;
  chat: DiscordChat;
}

/**
 * Discord, when DISCORD_TOKEN is set: the discord.js gateway client, REST
 * (and therefore the gateway URL) redirected by DISCORD_API_URL. Rooms are
 * channels under DISCORD_CATEGORY_ID, or threads in DISCORD_INCIDENT_CHANNEL_ID
 * when the policy's room.mode is `thread` (Discord caps a server at 500
 * channels). /incident is registered on start when missing or changed.
 */
export function buildDiscordPlatform(config: Config, deps: AppDeps): DiscordPlatform | undefined {
  if (!config.DISCORD_TOKEN) return undefined;
  if (!config.DISCORD_GUILD_ID) throw new ConfigError("Discord needs DISCORD_GUILD_ID (the server incident rooms are opened in) besides DISCORD_TOKEN");
  const mode = deps.policy.room.mode === "thread" ? "thread" : "channel";
  if (mode === "thread" && !config.DISCORD_INCIDENT_CHANNEL_ID) throw new ConfigError("room.mode thread needs DISCORD_INCIDENT_CHANNEL_ID (the channel incident threads are opened in)");
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessages],
    rest: { ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}), retries: config.DISCORD_RETRIES },
  });
  client.rest.setToken(config.DISCORD_TOKEN);
  const chat = new DiscordChat(client.rest, deps.policy, { guildId: config.DISCORD_GUILD_ID, mode, categoryId: config.DISCORD_CATEGORY_ID, parentChannelId: config.DISCORD_INCIDENT_CHANNEL_ID });
  deps.chats.set("discord", chat);
  registerInteractions(client, deps);
  registerCapture(client, deps, config.DISCORD_GUILD_ID);
  client.on(Events.Error, (e) => deps.log.warn("discord client error", { error: e.message }));
  return {
    name: "discord",
    client,
    chat,
    routes: [],
    start: async () => {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.DISCORD_TOKEN);
      await ready;
      const appId = config.DISCORD_APPLICATION_ID ?? client.application?.id;
      if (appId && (await ensureCommands(client.rest, deps.policy, appId, config.DISCORD_GUILD_ID))) deps.log.info("discord /incident registered", { guild: config.DISCORD_GUILD_ID });
    },
    stop: async () => {
      await client.destroy();
    },
  };
}
