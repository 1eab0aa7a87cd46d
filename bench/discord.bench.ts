// Discord: interaction-to-first-response latency (Discord gives 3 s) and
// declare-to-all-pages-posted, with 50 declarations at once. Real discord.js
// over its gateway and REST against the fake Discord on loopback; embedded
// database. Run: npm run bench -- discord
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

export async function benchDiscord(): Promise<void> {
  await run("PGlite", await openDatabase({ dataDir: ":memory:" }));
  const fresh = await freshPostgresDatabase().catch(() => undefined);
  if (!fresh) return console.log("discord (PostgreSQL): skipped, no server");
  await run("PostgreSQL", await openDatabase({ url: fresh.url, migrateOnOpen: true }));
  await fresh.drop();
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

  const firstResponse = new Map<string, () => void>();
  const pagesSeen = new Map<string, number>();
  const allPaged = new Map<string, () => void>();
  fake.onCall = (call) => {
    const cb = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(call.path);
    if (cb) firstResponse.get(cb[1]!)?.();
    if (call.method === "POST" && /^\/channels\/\d+\/messages$/.test(call.path) && dmChannels().has(call.path.split("/")[2]!)) {
      const title = /Bench \d+-\d+/.exec(String(call.body?.content))?.[0];
      if (!title) return;
      const n = (pagesSeen.get(title) ?? 0) + 1;
      pagesSeen.set(title, n);
      if (n === pagesPerIncident) allPaged.get(title)?.();
    }
  };

  const first: number[] = [];
  const paged: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, i) => {
        const title = `Bench ${round}-${i}`;
        const pagesDone = new Promise<void>((r) => allPaged.set(title, r));
        let responded!: () => void;
        const responseDone = new Promise<void>((r) => (responded = r));
        const t0 = performance.now();
        // Register before dispatching: the token is only known once the payload exists, so wrap dispatch.
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
        await pagesDone;
        firstResponse.delete(token);
        return { first: r, paged: performance.now() - t0 };
      }),
    );
    if (round === 0) continue;
    for (const r of results) {
      first.push(r.first);
      paged.push(r.paged);
    }
  }
  const f = percentiles(first);
  const p = percentiles(paged);
  report(`discord interaction → first response (${CONCURRENT}, ${label})`, {
    n: first.length,
    p50_ms: f.p50,
    p99_ms: f.p99,
    max_ms: f.max,
  });
  report(`discord declare → pages posted (${CONCURRENT}, ${label})`, { n: paged.length, p50_ms: p.p50, p99_ms: p.p99, max_ms: p.max });
  await platform.stop();
  await scheduler.stop();
  await fake.close();
  await db.close();
}
