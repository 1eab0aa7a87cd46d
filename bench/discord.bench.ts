// Discord: interaction-to-first-response latency (Discord gives 3 s) and
// declare-to-all-pages-posted, with 50 declarations at once. Real discord.js
// over its gateway and REST against the fake Discord on loopback; embedded
// database. Baselines from the same run: a bare discord.js bot on the same
// fake that only defers each interaction, and the floor Discord's global
// limit of 50 requests/s sets for the REST calls Beacon made before the
// round's last page. Run: npm run bench -- discord
import { Client, Events, GatewayIntentBits, MessageFlags } from "discord.js";
import { performance } from "node:perf_hooks";
import { buildDiscordPlatform } from "../adapters/discord/platform.js";
import { expandTargets } from "../src/core/policy/directory.js";
import { openDatabase, type Database } from "../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../src/infra/db/prisma-incident-store.js";
import { embeddedDeps } from "./embedded-deps.js";
import { discordPolicy, TOKEN } from "../test/adapters/discord/discord-harness.js";
import { DiscordUser } from "../test/fakes/discord/discord-user.js";
import { FakeDiscord } from "../test/fakes/discord/fake-discord.js";
import { freshPostgresDatabase } from "../test/helpers/postgres.js";
import { percentiles, report } from "./stats.js";

const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Discord's documented global limit for a bot's REST calls (interaction answers are exempt). */
const GLOBAL_PER_SECOND = 50;

export async function benchDiscord(): Promise<void> {
  await run("PGlite", await openDatabase({ dataDir: ":memory:" }));
  const fresh = await freshPostgresDatabase().catch(() => undefined);
  if (!fresh) return console.log("discord (PostgreSQL): skipped, no server");
  await run("PostgreSQL", await openDatabase({ url: fresh.url, migrateOnOpen: true }));
  await fresh.drop();
}

const isAnswer = (path: string) => /^\/(interactions|webhooks)\//.test(path);

/** Send `CONCURRENT` declares at once, ROUNDS times after a warm-up round; time each one's first answer. */
async function rounds(
  fake: FakeDiscord,
  dana: DiscordUser,
  track: (title: string) => Promise<void>,
  onRoundEnd?: (callsInRound: number, slowest: number) => void,
): Promise<{ first: number[]; done: number[] }> {
  const firstResponse = new Map<string, () => void>();
  const previous = fake.onCall;
  fake.onCall = (call) => {
    const cb = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(call.path);
    if (cb) firstResponse.get(cb[1]!)?.();
    previous?.(call);
  };
  const first: number[] = [];
  const done: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const callsBefore = fake.calls.length;
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, i) => {
        const title = `Bench ${round}-${i}`;
        const finished = track(title);
        let responded!: () => void;
        const responseDone = new Promise<void>((r) => (responded = r));
        const t0 = performance.now();
        // The token is only known once the payload exists: wrap the dispatch to register it first.
        const realDispatch = fake.gateway.dispatch.bind(fake.gateway);
        let token = "";
        fake.gateway.dispatch = (t, d) => {
          token = (d as { token: string }).token;
          firstResponse.set(token, responded);
          realDispatch(t, d);
        };
        dana.command("declare", { severity: "urgent", title });
        fake.gateway.dispatch = realDispatch;
        await responseDone;
        const r = performance.now() - t0;
        await finished;
        firstResponse.delete(token);
        return { first: r, done: performance.now() - t0 };
      }),
    );
    if (round === 0) continue;
    const calls = fake.calls.slice(callsBefore).filter((c) => !isAnswer(c.path)).length;
    onRoundEnd?.(calls, Math.max(...results.map((r) => r.done)));
    for (const r of results) {
      first.push(r.first);
      done.push(r.done);
    }
  }
  fake.onCall = previous;
  return { first, done };
}

/** The baseline: a discord.js bot that only defers each interaction, on the same fake. */
async function bareBot(fake: FakeDiscord, dana: DiscordUser): Promise<number[]> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  client.on(Events.InteractionCreate, (i) => {
    if (i.isChatInputCommand()) void i.deferReply({ flags: MessageFlags.Ephemeral }).catch(() => undefined);
  });
  const ready = new Promise<void>((r) => client.once(Events.ClientReady, () => r()));
  await client.login(TOKEN);
  await ready;
  const { first } = await rounds(fake, dana, async () => undefined);
  await client.destroy();
  return first;
}

async function run(label: string, db: Database): Promise<void> {
  const policy = discordPolicy();
  const fake = await FakeDiscord.start({
    token: TOKEN,
    users: Object.entries(policy.people).map(([id, p]) => ({ id: p.ids.discord!, name: id })),
  });
  const store = new PrismaIncidentStore(db.prisma, db.kind);
  // The embedded default: deliveries run in the background from the in-process scheduler.
  const { deps, scheduler, start } = embeddedDeps({ store, policy });
  await start();
  const platform = buildDiscordPlatform({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: fake.guildId, DISCORD_API_URL: fake.apiUrl }, deps)!;
  await platform.start();
  const dana = new DiscordUser(fake, { id: policy.people.dana!.ids.discord!, name: "dana" });
  const pagesPerIncident = expandTargets(policy, policy.severities.urgent!.paging[0]!.page).length;
  const dmChannels = () => new Set([...fake.channels.values()].filter((c) => c.type === 1).map((c) => c.id));

  const pagesSeen = new Map<string, number>();
  const allPaged = new Map<string, () => void>();
  fake.onCall = (call) => {
    if (call.method === "POST" && /^\/channels\/\d+\/messages$/.test(call.path) && dmChannels().has(call.path.split("/")[2]!)) {
      const title = /Bench \d+-\d+/.exec(String(call.body?.content))?.[0];
      if (!title) return;
      const n = (pagesSeen.get(title) ?? 0) + 1;
      pagesSeen.set(title, n);
      if (n === pagesPerIncident) allPaged.get(title)?.();
    }
  };
  const floors: number[] = [];
  const slowest: number[] = [];
  const { first, done: paged } = await rounds(
    fake,
    dana,
    (title) => new Promise<void>((r) => allPaged.set(title, r)),
    (calls, slow) => {
      floors.push((calls / GLOBAL_PER_SECOND) * 1000);
      slowest.push(slow);
    },
  );
  await platform.stop();
  await scheduler.stop();
  fake.onCall = undefined;
  const bare = percentiles(await bareBot(fake, dana));

  const f = percentiles(first);
  const p = percentiles(paged);
  const floor = floors.reduce((a, b) => a + b, 0) / floors.length;
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
  await fake.close();
  await db.close();
}
