import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buildDiscordPlatform, type DiscordPlatform } from "../../../adapters/discord/platform.js";
import { loadConfig } from "../../../src/config.js";
import type { Policy } from "../../../src/core/policy/schema.js";
import { FakeDiscord } from "../../fakes/discord/fake-discord.js";
import { DiscordUser } from "../../fakes/discord/discord-user.js";
import { snowflake } from "../../fakes/discord/snowflake.js";
import { defaultPolicy } from "../../helpers/default-policy.js";
import { harness, type Harness } from "../../helpers/app-harness.js";

export const TOKEN = "discord-bot-token-test";

/** Discord user ids for everyone in a policy (stable per run). */
export function discordPolicy(base: Policy = defaultPolicy()): Policy {
  const people = Object.fromEntries(Object.entries(base.people).map(([id, p]) => [id, { ...p, ids: { ...p.ids, discord: snowflake() } }]));
  return { ...base, people };
}

export interface DiscordHarness extends Omit<Harness, "as"> {
  fake: FakeDiscord;
  platform: DiscordPlatform;
  user(personId: string): DiscordUser;
  /** Wait until Beacon answered the interaction with this token (deferred reply edited, or a modal shown) and delivered what it committed. */
  answered(token: string): Promise<{ callbacks: Array<Record<string, unknown>>; original?: Record<string, unknown> }>;
  /** Wait until a condition holds (gateway events are handled asynchronously). */
  until(check: () => boolean | Promise<boolean>): Promise<void>;
  close(): Promise<void>;
}

export async function discordHarness(
  opts: { policy?: Policy; env?: Record<string, string>; before?: (fake: FakeDiscord) => void; http?: boolean } = {},
): Promise<DiscordHarness> {
  const policy = opts.policy ?? discordPolicy();
  const fake = await FakeDiscord.start({
    token: TOKEN,
    users: Object.entries(policy.people).map(([id, p]) => ({ id: p.ids.discord!, name: id })),
  });
  opts.before?.(fake);
  const h = await harness({ policy });
  const config = loadConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_RETRIES: "1",
    ...(opts.http
      ? { DISCORD_INTERACTIONS: "http", DISCORD_PUBLIC_KEY: fake.publicKeyHex, DISCORD_APPLICATION_ID: fake.applicationId }
      : {}),
    ...opts.env,
  });
  let platform: DiscordPlatform | undefined;
  try {
    platform = buildDiscordPlatform(config.env, h.deps)!;
    await platform.start();
  } catch (e) {
    await platform?.stop();
    await h.scheduler.stop();
    await fake.close();
    throw e;
  }
  // Beacon's web server, serving the platform's routes (the HTTP interactions endpoint).
  const web = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://beacon");
      for (const route of platform!.routes) if (await route(req, res, url)) return;
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((r) => web.listen(0, "127.0.0.1", r));
  if (platform.routes.length) fake.interactionsUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/discord/interactions`;
  const until = async (check: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 400; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error("condition not reached within 4 s");
  };
  return {
    ...h,
    fake,
    platform,
    user: (personId) => new DiscordUser(fake, { id: policy.people[personId]!.ids.discord!, name: personId }),
    until,
    answered: async (token) => {
      await until(() => {
        const i = fake.interactions.get(token);
        return !!i && (!!i.original || i.callbacks.some((c) => c.type === 9 || c.type === 8));
      });
      await h.scheduler.idle(); // the chat deliveries the command committed go out after its answer
      return fake.interactions.get(token)!;
    },
    close: async () => {
      web.closeAllConnections();
      await new Promise((r) => web.close(r));
      await platform.stop();
      await h.scheduler.stop();
      await fake.close();
    },
  };
}
