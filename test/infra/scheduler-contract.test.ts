import { randomBytes } from "node:crypto";
import { BullmqScheduler, redisConnection } from "../../src/infra/bullmq-scheduler.js";
import { LocalScheduler } from "../../src/infra/local-scheduler.js";
import { systemClock } from "../../src/ports/clock.js";
import { silentLogger } from "../../src/ports/logger.js";
import { describeSchedulerContract } from "./scheduler-contract.js";

export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describeSchedulerContract("in-process (embedded default)", async (store) => ({
  scheduler: new LocalScheduler({ store, clock: systemClock, log: silentLogger, auto: true }),
}));

describeSchedulerContract("BullMQ on Redis", async (store) => ({
  scheduler: new BullmqScheduler({
    connection: redisConnection(REDIS_URL, "worker"),
    store,
    clock: systemClock,
    log: silentLogger,
    work: true,
    queueName: `beacon-test-${randomBytes(4).toString("hex")}`,
    reconcileEveryMs: 60_000,
  }),
}));
