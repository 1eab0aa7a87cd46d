import { onTimer } from "../core/incident/on-timer.js";
import { noMetrics } from "../ports/metrics.js";
import { applyChange, pagingContext } from "./apply-change.js";
import { deliverIncident } from "./deliver.js";
import { deliveryIncident } from "../core/timers.js";
import { processAlerts } from "./ingest-alerts.js";
import { handOff } from "./handoff.js";
import type { AppDeps } from "./deps.js";
import { onFreshState } from "./retry.js";

/**
 * A scheduler woke us for a ledger timer. Re-read everything: the timer may
 * already be fired or cancelled (a duplicate wake-up, a second worker), and the
 * incident may have moved on (acknowledged, resolved, re-planned), in which
 * case the timer is retired without a word. Firing and its effects commit in
 * one transaction that claims the timer, so it fires once.
 */
export async function runDueTimer(deps: AppDeps, key: string): Promise<void> {
  // A delivery's key names its incident: the batch lease reads what it needs.
  const delivery = deliveryIncident(key);
  if (delivery) return deliverIncident(deps, delivery, key);
  await onFreshState(
    async (round) => {
      const row = await deps.store.timer(key);
      if (!row || row.state !== "pending") return;
      const now = deps.clock.now();
      if (new Date(row.dueAt) > now) {
        await deps.scheduler.arm([row]); // woken early (a lease, or a clock skew): sleep again
        return;
      }
      if (round === 0) (deps.metrics ?? noMetrics).timerFired(row.payload.kind, (now.getTime() - Date.parse(row.dueAt)) / 1000);
      if (row.payload.kind === "deliver") return deliverIncident(deps, row.payload.incidentId, key);
      if (row.payload.kind === "alert") return processAlerts(deps, key, row.payload);
      if (row.payload.kind === "handoff") return handOff(deps, key, row.payload);
      const incident = await deps.store.get(row.payload.incidentId);
      const change = incident ? onTimer(await pagingContext(deps), incident, row.payload, row.dueAt) : null;
      if (!change) {
        await deps.store.retireTimer(key, now);
        return;
      }
      await applyChange(deps, change, key);
    },
    () => deps.log.warn("timer kept conflicting; it stays pending and will be retried", { key }),
  );
}
