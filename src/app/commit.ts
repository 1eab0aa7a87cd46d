import { finish, type Change, type FinishedChange } from "../core/incident/change.js";
import type { DecisionContext } from "../core/incident/context.js";
import { noMetrics } from "../ports/metrics.js";
import { addWebhookEvents } from "../core/webhooks/events.js";
import type { AppDeps } from "./deps.js";

export function decisionContext(deps: AppDeps): DecisionContext {
  return { policy: deps.policy, cal: deps.cal, now: deps.clock.now() };
}

/** The decision context with the on-call overrides in force, for a decision that may page a rotation. */
export async function pagingContext(deps: AppDeps): Promise<DecisionContext> {
  const ctx = decisionContext(deps);
  if (!Object.keys(deps.policy.rotations).length) return ctx;
  return { ...ctx, overrides: await deps.store.overrides({ endingAfter: ctx.now }) };
}

/**
 * Commit a decided change (state, timeline entries and timers, chat
 * deliveries included as outbox timers, in one transaction) and wake the
 * scheduler for its timers. Delivering is the next, separate step: the
 * scheduler runs the delivery timers (due now) outside the command's path, in
 * the worker in production and in the process's own background queue in the
 * embedded default.
 */
export async function commitChange(deps: AppDeps, change: Change, claimTimers?: string[]): Promise<FinishedChange> {
  addWebhookEvents(change, deps.policy.webhooks);
  const done = finish(change);
  await deps.store.commit({ ...done, claimTimers });
  (deps.metrics ?? noMetrics).committed(done.entries);
  await wake(deps, done);
  return done;
}

/**
 * Commit a new incident: the store takes its number inside the transaction and
 * hands it to `decide`, so a declare that fails takes no number (no gaps).
 */
export async function commitNewChange(deps: AppDeps, decide: (number: number) => Change): Promise<FinishedChange> {
  // The store may decide on a number it expects before taking one: what was written is the change for the number taken.
  const decided = new Map<number, FinishedChange>();
  const written = await deps.store.commitNew((number) => {
    const change = decide(number);
    addWebhookEvents(change, deps.policy.webhooks);
    const done = finish(change);
    decided.set(number, done);
    return done;
  });
  const done = decided.get(written.incident.number)!;
  (deps.metrics ?? noMetrics).committed(done.entries);
  await wake(deps, done);
  return done;
}

/** A scheduler that hangs (a Redis that stopped answering without closing) may hold a command this long at most. */
const WAKE_TIMEOUT_MS = 3000;

export function bounded(work: Promise<void>, ms: number = WAKE_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`scheduler did not answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined); // a late failure after the timeout is already logged as unavailable
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Tell the scheduler about the committed timers. The change is already safe
 * in the ledger, so a scheduler that is down (Redis unreachable) must not fail
 * the command: the worker's reconcile arms what is missing when it is back.
 */
async function wake(deps: AppDeps, done: FinishedChange): Promise<void> {
  // One wake-up per incident is enough for its deliveries: the first one run leases them all.
  const wakeups = done.addTimers.filter((t) => t.payload.kind !== "deliver" || t.key === done.deliveryKeys[0]);
  try {
    await bounded(
      (async () => {
        if (wakeups.length) await deps.scheduler.arm(wakeups);
        if (done.cancelTimers.length) await deps.scheduler.cancel(done.cancelTimers);
      })(),
      WAKE_TIMEOUT_MS,
    );
  } catch (e) {
    deps.log.warn("scheduler unavailable; the ledger keeps the timers and reconcile will arm them", { error: (e as Error).message });
  }
}
