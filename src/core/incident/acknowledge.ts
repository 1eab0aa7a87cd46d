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
 * Acknowledge the incident's page. Only someone who was paged, or a member of
 * the leadership group, may; a second acknowledgement changes nothing.
 */
export function acknowledge(ctx: DecisionContext, incident: Incident, actor: Actor, pageId?: string): AckOutcome {
  const w = words(ctx.policy);
  if (incident.status === "acknowledged") {
    return { already: true, by: w.name(incident.pages.find((p) => p.ackedBy)?.ackedBy ?? incident.roles.lead) };
  }
  assertCan(incident, "acknowledge", (s) => w.t.status[s]!);
  const personId = actor.personId;
  const page = incident.pages.find((p) => (pageId ? p.id === pageId : p.personId === personId) && p.personId === personId);
  if (!personId || (!page && !isLeader(ctx.policy, personId))) {
    throw new UserError("PAGE.NOT_YOURS", { label: incidentLabel(incident) });
  }
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  inc.status = "acknowledged";
  inc.acknowledgedAt = change.at;
  for (const p of inc.pages) {
    if (p.personId === personId && !p.ackedAt) {
      p.ackedAt = change.at;
      p.ackedBy = personId;
    }
  }
  const after = minutesBetween(inc.declaredAt, change.at);
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
