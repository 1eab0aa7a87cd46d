import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import type { AppDeps } from "../../src/app/deps.js";
import { dispatch } from "../../src/app/dispatch.js";
import { runDueTimer } from "../../src/app/run-due-timer.js";
import { createCalendar } from "../../src/core/calendar/business-calendar.js";
import { BullmqScheduler, redisConnection } from "../../src/infra/bullmq-scheduler.js";
import { openDatabase, type Database } from "../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../src/infra/db/prisma-incident-store.js";
import { systemClock } from "../../src/ports/clock.js";
import { silentLogger } from "../../src/ports/logger.js";
import { RecordingChat } from "../fakes/recording-chat.js";
import { fastPolicy } from "../helpers/fast-policy.js";
import { expectEveryTimerFiredOnce, untilLedgerEmpty } from "../helpers/ledger-assertions.js";
import { freshPostgresDatabase } from "../helpers/postgres.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";

// Production faults on real PostgreSQL and real Redis: Redis losing its data,
// Redis going away for a while, two workers racing. The web side and the
// workers run in this process with their own connections, as separate
// processes would. Real seconds: the fast policy's timers fall due in 1 to 6 s.

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisTarget = { host: new URL(REDIS_URL).hostname, port: Number(new URL(REDIS_URL).port || 6379) };
const policy = fastPolicy();
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

interface Side {
  deps: AppDeps;
  scheduler: BullmqScheduler;
  store: PrismaIncidentStore;
}

async function database(): Promise<{ url: string; open(): Promise<Database> }> {
  const fresh = await freshPostgresDatabase();
  cleanups.push(() => fresh.drop());
  const setup = await openDatabase({ url: fresh.url, migrateOnOpen: true });
  await setup.close();
  return {
    url: fresh.url,
    open: async () => {
      const db = await openDatabase({ url: fresh.url });
      cleanups.push(() => db.close());
      return db;
    },
  };
}

/** A web process (arms timers, never runs them) or a worker (runs them, reconciles every second). */
async function side(db: Database, redisUrl: string, queueName: string, role: "web" | "worker"): Promise<Side> {
  const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  const scheduler = new BullmqScheduler({
    connection: redisConnection(redisUrl, role === "worker" ? "worker" : "producer"),
    store,
    clock: systemClock,
    log: silentLogger,
    work: role === "worker",
    queueName,
    reconcileEveryMs: 1000,
  });
  cleanups.push(() => scheduler.stop());
  const deps: AppDeps = {
    store,
    chats: new Map([["test", new RecordingChat()]]),
    scheduler,
    clock: systemClock,
    policy,
    cal: createCalendar(policy.calendar),
    newId: randomUUID,
    log: silentLogger,
  };
  await scheduler.start((key) => runDueTimer(deps, key));
  return { deps, scheduler, store };
}

async function declare(web: Side, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const reply = await dispatch(web.deps, {
      actor: { platform: "test", userId: "dana", name: "Dana", personId: "dana" },
      text: `declare urgent Fault test ${i}`,
      requestKey: `fault-${i}`,
    });
    expect(reply.error, reply.text).toBeUndefined();
  }
}

/** Delete every key of this queue: what a Redis restart without persistence does to it. */
async function loseQueue(queueName: string): Promise<number> {
  const redis = new Redis(REDIS_URL);
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `bull:${queueName}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  return deleted;
}

const queue = () => `beacon-faults-${randomUUID().slice(0, 8)}`;

describe("timers in production when Redis and workers misbehave", () => {
  it("fires every timer exactly once after Redis lost all its queue data while timers were pending", async () => {
    const db = await database();
    const name = queue();
    const web = await side(await db.open(), REDIS_URL, name, "web");
    const worker = await side(await db.open(), REDIS_URL, name, "worker");
    await declare(web, 0, 15);
    expect(await loseQueue(name)).toBeGreaterThan(0);
    await untilLedgerEmpty(worker.store, 60_000);
    await expectEveryTimerFiredOnce(worker.store, 15);
  }, 90_000);

  it("keeps taking commands while Redis is unreachable, then fires every timer once, late, when it is back", async () => {
    const db = await database();
    const name = queue();
    const proxy = await TcpProxy.start(redisTarget);
    cleanups.push(() => proxy.close());
    const viaProxy = `redis://${proxy.url}`;
    const web = await side(await db.open(), viaProxy, name, "web");
    const worker = await side(await db.open(), viaProxy, name, "worker");
    await declare(web, 0, 5);
    await proxy.cut();
    const started = Date.now();
    await declare(web, 5, 5); // the web side answers without Redis: the ledger holds the timers
    const commandMs = (Date.now() - started) / 5;
    expect(commandMs).toBeLessThan(2000);
    await new Promise((r) => setTimeout(r, 7000)); // every timer falls due while Redis is away
    expect((await web.store.pendingTimers({ limit: 1000 })).length).toBeGreaterThan(0);
    await proxy.restore();
    await untilLedgerEmpty(worker.store, 60_000);
    const { late } = await expectEveryTimerFiredOnce(worker.store, 10);
    expect(late).toBeGreaterThan(0);
  }, 90_000);

  it("never fires a timer twice when two workers share the queue and the ledger", async () => {
    const db = await database();
    const name = queue();
    const web = await side(await db.open(), REDIS_URL, name, "web");
    const one = await side(await db.open(), REDIS_URL, name, "worker");
    await side(await db.open(), REDIS_URL, name, "worker");
    await declare(web, 0, 20);
    await untilLedgerEmpty(one.store, 60_000);
    await expectEveryTimerFiredOnce(one.store, 20);
  }, 90_000);
});
