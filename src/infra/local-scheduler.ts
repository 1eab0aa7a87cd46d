import type { TimerSpec } from "../core/timers.js";
import type { Clock } from "../ports/clock.js";
import type { IncidentStore } from "../ports/incident-store.js";
import type { Logger } from "../ports/logger.js";
import type { SteppedScheduler } from "../ports/scheduler.js";
import { MinHeap } from "./min-heap.js";

/** Longest single sleep: wake at least this often, so a clock that jumps is noticed. */
const MAX_SLEEP_MS = 30_000;

/**
 * How often the ledger is read for pending timers that are due but not armed
 * here. A handler may leave its timer pending on purpose: a delivery leased by
 * a runner that died or gave up, a change that kept conflicting ("it stays
 * pending and will be retried"). Nothing else would wake for it until a
 * restart; the production worker's reconcile does the same.
 */
const SWEEP_EVERY_MS = 60_000;

export interface LocalSchedulerOptions {
  store: IncidentStore;
  clock: Clock;
  log: Logger;
  /** Wake by itself with real timers (the embedded default). Tests drive `runDue()` by hand instead. */
  auto: boolean;
  /**
   * How many due timers run at once (default 1: strictly in due order, as the
   * console's scripts need to print the same thing every time). A running
   * Beacon delivers several incidents' messages at once; each timer's handler
   * is safe to run beside another (claims and leases decide who does what).
   */
  concurrency?: number;
}

/**
 * The embedded default scheduler: an in-process heap of wake-ups over the
 * timer ledger. It holds nothing the ledger does not: on start it re-arms
 * every pending timer, so timers that fell due while the process was down fire
 * once, late (the handler marks them late).
 */
export class LocalScheduler implements SteppedScheduler {
  private readonly heap = new MinHeap();
  private readonly due = new Map<string, number>();
  private handler?: (key: string) => Promise<void>;
  private wake?: NodeJS.Timeout;
  private running: Promise<number> = Promise.resolve(0);
  private stopped = false;
  private lastSweepMs = 0;

  constructor(private readonly opts: LocalSchedulerOptions) {}

  get pending(): number {
    return this.due.size;
  }

  async arm(timers: TimerSpec[]): Promise<void> {
    for (const t of timers) {
      const dueMs = Date.parse(t.dueAt);
      if (this.due.get(t.key) === dueMs) continue;
      this.due.set(t.key, dueMs);
      this.heap.push({ dueMs, key: t.key });
    }
    this.schedule();
  }

  async cancel(keys: string[]): Promise<void> {
    for (const k of keys) this.due.delete(k); // lazily dropped from the heap
  }

  async start(handler: (key: string) => Promise<void>): Promise<void> {
    this.handler = handler;
    this.stopped = false;
    await this.armFromLedger();
    this.schedule();
  }

  /** Arm every pending timer of the ledger (`dueBefore`: only those due by then), in pages. */
  private async armFromLedger(dueBefore?: Date): Promise<void> {
    this.lastSweepMs = this.opts.clock.now().getTime();
    let afterKey: string | undefined;
    for (;;) {
      const page = await this.opts.store.pendingTimers({ limit: 5000, afterKey, dueBefore });
      if (!page.length) break;
      await this.arm(page.filter((t) => !this.due.has(t.key)));
      afterKey = page.at(-1)!.key;
      if (page.length < 5000) break;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.wake) clearTimeout(this.wake);
    await this.running;
  }

  /** The simulated clock moved: look again. */
  poke(): void {
    this.schedule();
  }

  /** When the earliest wake-up is due, or undefined. */
  nextDue(): Date | undefined {
    this.dropStale();
    const top = this.heap.peek();
    return top ? new Date(top.dueMs) : undefined;
  }

  /** Fire everything due now, in due order (`concurrency` at a time). Resolves with how many fired. */
  runDue(): Promise<number> {
    this.running = this.running.then(() => this.fireDue());
    return this.running;
  }

  /** Wait until no timer is due now (what was armed by handlers included). */
  async idle(): Promise<void> {
    while ((await this.runDue()) > 0) {
      /* handlers may arm timers due at once */
    }
  }

  private async fireDue(): Promise<number> {
    if (this.opts.auto && this.handler && !this.stopped && this.opts.clock.now().getTime() - this.lastSweepMs >= SWEEP_EVERY_MS)
      await this.armFromLedger(this.opts.clock.now()).catch((e: unknown) => this.opts.log.warn("ledger sweep failed", { err: e }));
    let fired = 0;
    const limit = Math.max(1, this.opts.concurrency ?? 1);
    const active = new Set<Promise<void>>();
    for (;;) {
      while (active.size < limit && !this.stopped && this.handler) {
        this.dropStale();
        const top = this.heap.peek();
        if (!top || top.dueMs > this.opts.clock.now().getTime()) break;
        this.heap.pop();
        this.due.delete(top.key);
        fired++;
        const run: Promise<void> = this.fire(top.key).finally(() => active.delete(run));
        active.add(run);
      }
      if (!active.size) break;
      await Promise.race(active); // a slot is free: look for more that are due
    }
    this.schedule();
    return fired;
  }

  private async fire(key: string): Promise<void> {
    try {
      await this.handler!(key);
      this.opts.log.debug("timer done", { key });
    } catch (e) {
      // The ledger still holds the timer as pending; it is retried on the next sweep.
      this.opts.log.error("timer handler failed", { key, err: e });
      this.retryLater(key);
    }
  }

  private retryLater(key: string): void {
    const dueMs = this.opts.clock.now().getTime() + 30_000;
    this.due.set(key, dueMs);
    this.heap.push({ dueMs, key });
  }

  private dropStale(): void {
    for (let top = this.heap.peek(); top && this.due.get(top.key) !== top.dueMs; top = this.heap.peek()) this.heap.pop();
  }

  private schedule(): void {
    if (!this.opts.auto || this.stopped || !this.handler) return;
    if (this.wake) clearTimeout(this.wake);
    const next = this.nextDue();
    const delay = next ? Math.min(Math.max(0, next.getTime() - this.opts.clock.now().getTime()), MAX_SLEEP_MS) : MAX_SLEEP_MS;
    this.wake = setTimeout(() => void this.runDue(), delay);
    // With nothing armed, the wake only sweeps the ledger: it must not keep the process alive.
    if (!next) this.wake.unref();
  }
}
