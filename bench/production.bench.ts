// Production mode figures (PostgreSQL + Redis on loopback):
// - reminder lateness on BullMQ with 100,000 pending timers;
// - declares per second and declare latency with a web side (store + BullMQ
//   producer) and a worker (BullMQ worker firing timers) running together;
// - time for a restarted worker to reconcile 100,000 ledger timers with an
//   empty Redis (after a flush), and again when Redis already holds them all.
// Run: npm run bench -- production   (needs PostgreSQL and Redis)
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { AppDeps } from "../src/app/deps.js";
import { dispatch } from "../src/app/dispatch.js";
import { runDueTimer } from "../src/app/run-due-timer.js";
import { createCalendar } from "../src/core/calendar/business-calendar.js";
import type { TimerSpec } from "../src/core/timers.js";
import { BullmqScheduler, redisConnection } from "../src/infra/bullmq-scheduler.js";
import { openDatabase } from "../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../src/infra/db/prisma-incident-store.js";
import { loadPolicyFile } from "../src/infra/policy-file.js";
import { systemClock } from "../src/ports/clock.js";
import { silentLogger } from "../src/ports/logger.js";
import { MemoryStore } from "../test/fakes/memory-store.js";
import { RecordingChat } from "../test/fakes/recording-chat.js";
import { freshPostgresDatabase } from "../test/helpers/postgres.js";
import { percentiles, report } from "./stats.js";

const REDIS = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PENDING = Number(process.env.BENCH_PENDING ?? 100_000);
const FIRING = Number(process.env.BENCH_FIRING ?? 2000);
const DECLARES = Number(process.env.BENCH_DECLARES ?? 300);
const payload = { kind: "escalate" as const, incidentId: "x", generation: 1, step: 0 };

async function bullmqLateness(): Promise<void> {
  const queueName = `bench-lateness-${Date.now()}`;
  const store = new MemoryStore();
  const producer = new BullmqScheduler({
    connection: redisConnection(REDIS, "producer"),
    store,
    clock: systemClock,
    log: silentLogger,
    work: false,
    queueName,
  });
  const far = Date.now() + 86_400_000;
  const t0 = performance.now();
  for (let i = 0; i < PENDING - FIRING; i += 1000) {
    const n = Math.min(1000, PENDING - FIRING - i);
    await producer.arm(Array.from({ length: n }, (_, j) => ({ key: `far:${i + j}`, dueAt: new Date(far + i + j).toISOString(), payload })));
  }
  const armMs = performance.now() - t0;
  const late: number[] = [];
  const dueOf = new Map<string, number>();
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const worker = new BullmqScheduler({
    connection: redisConnection(REDIS, "worker"),
    store,
    clock: systemClock,
    log: silentLogger,
    work: true,
    queueName,
    reconcileEveryMs: 3_600_000,
  });
  await worker.start(async (key) => {
    late.push(Date.now() - dueOf.get(key)!);
    if (late.length === FIRING) done();
  });
  const now = Date.now();
  const soon: TimerSpec[] = [];
  for (let i = 0; i < FIRING; i++) {
    const due = Math.floor(now + 1000 + Math.random() * 5000);
    dueOf.set(`soon:${i}`, due);
    soon.push({ key: `soon:${i}`, dueAt: new Date(due).toISOString(), payload });
  }
  await producer.arm(soon);
  await finished;
  const p = percentiles(late);
  report(`BullMQ lateness (${PENDING} pending)`, {
    fired: FIRING,
    p50_ms: p.p50,
    p99_ms: p.p99,
    max_ms: p.max,
    arm_per_s: ((PENDING - FIRING) / armMs) * 1000,
  });
  await worker.stop();
  await producer.queue.obliterate({ force: true });
  await producer.stop();
}

async function declaresWithWebAndWorker(): Promise<void> {
  const fresh = await freshPostgresDatabase();
  const setup = await openDatabase({ url: fresh.url, migrateOnOpen: true });
  await setup.close();
  const queueName = `bench-declare-${Date.now()}`;
  const policy = loadPolicyFile();
  const base = { clock: systemClock, policy, cal: createCalendar(policy.calendar), newId: () => crypto.randomUUID(), log: silentLogger };
  // Two database pools and two Redis roles, as the two processes would have.
  const webDb = await openDatabase({ url: fresh.url });
  const workerDb = await openDatabase({ url: fresh.url });
  const webStore = new PrismaIncidentStore(webDb.prisma, webDb.kind, webDb.direct);
  const workerStore = new PrismaIncidentStore(workerDb.prisma, workerDb.kind, workerDb.direct);
  const web: AppDeps = {
    ...base,
    store: webStore,
    chats: new Map([["test", new RecordingChat()]]),
    scheduler: new BullmqScheduler({
      connection: redisConnection(REDIS, "producer"),
      store: webStore,
      clock: systemClock,
      log: silentLogger,
      work: false,
      queueName,
    }),
  };
  const workerScheduler = new BullmqScheduler({
    connection: redisConnection(REDIS, "worker"),
    store: workerStore,
    clock: systemClock,
    log: silentLogger,
    work: true,
    queueName,
  });
  const worker: AppDeps = { ...base, store: workerStore, chats: new Map([["test", new RecordingChat()]]), scheduler: workerScheduler };
  await workerScheduler.start((key) => runDueTimer(worker, key));
  const actor = { platform: "test", userId: "dana", name: "Dana", personId: "dana" };
  for (let i = 0; i < 10; i++)
    await dispatch(web, { actor, text: `declare urgent Warm-up ${i} --kind complaint`, requestKey: `warm-${i}` });
  for (const concurrency of [1, 8]) {
    const lat: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < DECLARES; i = next++) {
          const s = performance.now();
          const reply = await dispatch(web, {
            actor,
            text: `declare urgent Bench ${concurrency}-${i} --kind complaint`,
            requestKey: `bench-${concurrency}-${i}`,
          });
          if (reply.error) throw new Error(reply.text);
          lat.push(performance.now() - s);
        }
      }),
    );
    const p = percentiles(lat);
    report(`declare, web+worker, PG+Redis, ${concurrency} at once`, {
      declares_per_s: DECLARES / ((performance.now() - t0) / 1000),
      p50_ms: p.p50,
      p99_ms: p.p99,
      max_ms: p.max,
    });
  }
  await workerScheduler.stop();
  await (web.scheduler as BullmqScheduler).queue.obliterate({ force: true });
  await web.scheduler.stop();
  await webDb.close();
  await workerDb.close();
  await fresh.drop();
}

async function reconcileLedger(): Promise<void> {
  const fresh = await freshPostgresDatabase();
  const db = await openDatabase({ url: fresh.url, migrateOnOpen: true });
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO timer (key, incident_id, kind, due_at, payload, state, created_at)
    SELECT 'bench:' || g, NULL, 'escalate', now() + g * (interval '7 days' / ${PENDING}),
           '{"kind":"escalate","incidentId":"x","generation":1,"step":0}'::jsonb, 'pending', now()
    FROM generate_series(1, ${PENDING}) g`);
  const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  const queueName = `bench-reconcile-${Date.now()}`;
  const scheduler = new BullmqScheduler({
    connection: redisConnection(REDIS, "worker"),
    store,
    clock: systemClock,
    log: silentLogger,
    work: false,
    queueName,
  });
  // Baseline, same run: the bare driver reading every pending ledger row (what a reconcile without a horizon starts with).
  const pool = new pg.Pool({ connectionString: fresh.url, max: 1 });
  let t0 = performance.now();
  const all = await pool.query("SELECT key, due_at FROM timer WHERE state = 'pending' ORDER BY due_at, key");
  const baseline = performance.now() - t0;
  await pool.end();
  t0 = performance.now();
  const seen = await scheduler.reconcile();
  const ms = performance.now() - t0;
  report(`reconcile ${PENDING} ledger timers over a week, empty Redis`, {
    ms,
    checked: seen,
    delayed_jobs: await scheduler.queue.getDelayedCount(),
    baseline_read_all_ms: baseline,
    baseline_rows: all.rowCount ?? 0,
    ratio: ms / baseline,
  });
  t0 = performance.now();
  await scheduler.reconcile();
  report(`reconcile again, the horizon's jobs all present`, {
    ms: performance.now() - t0,
    delayed_jobs: await scheduler.queue.getDelayedCount(),
  });
  await scheduler.queue.obliterate({ force: true });
  await scheduler.stop();
  await db.close();
  await fresh.drop();
}

export async function benchProduction(): Promise<void> {
  await bullmqLateness();
  await declaresWithWebAndWorker();
  await reconcileLedger();
}
