import type { Change } from "../core/incident/change.js";
import type { DecisionContext } from "../core/incident/context.js";
import type { Incident } from "../core/model.js";
import { commitChange, commitNewChange, decisionContext, pagingContext } from "./commit.js";
import type { AppDeps } from "./deps.js";
import { onFreshState } from "./retry.js";

export { decisionContext, pagingContext };

/**
 * Commit a change (state, timeline, timers and outbox in one transaction).
 * The command answers after this one commit; its chat messages are delivered
 * next by the scheduler (`deliver.ts`), and a delivery that fails stays in the
 * ledger and is retried; the change itself is kept.
 */
export async function applyChange(deps: AppDeps, change: Change, claimTimer?: string): Promise<Incident> {
  return (await commitChange(deps, change, claimTimer ? [claimTimer] : undefined)).incident;
}

/** A new incident: committed under the number the store takes in the same transaction; delivered next, like any change. */
export async function applyNew(deps: AppDeps, decide: (number: number) => Change): Promise<Incident> {
  return (await commitNewChange(deps, decide)).incident;
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
