import { Queue, Worker, type ConnectionOptions } from "bullmq";
import { Redis } from "ioredis";
import type { TimerSpec } from "../core/timers.js";
import type { Clock } from "../ports/clock.js";
import type { IncidentStore } from "../ports/incident-store.js";
import type { Logger } from "../ports/logger.js";
import type { Scheduler } from "../ports/scheduler.js";

export const QUEUE_NAME = "beacon-timers";

export interface BullmqSchedulerOptions {
  /** A client from `redisConnection` is the scheduler's: `stop()` disconnects it. */
  connection: ConnectionOptions;
  store: IncidentStore;
  clock: Clock;
  log: Logger;
  /** Run due timers in this process (the worker). The web process only arms. */
  work: boolean;
  concurrency?: number;
  /** How often the worker reconciles the ledger with the queue (and arms what came into the horizon). */
  reconcileEveryMs?: number;
  /**
   * Only timers due within this much of now get a job in Redis; later ones wait
   * in the ledger until a reconcile finds them inside it. At least twice the
   * reconcile interval, so nothing comes due between two sweeps unarmed.
   */
  horizonMs?: number;
  queueName?: string;
}

/**
 * Wake-ups as BullMQ delayed jobs on Redis. The job id is the ledger key plus
 * its due time, so re-arming the same timer is a no-op and a timer moved to
 * another time gets a job of its own. Redis is allowed to lose everything: the
 * ledger in the database is the truth, and `reconcile()` (on worker start and
 * periodically) re-adds a job for every pending ledger timer, which BullMQ
 * ignores for ids it already holds. A job whose timer is fired or cancelled
 * does nothing (the handler re-reads the ledger).
 *
 * Redis holds only the horizon (an hour by default): a timer due next week
 * stays in the ledger until a periodic reconcile finds it within the hour, so
 * a reconcile into an empty Redis adds the next hour's jobs, not 100,000.
 */
export class BullmqScheduler implements Scheduler {
  readonly queue: Queue;
  private worker?: Worker;
  private reconciling?: NodeJS.Timeout;
  private handler?: (key: string) => Promise<void>;

  constructor(private readonly opts: BullmqSchedulerOptions) {
    this.queue = new Queue(opts.queueName ?? QUEUE_NAME, {
      connection: opts.connection,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: true, attempts: 5, backoff: { type: "exponential", delay: 1000 } },
    });
    this.queue.on("error", (e) => opts.log.warn("queue connection problem", { err: e }));
  }

  /** The horizon in force: as asked, but never shorter than two reconcile intervals. */
  get horizonMs(): number {
    return Math.max(this.opts.horizonMs ?? 3_600_000, 2 * (this.opts.reconcileEveryMs ?? 30_000));
  }

  async arm(timers: TimerSpec[]): Promise<void> {
    const now = this.opts.clock.now().getTime();
    const soon = timers.filter((t) => Date.parse(t.dueAt) <= now + this.horizonMs); // the rest: the sweep arms them
    if (!soon.length) return;
    await this.queue.addBulk(
      soon.map((t) => ({
        name: "timer",
        data: { key: t.key },
        opts: { jobId: jobId(t.key, t.dueAt), delay: Math.max(0, Date.parse(t.dueAt) - now) },
      })),
    );
  }

  /** Remove the wake-ups of cancelled timers (their due time comes from the ledger). */
  async cancel(keys: string[]): Promise<void> {
    for (const key of keys) {
      const row = await this.opts.store.timer(key);
      if (!row) continue;
      const job = await this.queue.getJob(jobId(key, row.dueAt));
      if (job && (await job.isDelayed())) await job.remove().catch(() => undefined);
    }
  }

  async start(handler: (key: string) => Promise<void>): Promise<void> {
    this.handler = handler;
    if (!this.opts.work) return;
    await this.reconcile();
    this.worker = new Worker(this.queue.name, async (job) => this.handler!(String(job.data.key)), {
      connection: this.opts.connection,
      concurrency: this.opts.concurrency ?? 10,
    });
    this.worker.on("error", (e) => this.opts.log.warn("worker connection problem", { err: e }));
    this.worker.on("failed", (job, e) => this.opts.log.warn("timer job failed", { key: job?.data.key, err: e }));
    this.worker.on("completed", (job) => this.opts.log.debug("timer done", { key: job.data.key }));
    const every = this.opts.reconcileEveryMs ?? 30_000;
    this.reconciling = setInterval(
      () => void this.reconcile().catch((e: Error) => this.opts.log.warn("reconcile failed", { err: e })),
      every,
    );
  }

  /**
   * Re-add a job for every pending ledger timer within the horizon whose job
   * Redis does not hold (lost, or newly inside the horizon). Presence is one
   * pipelined EXISTS per page; adding is idempotent anyway, so a job that
   * vanishes between the check and the add is at worst added once more.
   * Returns how many timers were checked.
   */
  async reconcile(batch = 1000): Promise<number> {
    let afterKey: string | undefined;
    let seen = 0;
    const dueBefore = new Date(this.opts.clock.now().getTime() + this.horizonMs);
    // BullMQ's Redis backend hands out its ioredis client; its own type hides the plain commands.
    const client = (await this.queue.getBackend().client) as unknown as Redis;
    for (;;) {
      const page = await this.opts.store.pendingTimers({ limit: batch, afterKey, dueBefore });
      if (!page.length) break;
      const pipeline = client.pipeline();
      for (const t of page) pipeline.exists(this.queue.toKey(jobId(t.key, t.dueAt)));
      const present = (await pipeline.exec()) ?? [];
      await this.arm(page.filter((_, i) => present[i]?.[1] !== 1));
      seen += page.length;
      this.opts.log.debug("reconciled", { checked: page.length, rearmed: page.length - present.filter((p) => p?.[1] === 1).length });
      afterKey = page.at(-1)!.key;
      if (page.length < batch) break;
    }
    return seen;
  }

  async stop(): Promise<void> {
    if (this.reconciling) clearInterval(this.reconciling);
    await this.worker?.close();
    await this.queue.close();
    // BullMQ leaves a client it was given open (it may be shared); this one was made for us.
    if (this.opts.connection instanceof Redis) this.opts.connection.disconnect();
  }
}

/** BullMQ ids may not contain ":"; ledger keys do. */
export function jobId(key: string, dueAt: string): string {
  return `${key.replaceAll(":", "~")}@${Date.parse(dueAt)}`;
}

/**
 * A Redis client for REDIS_URL exactly as given: ioredis reads the URL itself,
 * so `rediss://` (TLS), a username, the database and options such as
 * `?family=6` all arrive. A worker waits out a Redis outage
 * (maxRetriesPerRequest null, as BullMQ requires); a producer fails fast, so
 * a command is never held hostage by Redis (its timers are safe in the ledger).
 */
export function redisConnection(url: string, role: "worker" | "producer"): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === "worker" ? null : 1,
    enableOfflineQueue: role === "worker",
    connectTimeout: 5000,
  });
}
