import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { AppDeps } from "../app/deps.js";
import { runDueTimer } from "../app/run-due-timer.js";
import { policyWarnings } from "../app/warnings.js";
import { createCalendar } from "../core/calendar/business-calendar.js";
import type { Policy } from "../core/policy/schema.js";
import type { Config } from "../config.js";
import { BullmqScheduler, redisConnection } from "../infra/bullmq-scheduler.js";
import { openDatabase, type Database } from "../infra/db/connect.js";
import { PrismaIncidentStore } from "../infra/db/prisma-incident-store.js";
import { systemClock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import { startWeb } from "../web/server.js";
import { buildPlatforms } from "./platforms.js";
import { buildRoutes } from "./routes.js";

export class StartupError extends Error {
  readonly code = "STARTUP.FAILED";
}

/** The servers production mode needs, reachable now, or one clear line. */
async function connect(config: Config): Promise<{ db: Database; redisUrl: string }> {
  if (!config.DATABASE_URL || !config.REDIS_URL) {
    throw new StartupError("web and worker need DATABASE_URL and REDIS_URL (without them, `npm start` runs everything in one process)");
  }
  const redis = new Redis(config.REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 5000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    throw new StartupError(`Cannot reach Redis at ${config.REDIS_URL.replace(/\/\/[^@]*@/, "//***@")}: ${(e as Error).message}`);
  } finally {
    redis.disconnect();
  }
  const db = await openDatabase({ url: config.DATABASE_URL });
  return { db, redisUrl: config.REDIS_URL };
}

interface Running {
  stop(): Promise<void>;
}

async function compose(config: Config, policy: Policy, log: Logger, role: "web" | "worker") {
  const { db, redisUrl } = await connect(config);
  const store = new PrismaIncidentStore(db.prisma);
  const scheduler = new BullmqScheduler({
    connection: redisConnection(redisUrl, role === "worker" ? "worker" : "producer"),
    store,
    clock: systemClock,
    log,
    work: role === "worker",
    concurrency: config.BEACON_WORKER_CONCURRENCY,
    reconcileEveryMs: config.BEACON_RECONCILE_SECONDS * 1000,
  });
  const deps: AppDeps = {
    store,
    chats: new Map(),
    scheduler,
    clock: systemClock,
    policy,
    cal: createCalendar(policy.calendar),
    newId: randomUUID,
    log,
  };
  const platforms = buildPlatforms(config, deps);
  return { db, store, scheduler, deps, platforms, redisUrl };
}

/** The web process: platform receivers and HTTP. Its commands arm timers on Redis; the worker fires them. */
export async function runWeb(config: Config, policy: Policy, log: Logger): Promise<Running> {
  const c = await compose(config, policy, log, "web");
  const probeRedis = new Redis(c.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  probeRedis.on("error", () => undefined);
  await probeRedis.connect().catch(() => undefined);
  const web = await startWeb({
    port: config.PORT,
    store: c.store,
    clock: systemClock,
    probes: [
      { name: "database", check: async () => void (await c.db.prisma.$queryRaw`SELECT 1`) },
      { name: "redis", check: async () => void (await probeRedis.ping()) },
    ],
    warnings: () => policyWarnings(c.deps),
    routes: buildRoutes(config, c.deps, c.platforms),
  });
  for (const p of c.platforms) await p.start();
  if (!c.platforms.length) log.warn("no chat platform configured (SLACK_BOT_TOKEN or DISCORD_TOKEN); serving HTTP only");
  log.info("web started", { port: web.port, platforms: c.platforms.map((p) => p.name) });
  return {
    stop: async () => {
      for (const p of c.platforms) await p.stop();
      await web.close();
      probeRedis.disconnect();
      await c.scheduler.stop();
      await c.db.close();
    },
  };
}

/** The worker process: fires due timers (reminders, escalations, deliveries), reconciling the ledger with Redis. */
export async function runWorker(config: Config, policy: Policy, log: Logger): Promise<Running> {
  const c = await compose(config, policy, log, "worker");
  await c.scheduler.start((key) => runDueTimer(c.deps, key));
  log.info("worker started", { platforms: c.platforms.map((p) => p.name) });
  return {
    stop: async () => {
      await c.scheduler.stop();
      await c.db.close();
    },
  };
}
