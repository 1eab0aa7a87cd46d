// Lateness of the in-process scheduler with 100,000 pending timers: how long
// after its due time each timer reaches the handler (scheduler only, the
// handler records and returns), and how long re-arming 100,000 ledger rows
// from PGlite takes at start. Run: npm run bench -- lateness
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
  const now = Date.now();
  const timers: TimerSpec[] = [];
  for (let i = 0; i < PENDING; i++) {
    // FIRING timers due in the next 0.5-5 s, the rest days away.
    const due = Math.floor(i < FIRING ? now + 500 + Math.random() * 4500 : now + 86_400_000 + i);
    dueOf.set(`t${i}`, due);
    timers.push({
      key: `t${i}`,
      dueAt: new Date(due).toISOString(),
      payload: { kind: "escalate", incidentId: "x", generation: 1, step: 0 },
    });
  }
  await scheduler.arm(timers);
  await finished;
  await scheduler.stop();
  const p = percentiles(late);
  report(`local scheduler lateness (${PENDING} pending)`, { fired: FIRING, p50_ms: p.p50, p99_ms: p.p99, max_ms: p.max });

  const db = await openDatabase({ dataDir: ":memory:" });
  const store = new PrismaIncidentStore(db.prisma);
  const inc = sampleIncident();
  const far = Date.now() + 86_400_000;
  await store.commit(
    created(
      inc,
      [],
      Array.from({ length: PENDING }, (_, i) => ({
        key: `r${i}`,
        dueAt: new Date(far + i).toISOString(),
        payload: { kind: "escalate" as const, incidentId: inc.id, generation: 1, step: 0 },
      })),
    ),
  );
  const restart = new LocalScheduler({ store, clock: systemClock, log: silentLogger, auto: false });
  const t0 = performance.now();
  await restart.start(async () => undefined);
  report(`re-arm ${PENDING} ledger timers on start (PGlite)`, { ms: performance.now() - t0, armed: restart.pending });
  await db.close();
}
