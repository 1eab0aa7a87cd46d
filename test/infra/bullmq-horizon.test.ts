import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { TimerSpec } from "../../src/core/timers.js";
import { BullmqScheduler, redisConnection } from "../../src/infra/bullmq-scheduler.js";
import { ManualClock } from "../../src/infra/clocks.js";
import { silentLogger } from "../../src/ports/logger.js";
import { MemoryStore } from "../fakes/memory-store.js";
import { created, sampleIncident } from "./db/sample-incident.js";
import { REDIS_URL } from "./scheduler-contract.test.js";

const T = new Date("2026-11-27T09:30:00.000Z");
const at = (ms: number) => new Date(T.getTime() + ms).toISOString();
const MIN = 60_000;

let scheduler: BullmqScheduler | undefined;
afterEach(async () => {
  await scheduler?.queue.obliterate({ force: true });
  await scheduler?.stop();
  scheduler = undefined;
});

describe("BullMQ scheduler's horizon", () => {
  it("keeps only the next hour in Redis: a timer due next week waits in the ledger until a sweep finds it within the hour", async () => {
    const store = new MemoryStore();
    const inc = sampleIncident();
    const timer = (key: string, dueAt: string): TimerSpec => ({
      key,
      dueAt,
      payload: { kind: "escalate", incidentId: inc.id, generation: 1, step: 0 },
    });
    const week = timer(`${inc.id}:week`, at(7 * 24 * 60 * MIN));
    await store.commit(created(inc, [], [timer(`${inc.id}:soon`, at(10 * MIN)), week]));
    const clock = new ManualClock(T);
    scheduler = new BullmqScheduler({
      connection: redisConnection(REDIS_URL, "worker"),
      store,
      clock,
      log: silentLogger,
      work: true,
      queueName: `beacon-test-${randomBytes(4).toString("hex")}`,
      reconcileEveryMs: 10 * MIN, // never ticks during the test: sweeps are called by hand
      horizonMs: 60 * MIN,
    });
    await scheduler.start(async () => undefined); // reconciles on start
    expect(await scheduler.queue.getDelayedCount()).toBe(1);
    await scheduler.arm([week]);
    expect(await scheduler.queue.getDelayedCount()).toBe(1);
    clock.set(new Date(Date.parse(week.dueAt) - 50 * MIN));
    await scheduler.reconcile();
    expect(await scheduler.queue.getDelayedCount()).toBe(2);
  });

  it("never lets the horizon be shorter than two sweeps", () => {
    scheduler = new BullmqScheduler({
      connection: redisConnection(REDIS_URL, "producer"),
      store: new MemoryStore(),
      clock: new ManualClock(T),
      log: silentLogger,
      work: false,
      queueName: `beacon-test-${randomBytes(4).toString("hex")}`,
      reconcileEveryMs: 45 * MIN,
      horizonMs: 60 * MIN,
    });
    expect(scheduler.horizonMs).toBe(90 * MIN);
  });
});
