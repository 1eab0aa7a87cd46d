// Slack: how fast Beacon acknowledges a signed slash command (Slack gives up
// after 3 s), and how long from the command until every page of the first
// step is posted, with 50 declarations at once. Real Bolt over HTTP, the fake
// Slack on loopback, the embedded database. Run: npm run bench -- slack
import { webApi } from "@slack/bolt";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { buildSlackPlatform, SLACK_EVENTS_PATH } from "../adapters/slack/platform.js";
import { expandTargets } from "../src/core/policy/directory.js";
import { openDatabase, type Database } from "../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../src/infra/db/prisma-incident-store.js";
import { embeddedDeps } from "./embedded-deps.js";
import { systemClock } from "../src/ports/clock.js";
import { startWeb } from "../src/web/server.js";
import { slackPolicy, SECRET, TOKEN } from "../test/adapters/slack/slack-harness.js";
import { FakeSlack } from "../test/fakes/slack/fake-slack.js";
import { SlackSender } from "../test/fakes/slack/slack-sender.js";
import { freshPostgresDatabase } from "../test/helpers/postgres.js";
import { percentiles, report } from "./stats.js";

const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export async function benchSlack(): Promise<void> {
  await run("PGlite", await openDatabase({ dataDir: ":memory:" }));
  await run("PGlite thread", await openDatabase({ dataDir: ":memory:", pgliteThread: true }));
  const fresh = await freshPostgresDatabase().catch(() => undefined);
  if (!fresh) return console.log("slack (PostgreSQL): skipped, no server");
  await run("PostgreSQL", await openDatabase({ url: fresh.url, migrateOnOpen: true }));
  await fresh.drop();
}

async function run(label: string, db: Database): Promise<void> {
  const policy = slackPolicy();
  const fake = await FakeSlack.start({ token: TOKEN, users: Object.values(policy.people).map((p) => p.ids.slack!) });
  const store = new PrismaIncidentStore(db.prisma, db.kind);
  // The embedded default: deliveries run in the background from the in-process scheduler.
  const { deps, scheduler, start } = embeddedDeps({ store, policy, concurrency: Number(process.env.BENCH_DELIVERING ?? 4) });
  await start();
  const platform = buildSlackPlatform({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl }, deps)!;
  const web = await startWeb({ port: 0, host: "127.0.0.1", store, clock: systemClock, probes: [], routes: platform.routes });
  const slack = new SlackSender(`http://127.0.0.1:${web.port}${SLACK_EVENTS_PATH}`, SECRET, fake);
  const pagesPerIncident = expandTargets(policy, policy.severities.urgent!.paging[0]!.page).length;

  const pagesSeen = new Map<string, number>();
  const allPaged = new Map<string, () => void>();
  fake.onCall = (call) => {
    if (call.method !== "chat.postMessage" || !String(call.args.channel).startsWith("D")) return;
    const title = /Bench \d+-\d+/.exec(String(call.args.text))?.[0];
    if (!title) return;
    const n = (pagesSeen.get(title) ?? 0) + 1;
    pagesSeen.set(title, n);
    if (n === pagesPerIncident) allPaged.get(title)?.();
  };

  const ack: number[] = [];
  const paged: number[] = [];
  const callsPerRound: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const callsBefore = fake.calls.length;
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, i) => {
        const title = `Bench ${round}-${i}`;
        const done = new Promise<void>((r) => allPaged.set(title, r));
        const t0 = performance.now();
        const res = await slack.command(`declare urgent ${title}`, { id: "UDANA", name: "dana" });
        const acked = performance.now() - t0;
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        await done;
        return { acked, paged: performance.now() - t0 };
      }),
    );
    if (round === 0) continue; // warm-up
    callsPerRound.push(fake.calls.length - callsBefore);
    for (const r of results) {
      ack.push(r.acked);
      paged.push(r.paged);
    }
  }
  await platform.idle();
  // The baseline, in the same run: a bare node:http server that reads the same
  // signed requests and answers 200, sent by the same client 50 at once.
  const bare = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end());
  });
  await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
  const bareSender = new SlackSender(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`, SECRET, fake);
  const bareAck: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const times = await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, i) => {
        const t0 = performance.now();
        await bareSender.command(`declare urgent Bare ${round}-${i}`, { id: "UDANA", name: "dana" });
        return performance.now() - t0;
      }),
    );
    if (round > 0) bareAck.push(...times);
  }
  bare.close();
  // The pages' baseline, in the same run: a bare Slack Web API client making as
  // many calls as Beacon made in a round (rooms, cards, pages, notices), all at once.
  const calls = Math.round(callsPerRound.reduce((x, y) => x + y, 0) / callsPerRound.length);
  const client = new webApi.WebClient(TOKEN, { slackApiUrl: fake.apiUrl });
  const user = Object.values(policy.people)[0]!.ids.slack!;
  const burst: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: calls }, (_, i) => client.chat.postMessage({ channel: user, text: `Bare ${round}-${i}` })));
    if (round > 0) burst.push(performance.now() - t0);
  }
  const floor = burst.reduce((x, y) => x + y, 0) / burst.length;
  const a = percentiles(ack);
  const b = percentiles(bareAck);
  const p = percentiles(paged);
  report(`slack /incident HTTP ack (${CONCURRENT} at once, ${label})`, {
    n: ack.length,
    p50_ms: a.p50,
    p99_ms: a.p99,
    baseline_p99_ms: b.p99,
    ratio: a.p99 / b.p99,
  });
  report(`slack declare → pages posted (${CONCURRENT}, ${label})`, {
    n: paged.length,
    p50_ms: p.p50,
    p99_ms: p.p99,
    api_calls: calls,
    bare_client_same_calls_ms: floor,
    ratio: p.p99 / floor,
  });
  await platform.stop();
  await scheduler.stop();
  await web.close();
  await fake.close();
  await db.close();
}
