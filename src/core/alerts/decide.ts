import type { Actor, Incident } from "../model.js";
import { Change } from "../incident/change.js";
import { words, type DecisionContext } from "../incident/context.js";
import type { Alert } from "./normalize.js";

// What an alert does to an incident it belongs to: a timeline entry, and
// for the first alert of an incident, its labels and links in the room.

/** Where an alert sits in the ledger: its batch (the timer's key) and its index there. */
export type AlertMark = { batch: string; index: number };

/** How many batches an incident remembers: a crashed batch is run again long before this many more fold into its incident. */
const REMEMBERED_BATCHES = 200;

/** Whether this alert's effect is already on the incident (its batch was run before, and stopped after it). */
export function alreadyRecorded(incident: Incident, mark: AlertMark): boolean {
  return incident.alert?.recorded?.some((r) => r.batch === mark.batch && r.through >= mark.index) ?? false;
}

/** A batch's alerts are recorded in index order, so the last index recorded says which are done. */
function markRecorded(alert: NonNullable<Incident["alert"]>, mark: AlertMark): void {
  const others = (alert.recorded ?? []).filter((r) => r.batch !== mark.batch);
  alert.recorded = [...others, { batch: mark.batch, through: mark.index }].slice(-REMEMBERED_BATCHES);
}

export const alertActor = (source: string, name: string): Actor => ({ platform: "alerts", userId: source, name });

/**
 * Record an alert on its incident: the first one (with its labels and links
 * posted in the room), a repeat, one folded in from a storm (its fingerprint
 * joins the incident's), or its resolution, which proposes resolving the
 * incident in the room (a post with the card's Resolve button) when the rule
 * says so and every alert of it is resolved.
 */
export function recordAlert(
  change: Change,
  ctx: DecisionContext,
  a: { source: string; name: string; alert: Alert; title: string; proposeResolve: boolean; first?: boolean; mark?: AlertMark },
): void {
  const inc = change.incident;
  if (inc.alert && a.mark) markRecorded(inc.alert, a.mark);
  const w = words(ctx.policy);
  const fp = a.alert.fingerprint;
  const known = inc.alert?.fingerprints.includes(fp) ?? false;
  if (inc.alert && a.alert.status === "firing") {
    if (!known) inc.alert.fingerprints.push(fp);
    if (!inc.alert.firing.includes(fp)) inc.alert.firing.push(fp);
  }
  if (inc.alert && a.alert.status === "resolved") inc.alert.firing = inc.alert.firing.filter((f) => f !== fp);
  change.record("alert", alertActor(a.source, a.name), {
    source: a.source,
    status: a.alert.status,
    fingerprint: a.alert.fingerprint,
    title: a.title,
    labels: a.alert.labels,
    links: a.alert.links,
    repeat: known && !a.first && a.alert.status === "firing",
  });
  if (a.first) {
    const labels = Object.entries(a.alert.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    change.deliver({ what: "post", text: w.t.alerts.labels(a.name, labels, a.alert.links.join(" ")), mentions: [] });
  }
  const lastOne = inc.alert?.firing.length === 0;
  if (a.alert.status === "resolved" && a.proposeResolve && lastOne && (inc.status === "declared" || inc.status === "acknowledged"))
    change.deliver({
      what: "post",
      text: w.t.alerts.proposeResolve(a.name, `INC-${inc.number}`),
      mentions: [],
      action: { action: "resolve", label: w.t.button.resolve },
    });
}

/** A Change recording one alert on an existing incident. */
export function alertChange(ctx: DecisionContext, incident: Incident, a: Parameters<typeof recordAlert>[2]): Change {
  const change = Change.of(incident, ctx.now);
  recordAlert(change, ctx, a);
  return change;
}
