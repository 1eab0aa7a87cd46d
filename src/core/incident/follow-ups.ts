import { UserError } from "../errors.js";
import type { Actor, Incident } from "../model.js";
import { incidentLabel } from "../model.js";
import { fromZoned } from "../calendar/zoned.js";
import { timerKeys } from "../timers.js";
import { Change } from "./change.js";
import { words, type DecisionContext } from "./context.js";
import { assertCan } from "./lifecycle.js";

/** A corrective action with an owner and a due date; its owner is reminded on the due day at opening time. */
export function addFollowUp(ctx: DecisionContext, incident: Incident, actor: Actor, text: string, ownerId?: string, due?: string): Change {
  const w = words(ctx.policy);
  assertCan(incident, "followup", (s) => w.t.status[s]!);
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  const id = `F${inc.followUps.length + 1}`;
  inc.followUps.push({ id, text, ownerId, due, status: "open", createdAt: change.at });
  change.record("followup_added", actor, { id, text, ownerId, due });
  change.deliver({ what: "post", text: w.t.post.followup(text, w.name(ownerId), due ?? "-"), mentions: [] });
  if (due && ownerId) {
    const [y, m, d] = due.split("-").map(Number) as [number, number, number];
    const at = ctx.cal.nextOpening(fromZoned({ year: y, month: m, day: d, hour: 0, minute: 0 }, ctx.policy.calendar.timeZone));
    const dueAt = (at < ctx.now ? ctx.now : at).toISOString();
    change.arm({ key: timerKeys.followupDue(inc.id, id), dueAt, payload: { kind: "followup_due", incidentId: inc.id, followUpId: id } });
  }
  return change;
}

export function completeFollowUp(ctx: DecisionContext, incident: Incident, actor: Actor, id: string): Change {
  const follow = incident.followUps.find((f) => f.id.toLowerCase() === id.toLowerCase());
  if (!follow) throw new UserError("FOLLOWUP.UNKNOWN", { label: incidentLabel(incident), value: id });
  const change = Change.of(incident, ctx.now);
  change.incident.followUps.find((f) => f.id === follow.id)!.status = "done";
  change.record("followup_done", actor, { id: follow.id });
  change.cancel(timerKeys.followupDue(incident.id, follow.id, follow.reminded ?? 0));
  return change;
}
