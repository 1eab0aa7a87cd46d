import { HttpWebhooks } from "../infra/webhooks.js";
import { armHandoffs } from "../app/handoff.js";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { AppDeps } from "../app/deps.js";
import { reviewSide } from "./review.js";
import { runDueTimer } from "../app/run-due-timer.js";
import { createCalendar } from "../core/calendar/business-calendar.js";
import type { Policy } from "../core/policy/schema.js";
import type { Config } from "../config.js";
import { BullmqScheduler, redisConnection } from "../infra/bullmq-scheduler.js";
import { openDatabase, redactUrl } from "../infra/db/connect.js";
import { PrismaAccessStore } from "../infra/db/prisma-access-store.js";
import { PrismaIncidentStore } from "../infra/db/prisma-incident-store.js";
import { systemClock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import { ChatConnections } from "./chat-connections.js";
import { processMetrics, serveHttp } from "./http.js";
import { Teardown, type Service } from "./lifecycle.js";
import { buildPlatforms } from "./platforms.js";
import { buildRoutes } from "./routes.js";
import { StartupError } from "./startup-error.js";

/** Redis answers now, or one line with the reason ioredis met first (later ones say only "Connection is closed."). */
async function checkRedis(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 5000, retryStrategy: () => null });
  let first: Error | undefined;
  client.on("error", (e: Error) => (first ??= e));
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new StartupError(`Cannot reach Redis at ${redactUrl(url)}: ${(first ?? (e as Error)).message}`);
  } finally {
    client.disconnect();
  }
}

async function compose(config: Config, policy: Policy, log: Logger, role: "web" | "worker", teardown: Teardown) {
  const redisUrl = config.REDIS_URL!;
  await checkRedis(redisUrl);
  const db = await openDatabase({ url: config.DATABASE_URL });
  teardown.add("database", () => db.close());
  const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  const scheduler = new BullmqScheduler({
    connection: redisConnection(redisUrl, role === "worker" ? "worker" : "producer"),
    store,
    clock: systemClock,
    log,
    work: role === "worker",
    queueName: config.BEACON_QUEUE,
    concurrency: config.BEACON_WORKER_CONCURRENCY,
    reconcileEveryMs: config.BEACON_RECONCILE_SECONDS * 1000,
    horizonMs: config.BEACON_TIMER_HORIZON_MINUTES * 60_000,
  });
  teardown.add("scheduler", () => scheduler.stop());
  const deps: AppDeps = {
    store,
    grants: new PrismaAccessStore(db.prisma),
    chats: new Map(),
    scheduler,
    clock: systemClock,
    policy,
    cal: createCalendar(policy.calendar),
    newId: randomUUID,
    log,
    webhooks: new HttpWebhooks(
      policy.webhooks,
      (name) => config.env[name],
      () => systemClock.now(),
    ),
  };
  const platforms = await buildPlatforms(config, deps);
  const chats = new ChatConnections(platforms, { log, how: role === "web" ? "start" : "verify" });
  teardown.add("chat platforms", async () => {
    for (const p of platforms) await p.stop();
  });
  teardown.add("chat retries", () => chats.stop());
  const queue = async () => scheduler.queue.getJobCounts("delayed", "waiting", "active", "failed");
  const metrics = processMetrics(db, deps, chats, queue);
  return { db, scheduler, deps, platforms, chats, metrics, redisUrl };
}

/** The web process: platform receivers, reviewer pages, health and metrics. Its commands arm timers on Redis; the worker fires them. */
export async function startWebProcess(config: Config, policy: Policy, log: Logger): Promise<Service> {
  const teardown = new Teardown(log);
  return teardown.guard(async () => {
    const c = await compose(config, policy, log, "web", teardown);
    const probeRedis = new Redis(c.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    probeRedis.on("error", () => undefined); // readiness reports it
    teardown.add("redis probe", () => probeRedis.disconnect());
    await probeRedis.connect().catch(() => undefined);
    const web = await serveHttp({
      config,
      deps: c.deps,
      db: c.db,
      chats: c.chats,
      metrics: c.metrics,
      routes: buildRoutes(config, c.deps, c.platforms),
      probes: [{ name: "redis", check: async () => void (await probeRedis.ping()) }],
      defaultHost: "0.0.0.0",
    });
    teardown.add("http", () => web.close());
    await c.chats.begin();
    if (!c.platforms.length) log.warn("no chat platform configured (SLACK_BOT_TOKEN or DISCORD_TOKEN); serving HTTP only");
    log.info("web started", { port: web.port, publicUrl: config.BEACON_PUBLIC_URL, platforms: c.platforms.map((p) => p.name) });
    return { stop: () => teardown.run(), failed: c.chats.failed };
  });
}

/**
 * The worker process: fires due timers (reminders, escalations, deliveries),
 * reconciling the ledger with Redis. It serves /healthz, /readyz and /metrics
 * on PORT when it can; a taken port only costs those. A chat platform that
 * is down never stops it: deliveries wait in the outbox.
 */
export async function startWorkerProcess(config: Config, policy: Policy, log: Logger): Promise<Service> {
  const teardown = new Teardown(log);
  return teardown.guard(async () => {
    const c = await compose(config, policy, log, "worker", teardown);
    // The worker delivers: the summary it posts on close links to the incident page (the route is the web's).
    if (config.BEACON_LINK_SECRET) reviewSide(config, c.deps, config.BEACON_LINK_SECRET);
    await c.chats.begin();
    let port: number | undefined;
    try {
      const web = await serveHttp({
        config,
        deps: c.deps,
        db: c.db,
        chats: c.chats,
        metrics: c.metrics,
        routes: [],
        defaultHost: "0.0.0.0",
      });
      teardown.add("http", () => web.close());
      port = web.port;
    } catch (e) {
      log.warn("health and metrics not served", { port: config.PORT, reason: (e as Error).message });
    }
    await c.scheduler.start((key) => runDueTimer(c.deps, key));
    await armHandoffs(c.deps);
    log.info("worker started", {
      port,
      queue: config.BEACON_QUEUE,
      concurrency: config.BEACON_WORKER_CONCURRENCY,
      platforms: c.platforms.map((p) => p.name),
    });
    return { stop: () => teardown.run() };
  });
}
