import { UserError } from "../errors.js";
import type { Actor, Incident } from "../model.js";
import { incidentLabel } from "../model.js";
import { isLeader } from "../policy/directory.js";
import { Change } from "./change.js";
import { stopClocksOn } from "./clocks.js";
import { minutesBetween, words, type DecisionContext } from "./context.js";
import { assertCan } from "./lifecycle.js";
import { refreshPages, stopEscalation } from "./paging.js";

export type AckOutcome = { change: Change; already: false } | { already: true; by: string };

/**
 * Acknowledge the incident's current paging plan (a raise starts a new plan
 * that must be acknowledged again). Only someone who was paged, or a member
 * of the leadership group, may; a second acknowledgement changes nothing.
 */
export function acknowledge(ctx: DecisionContext, incident: Incident, actor: Actor, pageId?: string): AckOutcome {
  const w = words(ctx.policy);
  if (incident.paging.ackedAt && (incident.status === "acknowledged" || incident.status === "declared")) {
    const by = [...incident.pages].reverse().find((p) => p.ackedBy)?.ackedBy ?? incident.roles.lead;
    return { already: true, by: w.name(by) };
  }
  assertCan(incident, "acknowledge", (s) => w.t.status[s]!);
  const personId = actor.personId;
  const page = [...incident.pages]
    .reverse()
    .find((p) => (pageId ? p.id === pageId : p.personId === personId && !p.ackedAt) && p.personId === personId);
  if (!personId || (!page && !isLeader(ctx.policy, personId))) {
    throw new UserError("PAGE.NOT_YOURS", { label: incidentLabel(incident) });
  }
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  inc.status = "acknowledged";
  inc.acknowledgedAt ??= change.at;
  inc.paging.ackedAt = change.at;
  for (const p of inc.pages) {
    if (p.personId === personId && !p.ackedAt) {
      p.ackedAt = change.at;
      p.ackedBy = personId;
    }
  }
  const after = minutesBetween(inc.paging.generation > 1 ? inc.paging.startedAt : inc.declaredAt, change.at);
  change.record("acknowledged", actor, { personId, pageId: page?.id, afterMinutes: Math.round(after) });
  if (!inc.roles.lead) {
    inc.roles.lead = personId;
    change.record("role_assigned", actor, { role: "lead", personId });
  }
  stopEscalation(change);
  stopClocksOn(change, ctx, "acknowledge", actor);
  change.deliver({ what: "post", text: w.t.post.acknowledged(personId, w.dur(after)), mentions: [personId] });
  refreshPages(change);
  change.deliver({ what: "card" });
  return { change, already: false };
}
