// Declares per second and declare latency (command to committed incident with
// its room, card and pages delivered to a no-op chat), on the embedded PGlite
// and on PostgreSQL. Run: npm run bench -- declare
import { performance } from "node:perf_hooks";
import { createCalendar } from "../src/core/calendar/business-calendar.js";
import type { AppDeps } from "../src/app/deps.js";
import { dispatch } from "../src/app/dispatch.js";
import { openDatabase } from "../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../src/infra/db/prisma-incident-store.js";
import { LocalScheduler } from "../src/infra/local-scheduler.js";
import { loadPolicyFile } from "../src/infra/policy-file.js";
import { systemClock } from "../src/ports/clock.js";
import { silentLogger } from "../src/ports/logger.js";
import { RecordingChat } from "../test/fakes/recording-chat.js";
import { freshPostgresDatabase } from "../test/helpers/postgres.js";
import { percentiles, report } from "./stats.js";

const N = Number(process.env.BENCH_DECLARES ?? 300);

async function run(label: string, db: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  const policy = loadPolicyFile();
  const store = new PrismaIncidentStore(db.prisma);
  const chat = new RecordingChat();
  const scheduler = new LocalScheduler({ store, clock: systemClock, log: silentLogger, auto: false });
  const deps: AppDeps = {
    store,
    chats: new Map([["test", chat]]),
    scheduler,
    clock: systemClock,
    policy,
    cal: createCalendar(policy.calendar),
    newId: () => crypto.randomUUID(),
    log: silentLogger,
  };
  const actor = { platform: "test", userId: "dana", name: "Dana", personId: "dana" };
  for (let i = 0; i < 10; i++)
    await dispatch(deps, { actor, text: `declare urgent Warm-up ${i} --kind complaint`, requestKey: `warm-${label}-${i}` });
  const lat: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const s = performance.now();
    const reply = await dispatch(deps, { actor, text: `declare urgent Bench ${i} --kind complaint`, requestKey: `bench-${label}-${i}` });
    if (reply.error) throw new Error(reply.text);
    lat.push(performance.now() - s);
  }
  const secs = (performance.now() - t0) / 1000;
  const p = percentiles(lat);
  report(`declare (sequential, ${label})`, {
    declares_per_s: N / secs,
    p50_ms: p.p50,
    p99_ms: p.p99,
    max_ms: p.max,
    chat_calls_per_declare: chat.calls.length / (N + 10),
  });
}

export async function benchDeclare(): Promise<void> {
  const pglite = await openDatabase({ dataDir: ":memory:" });
  await run("PGlite", pglite);
  await pglite.close();
  try {
    const fresh = await freshPostgresDatabase();
    const pgdb = await openDatabase({ url: fresh.url, migrateOnOpen: true });
    await run("PostgreSQL", pgdb);
    await pgdb.close();
    await fresh.drop();
  } catch (e) {
    console.log(`declare (PostgreSQL): skipped (${(e as Error).message})`);
  }
}
