import type { Actor, Incident } from "../model.js";
import { SYSTEM_ACTOR } from "../model.js";
import type { EntryData } from "../timeline.js";
import { Change } from "./change.js";
import { words, type DecisionContext } from "./context.js";
import { pageStep, stepPeople } from "./paging.js";

type Reason = EntryData["escalated"]["reason"];

/**
 * Move to the next paging step. At the last step, record that escalation is
 * exhausted (once) instead. Returns null when there is nothing to do.
 */
export function escalate(ctx: DecisionContext, incident: Incident, reason: Reason, actor: Actor = SYSTEM_ACTOR): Change | null {
  const change = Change.of(incident, ctx.now);
  return escalateInto(change, ctx, reason, actor) ? change : null;
}

/** Escalate within a change already being decided (a missed deadline escalates too). */
export function escalateInto(change: Change, ctx: DecisionContext, reason: Reason, actor: Actor = SYSTEM_ACTOR): boolean {
  const incident = change.incident;
  const from = incident.paging.current;
  const to = from + 1;
  const w = words(ctx.policy);
  if (to >= incident.paging.steps.length) {
    if (reason !== "timeout") return false;
    change.record("escalation_exhausted", actor, { step: from + 1 });
    const last = incident.paging.steps[from];
    const leaders = last ? stepPeople(ctx, last).page : [];
    change.deliver({ what: "post", text: `${w.t.post.exhausted} ${w.mentions(leaders)}`, mentions: leaders });
    return true;
  }
  change.record("escalated", actor, { fromStep: from + 1, toStep: to + 1, reason });
  const next = stepPeople(ctx, incident.paging.steps[to]!);
  change.deliver({
    what: "post",
    text: w.t.post.escalated(to + 1, w.t.escalationReason[reason]!, w.mentions(next.page)),
    mentions: next.page,
  });
  pageStep(change, ctx, to, actor);
  change.deliver({ what: "card" });
  return true;
}
