// Alerts in: requests accepted per second (authenticated, parsed, stored in
// the ledger, answered 202) and alert -> pages posted latency (declared and
// paged through the scheduler), each beside a bare HTTP server answering 202
// in the same run. Embedded PGlite. Run: npm run bench -- alerts
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { policySchema } from "../src/core/policy/schema.js";
import { openDatabase } from "../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../src/infra/db/prisma-incident-store.js";
import { embeddedDeps } from "./embedded-deps.js";
import { loadPolicyFile } from "../src/infra/policy-file.js";
import { systemClock } from "../src/ports/clock.js";
import { alertHooks } from "../src/web/alert-hooks.js";
import { startWeb } from "../src/web/server.js";
import { RecordingChat } from "../test/fakes/recording-chat.js";
import { percentiles, report } from "./stats.js";

const N = Number(process.env.BENCH_ALERTS ?? 500);
const M = Number(process.env.BENCH_ALERT_PAGES ?? 50);
const TOKEN = "bench-token";

async function post(url: string, body: string): Promise<number> {
  const res = await fetch(url, { method: "POST", body, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" } });
  await res.arrayBuffer();
  return res.status;
}

async function timed(n: number, send: (i: number) => Promise<void>): Promise<{ perS: number; lat: number[] }> {
  const lat: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await send(i);
    lat.push(performance.now() - s);
  }
  return { perS: n / ((performance.now() - t0) / 1000), lat };
}

export async function benchAlerts(): Promise<void> {
  const base = loadPolicyFile();
  const policy = policySchema.parse({
    ...base,
    alerts: { sources: { mon: { name: "Monitor", format: "generic", secretEnv: "BENCH" } }, stormWindow: "0s" },
  });
  const db = await openDatabase({ dataDir: ":memory:" });
  const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  const chat = new RecordingChat();
  const { deps, scheduler, start } = embeddedDeps({ store, policy, chats: new Map([["test", chat]]), concurrency: 1 });
  const web = await startWeb({
    port: 0,
    host: "127.0.0.1",
    store,
    clock: systemClock,
    probes: [],
    routes: [alertHooks(deps, () => TOKEN)],
  });
  const bare = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(202, { "content-type": "application/json" }).end('{"accepted":1}'));
  });
  await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/hooks/mon`;
  const hookUrl = `http://127.0.0.1:${web.port}/hooks/mon`;
  const alert = (id: string) => JSON.stringify({ id, title: `Probe ${id} down`, labels: { severity: "general", probe: id } });

  // Accepted per second: the scheduler is not running, so this is intake alone.
  const baseline = await timed(N, async () => void (await post(bareUrl, alert("x"))));
  const accepted = await timed(N, async (i) => {
    if ((await post(hookUrl, alert(`a${i}`))) !== 202) throw new Error("not accepted");
  });
  const b = percentiles(baseline.lat);
  const a = percentiles(accepted.lat);
  report("alerts accepted (bare HTTP 202 baseline)", { per_s: baseline.perS, p50_ms: b.p50, p99_ms: b.p99 });
  report("alerts accepted (auth, parse, ledger, 202)", { per_s: accepted.perS, p50_ms: a.p50, p99_ms: a.p99 });

  // Alert -> pages posted: each alert declares its own incident and pages its first step.
  await start();
  // Let the intake backlog drain (each of those alerts declares an incident: they stay open, as in a storm that did not fold).
  while ((await store.pendingTimers({ dueBefore: new Date() })).length) await new Promise((r) => setTimeout(r, 50));
  const pages = () => chat.of("page").length;
  const paged = await timed(M, async (i) => {
    const before = pages();
    await post(hookUrl, alert(`p${i}`));
    while (pages() <= before) await new Promise((r) => setImmediate(r));
  });
  const p = percentiles(paged.lat);
  report("alert -> first page posted", { p50_ms: p.p50, p99_ms: p.p99, max_ms: p.max, bare_http_p99_ms: b.p99 });
  await scheduler.stop();
  await web.close();
  bare.close();
  await db.close();
}
