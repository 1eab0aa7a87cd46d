import { Client, Events, REST } from "discord.js";
import { INTENTS } from "./permissions.js";
import type { AppDeps } from "../../src/app/deps.js";
import { PlatformSettingsError, type Environment } from "../../src/app/platform-module.js";
import type { Platform } from "../../src/ports/platform.js";
import { registerCapture } from "./capture.js";
import { DiscordChat } from "./discord-chat.js";
import { discordSettings } from "./settings.js";
import { connect, GatewayState, verifyToken } from "./gateway-state.js";
import { registerInteractions } from "./interactions.js";
import { discordPublicKey, interactionsRoute } from "./http-interactions.js";
import type { KeyObject } from "node:crypto";
import { ensureCommands } from "./register.js";
import { InFlight } from "../../src/app/in-flight.js";

export interface DiscordPlatform extends Platform {
  client: Client;
  /** Resolves once every interaction's work started so far has finished. */
  idle(): Promise<void>;
  chat: DiscordChat;
}

/**
 * Discord, when DISCORD_TOKEN is set: the discord.js gateway client, REST
 * (and therefore the gateway URL) redirected by DISCORD_API_URL. Rooms are
 * channels under DISCORD_CATEGORY_ID, or threads in DISCORD_INCIDENT_CHANNEL_ID
 * when the policy's room.mode is `thread` (Discord caps a server at 500
 * channels). /incident is registered on start when missing or changed.
 * With DISCORD_INTERACTIONS=http there is no gateway: interactions arrive as
 * signed POSTs on Beacon's web server.
 */
export function buildDiscordPlatform(env: Environment, deps: AppDeps): DiscordPlatform | undefined {
  const config = discordSettings(env);
  if (!config.DISCORD_TOKEN) return undefined;
  if (!config.DISCORD_GUILD_ID)
    throw new PlatformSettingsError("Discord needs DISCORD_GUILD_ID (the server incident rooms are opened in) besides DISCORD_TOKEN");
  const mode = deps.policy.room.mode === "thread" ? "thread" : "channel";
  if (mode === "thread" && !config.DISCORD_INCIDENT_CHANNEL_ID)
    throw new PlatformSettingsError("room.mode thread needs DISCORD_INCIDENT_CHANNEL_ID (the channel incident threads are opened in)");
  if (mode === "channel" && deps.policy.room.whenFull === "thread" && config.DISCORD_CATEGORY_ID && !config.DISCORD_INCIDENT_CHANNEL_ID)
    throw new PlatformSettingsError(
      "room.whenFull thread needs DISCORD_INCIDENT_CHANNEL_ID (the channel incident threads are opened in once DISCORD_CATEGORY_ID is full)",
    );
  const http = config.DISCORD_INTERACTIONS === "http";
  if (http && (!config.DISCORD_PUBLIC_KEY || !config.DISCORD_APPLICATION_ID))
    throw new PlatformSettingsError(
      "DISCORD_INTERACTIONS=http needs DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID (Developer Portal → General Information)",
    );
  let publicKey: KeyObject | undefined;
  try {
    publicKey = http ? discordPublicKey(config.DISCORD_PUBLIC_KEY!) : undefined;
  } catch (e) {
    throw new PlatformSettingsError((e as Error).message);
  }
  const api = config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {};
  // Two REST clients: the gateway client's answers interactions, which Discord
  // exempts from its 50 requests/s global limit, so a burst of chat posts must
  // not queue them past the 3-second deadline; the chat's keeps the limit.
  const client = new Client({
    intents: [...INTENTS],
    rest: { ...api, retries: config.DISCORD_RETRIES, globalRequestsPerSecond: 1000 },
  });
  client.rest.setToken(config.DISCORD_TOKEN);
  const chatRest = new REST({ ...api, retries: config.DISCORD_RETRIES }).setToken(config.DISCORD_TOKEN);
  const chat = new DiscordChat(chatRest, deps.policy, {
    guildId: config.DISCORD_GUILD_ID,
    mode,
    categoryId: config.DISCORD_CATEGORY_ID,
    parentChannelId: config.DISCORD_INCIDENT_CHANNEL_ID,
    whenFull: deps.policy.room.whenFull,
  });
  deps.chats.set("discord", chat);
  const work = new InFlight();
  const token = config.DISCORD_TOKEN;
  const guild = config.DISCORD_GUILD_ID;
  const register = async (appId: string | undefined) => {
    if (appId && (await ensureCommands(client.rest, deps.policy, appId, guild))) deps.log.info("discord /incident registered", { guild });
  };
  const verify = async () => {
    await verifyToken(chatRest);
    await chat.rooms.check();
  };
  if (http) {
    // No gateway: Discord POSTs interactions to Beacon's web server; nothing captures 📌 (that needs the gateway).
    let started = false;
    return {
      name: "discord",
      client,
      chat,
      routes: [interactionsRoute({ deps, work, rest: client.rest, publicKey: publicKey! })],
      health: () => (started ? { ok: true } : { ok: false, reason: "not started yet" }),
      verify,
      start: async () => {
        await verify();
        await register(config.DISCORD_APPLICATION_ID);
        started = true;
      },
      stop: () => work.stop(),
      idle: () => work.idle(),
    };
  }
  registerInteractions(client, deps, work);
  registerCapture(client, deps, guild);
  client.on(Events.Error, (e) => deps.log.warn("discord client error", { err: e }));
  const gateway = new GatewayState(client);
  return {
    name: "discord",
    client,
    chat,
    routes: [],
    health: () => gateway.health(),
    failed: gateway.failed,
    verify,
    start: async () => {
      await connect(client, token, gateway);
      await chat.rooms.check();
      await register(config.DISCORD_APPLICATION_ID ?? client.application?.id);
    },
    stop: async () => {
      await work.stop();
      await client.destroy();
    },
    idle: () => work.idle(),
  };
}
