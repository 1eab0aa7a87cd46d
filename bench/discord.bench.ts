// Discord: interaction-to-first-response latency (Discord gives 3 s) and
// declare-to-all-pages-posted, with 50 declarations at once. Real discord.js
// over its gateway and REST on loopback; embedded database. The fake Discord,
// the user sending the interactions and the stopwatch run in a child process
// (discord-fake-child.ts), so this process runs only Beacon or the baseline.
// Baselines from the same run: a bare discord.js bot in this process on the
// same fake that only defers each interaction, and the floor Discord's global
// limit of 50 requests/s sets for the REST calls Beacon made before the
// round's last page. Run: npm run bench -- discord
import { Client, Events, GatewayIntentBits, MessageFlags } from "discord.js";
import { buildDiscordPlatform } from "../adapters/discord/platform.js";
import { expandTargets } from "../src/core/policy/directory.js";
import { openDatabase, type Database } from "../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../src/infra/db/prisma-incident-store.js";
import { embeddedDeps } from "./embedded-deps.js";
import { discordPolicy, TOKEN } from "../test/adapters/discord/discord-harness.js";
import { freshPostgresDatabase } from "../test/helpers/postgres.js";
import type { DiscordFakeApi } from "./discord-fake-child.js";
import { forkChild } from "./fake-child.js";
import { percentiles, report } from "./stats.js";

const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Discord's documented global limit for a bot's REST calls (interaction answers are exempt). */
const GLOBAL_PER_SECOND = 50;

export async function benchDiscord(): Promise<void> {
  await run("PGlite", await openDatabase({ dataDir: ":memory:" }));
  await run("PGlite thread", await openDatabase({ dataDir: ":memory:", pgliteThread: true }));
  const fresh = await freshPostgresDatabase().catch(() => undefined);
  if (!fresh) return console.log("discord (PostgreSQL): skipped, no server");
  await run("PostgreSQL", await openDatabase({ url: fresh.url, migrateOnOpen: true }));
  await fresh.drop();
}

type Fake = Awaited<ReturnType<typeof forkChild<DiscordFakeApi>>>;

/** Send `CONCURRENT` declares at once, ROUNDS times after a warm-up round; the child times each one. */
async function rounds(fake: Fake, person: { id: string; name: string }, pages: number) {
  const first: number[] = [];
  const done: number[] = [];
  const calls: number[] = [];
  const slowest: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const r = await fake.call("round", { person, round, concurrent: CONCURRENT, pages });
    if (round === 0) continue; // warm-up
    first.push(...r.first);
    done.push(...r.done);
    calls.push(r.calls);
    slowest.push(Math.max(...r.done));
  }
  return { first, done, calls, slowest };
}

/** The baseline: a discord.js bot in this process that only defers each interaction, on the same fake. */
async function bareBot(fake: Fake, apiUrl: string, person: { id: string; name: string }): Promise<number[]> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
  client.on(Events.InteractionCreate, (i) => {
    if (i.isChatInputCommand()) void i.deferReply({ flags: MessageFlags.Ephemeral }).catch(() => undefined);
  });
  const ready = new Promise<void>((r) => client.once(Events.ClientReady, () => r()));
  await client.login(TOKEN);
  await ready;
  const { first } = await rounds(fake, person, 0);
  await client.destroy();
  return first;
}

async function run(label: string, db: Database): Promise<void> {
  const policy = discordPolicy();
  const fake = await forkChild<DiscordFakeApi>(new URL("./discord-fake-child.ts", import.meta.url));
  const { apiUrl, guildId } = await fake.call("start", {
    token: TOKEN,
    users: Object.entries(policy.people).map(([id, p]) => ({ id: p.ids.discord!, name: id })),
  });
  const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  // The embedded default: deliveries run in the background from the in-process scheduler.
  const { deps, scheduler, start } = embeddedDeps({ store, policy });
  await start();
  const platform = buildDiscordPlatform({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: guildId, DISCORD_API_URL: apiUrl }, deps)!;
  await platform.start();
  const dana = { id: policy.people.dana!.ids.discord!, name: "dana" };
  const pages = expandTargets(policy, policy.severities.urgent!.paging[0]!.page).length;
  const { first, done: paged, calls, slowest } = await rounds(fake, dana, pages);
  await platform.stop();
  await scheduler.stop();
  const bare = percentiles(await bareBot(fake, apiUrl, dana));

  const f = percentiles(first);
  const p = percentiles(paged);
  const floor = (calls.reduce((a, b) => a + b, 0) / calls.length / GLOBAL_PER_SECOND) * 1000;
  const slow = slowest.reduce((a, b) => a + b, 0) / slowest.length;
  report(`discord interaction → first response (${CONCURRENT}, ${label})`, {
    n: first.length,
    p50_ms: f.p50,
    p99_ms: f.p99,
    bare_bot_p99_ms: bare.p99,
    ratio: `${(f.p99 / bare.p99).toFixed(2)}×`,
  });
  report(`discord declare → pages posted (${CONCURRENT}, ${label})`, {
    n: paged.length,
    p50_ms: p.p50,
    p99_ms: p.p99,
    last_page_ms: slow,
    floor_at_50_per_s_ms: floor,
    ratio: `${(slow / floor).toFixed(2)}×`,
  });
  await fake.call("close", undefined);
  await fake.close();
  await db.close();
}
