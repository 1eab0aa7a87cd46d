// Slack: how fast Beacon acknowledges a signed slash command (Slack gives up
// after 3 s), and how long from the command until every page of the first
// step is posted, with 50 declarations at once. Real Bolt over HTTP, the
// embedded database; the fake Slack, the sender and the stopwatch in a child
// process (slack-fake-child.ts), so this process runs only Beacon or the
// bare baseline. Run: npm run bench -- slack
import { webApi } from "@slack/bolt";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSlackPlatform, SLACK_EVENTS_PATH } from "../adapters/slack/platform.js";
import { expandTargets } from "../src/core/policy/directory.js";
import { openDatabase, type Database } from "../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../src/infra/db/prisma-incident-store.js";
import { embeddedDeps } from "./embedded-deps.js";
import { systemClock } from "../src/ports/clock.js";
import { startWeb } from "../src/web/server.js";
import { slackPolicy, SECRET, TOKEN } from "../test/adapters/slack/slack-harness.js";
import { freshPostgresDatabase } from "../test/helpers/postgres.js";
import { forkChild } from "./fake-child.js";
import type { SlackBenchSide, SlackFakeApi } from "./slack-fake-child.js";
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
  const user = Object.values(policy.people)[0]!.ids.slack!;
  const fake = await forkChild<SlackFakeApi>(new URL("./slack-fake-child.ts", import.meta.url), {
    burst: async ({ calls, text }: { calls: number; text: string }) => {
      await Promise.all(Array.from({ length: calls }, (_, i) => bareClient.chat.postMessage({ channel: user, text: `${text}${i}` })));
    },
  } satisfies SlackBenchSide);
  const { apiUrl } = await fake.call("start", { token: TOKEN, users: Object.values(policy.people).map((p) => p.ids.slack!) });
  // The pages' baseline (below), idle until then.
  const bareClient = new webApi.WebClient(TOKEN, { slackApiUrl: apiUrl });
  const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  // The embedded default: deliveries run in the background from the in-process scheduler.
  const { deps, scheduler, start } = embeddedDeps({
    store,
    policy,
    concurrency: process.env.BENCH_DELIVERING ? Number(process.env.BENCH_DELIVERING) : undefined,
  });
  await start();
  const platform = buildSlackPlatform({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiUrl }, deps)!;
  const web = await startWeb({ port: 0, host: "127.0.0.1", store, clock: systemClock, probes: [], routes: platform.routes });
  const pages = expandTargets(policy, policy.severities.urgent!.paging[0]!.page).length;

  const ack: number[] = [];
  const paged: number[] = [];
  const callsPerRound: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const url = `http://127.0.0.1:${web.port}${SLACK_EVENTS_PATH}`;
    const r = await fake.call("declares", { url, secret: SECRET, prefix: "Bench", round, concurrent: CONCURRENT, pages });
    if (round === 0) continue; // warm-up
    callsPerRound.push(r.calls);
    ack.push(...r.ack);
    paged.push(...r.paged);
  }
  await platform.idle();
  await platform.stop();
  await scheduler.stop();
  await web.close();
  // The baseline, in the same run: a bare node:http server in this process
  // that reads the same signed requests and answers 200, sent by the same
  // sender 50 at once.
  const bare = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end());
  });
  await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const bareAck: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const r = await fake.call("declares", { url: bareUrl, secret: SECRET, prefix: "Bare", round, concurrent: CONCURRENT, pages: 0 });
    if (round > 0) bareAck.push(...r.ack);
  }
  bare.close();
  // The pages' baseline, in the same run: a bare Slack Web API client in this
  // process making as many calls as Beacon made in a round (rooms, cards,
  // pages, notices), all at once.
  const calls = Math.round(callsPerRound.reduce((x, y) => x + y, 0) / callsPerRound.length);
  const burst: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const ms = await fake.call("burst", { calls, round });
    if (round > 0) burst.push(ms);
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
  await fake.call("close", undefined);
  await fake.close();
  await db.close();
}
