import type { Change } from "../core/incident/change.js";
import { finish } from "../core/incident/change.js";
import type { DecisionContext } from "../core/incident/context.js";
import type { Incident } from "../core/model.js";
import { ConflictError } from "../ports/incident-store.js";
import { noMetrics } from "../ports/metrics.js";
import type { AppDeps } from "./deps.js";
import { deliverTimer } from "./deliver.js";

export function decisionContext(deps: AppDeps): DecisionContext {
  return { policy: deps.policy, cal: deps.cal, now: deps.clock.now() };
}

/**
 * Commit a decided change (state + timeline + timers in one transaction), arm
 * its timers, then attempt its chat deliveries at once, in order. A delivery
 * that fails stays in the ledger and is retried; the change itself is kept.
 */
export async function applyChange(deps: AppDeps, change: Change, claimTimer?: string): Promise<Incident> {
  const done = finish(change);
  await deps.store.commit({ ...done, claimTimer });
  (deps.metrics ?? noMetrics).committed(done.entries);
  await wake(deps, done);
  for (const key of done.deliveryKeys) await deliverTimer(deps, key);
  return done.incident;
}

/** A scheduler that hangs (a Redis that stopped answering without closing) may hold a command this long at most. */
const WAKE_TIMEOUT_MS = 3000;

function bounded(work: Promise<void>, ms: number): Promise<void> {
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
async function wake(deps: AppDeps, done: ReturnType<typeof finish>): Promise<void> {
  const wakeups = done.addTimers.filter((t) => t.payload.kind !== "deliver");
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

/**
 * Load, decide and commit, retrying when someone else changed the incident in
 * between (optimistic concurrency): the decision is made again on fresh state.
 */
export async function mutate<T>(
  deps: AppDeps,
  incidentId: string,
  decide: (incident: Incident, ctx: DecisionContext) => { change: Change | null; result: T },
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const incident = await deps.store.get(incidentId);
    if (!incident) throw new Error(`incident ${incidentId} vanished`);
    const { change, result } = decide(incident, decisionContext(deps));
    if (!change) return result;
    try {
      await applyChange(deps, change);
      return result;
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt >= 8) throw e;
    }
  }
}
