import { type Client, DiscordAPIError, DiscordjsErrorCodes, Events, GatewayCloseCodes, type REST, Routes } from "discord.js";
import { CredentialsRejected } from "../../src/app/platform-module.js";
import type { PlatformHealth } from "../../src/ports/platform.js";

/** Close codes after which discord.js does not reconnect: Beacon cannot receive until an operator acts. */
const FATAL: Record<number, string> = {
  [GatewayCloseCodes.AuthenticationFailed]: "reset the bot token in the Developer Portal (Bot → Reset Token) and set DISCORD_TOKEN",
  [GatewayCloseCodes.InvalidShard]: "Beacon runs one shard; check that no other process uses this token with sharding",
  [GatewayCloseCodes.ShardingRequired]: "the bot is in too many servers for one connection; Beacon serves one server per token",
  [GatewayCloseCodes.InvalidAPIVersion]: "upgrade Beacon (its discord.js speaks an API version Discord no longer accepts)",
  [GatewayCloseCodes.InvalidIntents]: "upgrade Beacon (it asked for intents Discord does not know)",
  [GatewayCloseCodes.DisallowedIntents]: "enable the intents Beacon asks for in the Developer Portal (Bot → Privileged Gateway Intents)",
};

const rejectedToken = () =>
  new CredentialsRejected(
    "Discord rejected DISCORD_TOKEN (401): reset the bot token in the Developer Portal (Bot → Reset Token) and set it again",
  );

/**
 * The gateway connection's state for readiness, and the end of the process
 * when Discord closes it for good (discord.js stops reconnecting after those
 * codes, so Beacon would sit there deaf). Transient drops are discord.js's to
 * resume; they only make the process not ready meanwhile.
 */
export class GatewayState {
  private state: PlatformHealth = { ok: false, reason: "not connected yet" };
  private fatal?: (e: Error) => void;
  readonly failed: Promise<Error> = new Promise((resolve) => (this.fatal = resolve));

  constructor(client: Client) {
    client.on(Events.ShardReady, () => (this.state = { ok: true }));
    client.on(Events.ShardResume, () => (this.state = { ok: true }));
    client.on(Events.ShardReconnecting, () => (this.state = { ok: false, reason: "gateway reconnecting" }));
    client.on(Events.ShardDisconnect, ({ code }) => {
      const fix = FATAL[code];
      this.state = { ok: false, reason: `gateway closed (${code})` };
      if (fix) this.fatal?.(new CredentialsRejected(`Discord closed the gateway for good (${code} ${GatewayCloseCodes[code]}): ${fix}`));
    });
  }

  health(): PlatformHealth {
    return this.state;
  }
}

/** Log in and wait for READY; a token Discord refuses is CredentialsRejected, anything else (unreachable) is thrown as it is. */
export async function connect(client: Client, token: string, state: GatewayState): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
  } catch (e) {
    if ((e as { code?: string }).code === DiscordjsErrorCodes.TokenInvalid) throw rejectedToken();
    throw e;
  }
  await Promise.race([ready, state.failed.then((e) => Promise.reject(e))]);
}

/** The worker only sends: check the token over REST (GET /users/@me). */
export async function verifyToken(rest: REST): Promise<void> {
  try {
    await rest.get(Routes.user("@me"));
  } catch (e) {
    if (e instanceof DiscordAPIError && e.status === 401) throw rejectedToken();
    throw e;
  }
}
