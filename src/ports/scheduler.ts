import type { TimerSpec } from "../core/timers.js";

/**
 * Wakes the application when a timer of the ledger falls due. The ledger (in
 * the store) is the truth; a scheduler only holds wake-ups and may lose them:
 * on start it re-arms every pending timer from the store.
 */
export interface Scheduler {
  /** Make sure these timers will be handed to the handler at (or after) their due time. Idempotent on key. */
  arm(timers: TimerSpec[]): Promise<void>;
  /** Drop wake-ups; a fired cancelled timer would be skipped anyway. */
  cancel(keys: string[]): Promise<void>;
  /** Begin handing due timers to `handler`, re-arming all pending timers from the ledger first. */
  start(handler: (key: string) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** A scheduler whose time is stepped by hand (the console's simulated clock): what falls due next, and when all is done. */
export interface SteppedScheduler extends Scheduler {
  nextDue(): Date | undefined;
  /** Resolves once every due timer has been handled. */
  idle(): Promise<void>;
}
