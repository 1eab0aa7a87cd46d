import type { Change } from "../core/incident/change.js";
import type { DecisionContext } from "../core/incident/context.js";
import type { Incident } from "../core/model.js";
import { commitChange, decisionContext, pagingContext } from "./commit.js";
import { deliverAll } from "./deliver.js";
import type { AppDeps } from "./deps.js";
import { onFreshState } from "./retry.js";

export { decisionContext, pagingContext };

/**
 * The two steps of every change: commit it (state, timeline, timers and
 * outbox in one transaction), then deliver its chat messages. A delivery
 * that fails stays in the ledger and is retried; the change itself is kept.
 */
export async function applyChange(deps: AppDeps, change: Change, claimTimer?: string): Promise<Incident> {
  const done = await commitChange(deps, change, claimTimer);
  await deliverAll(deps, done.deliveryKeys);
  return done.incident;
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
  return onFreshState(
    async () => {
      const incident = await deps.store.get(incidentId);
      if (!incident) throw new Error(`incident ${incidentId} vanished`);
      const { change, result } = decide(incident, await pagingContext(deps));
      if (change) await applyChange(deps, change);
      return result;
    },
    () => {
      throw new Error(`incident ${incidentId} kept changing; the command was not done`);
    },
  );
}
