// Lateness of the in-process scheduler with 100,000 pending timers: how long
// after its due time each timer reaches the handler (scheduler only, the
// handler records and returns), beside bare setTimeout timers as many and as
// due in the same run; and how long re-arming 100,000 ledger rows from PGlite
// takes at start, beside a raw SQL read of the same rows. Run: npm run bench -- lateness
import { performance } from "node:perf_hooks";
import type { TimerSpec } from "../src/core/timers.js";
import { openDatabase } from "../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../src/infra/db/prisma-incident-store.js";
import { LocalScheduler } from "../src/infra/local-scheduler.js";
import { systemClock } from "../src/ports/clock.js";
import { silentLogger } from "../src/ports/logger.js";
import { MemoryStore } from "../test/fakes/memory-store.js";
import { created, sampleIncident } from "../test/infra/db/sample-incident.js";
import { percentiles, report } from "./stats.js";

const PENDING = Number(process.env.BENCH_PENDING ?? 100_000);
const FIRING = Number(process.env.BENCH_FIRING ?? 2000);

export async function benchLateness(): Promise<void> {
  const scheduler = new LocalScheduler({ store: new MemoryStore(), clock: systemClock, log: silentLogger, auto: true });
  const late: number[] = [];
  const dueOf = new Map<string, number>();
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  await scheduler.start(async (key) => {
    late.push(Date.now() - dueOf.get(key)!);
    if (late.length === FIRING) done();
  });
  // Arm the 100,000 first, then the ones that will fire, due from the moment
  // they are armed: lateness measures the scheduler, not the arming.
  const far = Date.now() + 86_400_000;
  const spec = (key: string, due: number): TimerSpec => {
    dueOf.set(key, due);
    return { key, dueAt: new Date(due).toISOString(), payload: { kind: "escalate", incidentId: "x", generation: 1, step: 0 } };
  };
  await scheduler.arm(Array.from({ length: PENDING - FIRING }, (_, i) => spec(`far${i}`, far + i)));
  const now = Date.now();
  await scheduler.arm(Array.from({ length: FIRING }, (_, i) => spec(`t${i}`, Math.floor(now + 500 + Math.random() * 4500))));
  await finished;
  await scheduler.stop();
  const p = percentiles(late);
  const bare = percentiles(await bareTimers());
  report(`local scheduler lateness (${PENDING} pending)`, {
    fired: FIRING,
    p50_ms: p.p50,
    p99_ms: p.p99,
    max_ms: p.max,
    bare_setTimeout_p99_ms: bare.p99,
    bare_max_ms: bare.max,
  });

  const db = await openDatabase({ dataDir: ":memory:" });
  const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  const inc = sampleIncident();
  const farther = Date.now() + 86_400_000;
  // The ledger filled in commits of 5,000 timers, as a busy Beacon would have written them.
  await store.commit(created(inc, [], []));
  for (let from = 0; from < PENDING; from += 5000) {
    const cur = (await store.get(inc.id))!;
    await store.commit({
      incident: { ...cur, version: cur.version + 1 },
      expectedVersion: cur.version,
      entries: [],
      cancelTimers: [],
      addTimers: Array.from({ length: Math.min(5000, PENDING - from) }, (_, j) => ({
        key: `r${from + j}`,
        dueAt: new Date(farther + from + j).toISOString(),
        payload: { kind: "escalate" as const, incidentId: inc.id, generation: 1, step: 0 },
      })),
    });
  }
  const restart = new LocalScheduler({ store, clock: systemClock, log: silentLogger, auto: false });
  const t0 = performance.now();
  await restart.start(async () => undefined);
  const rearm = performance.now() - t0;
  const t1 = performance.now();
  const rows = await db.prisma.$queryRawUnsafe<unknown[]>("SELECT key, due_at, payload FROM timer WHERE state = 'pending' ORDER BY due_at");
  const raw = performance.now() - t1;
  report(`re-arm ${PENDING} ledger timers on start (PGlite)`, {
    ms: rearm,
    armed: restart.pending,
    raw_sql_read_ms: raw,
    rows: rows.length,
    ratio: `${(rearm / raw).toFixed(2)}×`,
  });
  await db.close();
}

/** The baseline: as many bare setTimeout timers, the far ones pending, the near ones due as the scheduler's were. */
async function bareTimers(): Promise<number[]> {
  const late: number[] = [];
  const far = Array.from({ length: PENDING - FIRING }, (_, i) => setTimeout(() => undefined, 86_400_000 + i));
  const now = Date.now();
  await new Promise<void>((done) => {
    for (let i = 0; i < FIRING; i++) {
      const due = Math.floor(now + 500 + Math.random() * 4500);
      setTimeout(() => {
        late.push(Date.now() - due);
        if (late.length === FIRING) done();
      }, due - Date.now());
    }
  });
  for (const t of far) clearTimeout(t);
  return late;
}
