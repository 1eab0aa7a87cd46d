import { UserError } from "../errors.js";
import type { Actor, Incident } from "../model.js";
import { incidentLabel } from "../model.js";
import { isRunning } from "../planning/clock-plan.js";
import { Change } from "./change.js";
import { cancelClock, closeOpenClocks, startClocksOn, stopClocksOn } from "./clocks.js";
import { words, type DecisionContext } from "./context.js";
import { assertCan } from "./lifecycle.js";
import { pageStep, refreshPages, stopEscalation } from "./paging.js";

// The end of an incident, as the plans have it: resolve, the customer's
// acceptance (验收; a refusal reopens), close, and the return call (回访).
// Resolving judges no deadline but those its policy stops on resolve: the
// others run on until their own event, a waiver, or the close.

const statusName = (ctx: DecisionContext) => (s: Incident["status"]) => words(ctx.policy).t.status[s]!;

export function resolve(ctx: DecisionContext, incident: Incident, actor: Actor, summary?: string): Change {
  const w = words(ctx.policy);
  assertCan(incident, "resolve", statusName(ctx));
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  inc.status = "resolved";
  inc.resolvedAt = change.at;
  change.record("resolved", actor, summary ? { summary } : {});
  stopEscalation(change);
  stopClocksOn(change, ctx, "resolve", actor, false);
  startClocksOn(change, ctx, "resolve");
  change.deliver({ what: "post", text: w.t.post.resolved(w.who(actor), summary), mentions: [] });
  refreshPages(change);
  change.deliver({ what: "card" });
  return change;
}

/** The customer accepts the fix (with a satisfaction score, if they give one). */
export function accept(ctx: DecisionContext, incident: Incident, actor: Actor, satisfaction?: number, comment?: string): Change {
  const w = words(ctx.policy);
  assertCan(incident, "accept", statusName(ctx));
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  inc.acceptance = {
    at: change.at,
    by: actor.personId ?? actor.name,
    ...(satisfaction !== undefined ? { satisfaction } : {}),
    ...(comment ? { comment } : {}),
  };
  if (satisfaction !== undefined) inc.satisfaction = satisfaction;
  change.record("accepted", actor, { ...(satisfaction !== undefined ? { satisfaction } : {}), ...(comment ? { comment } : {}) });
  change.deliver({ what: "post", text: w.t.post.accepted(w.who(actor), satisfaction), mentions: [] });
  stopClocksOn(change, ctx, "accept", actor);
  change.deliver({ what: "card" });
  return change;
}

/** The customer refuses the fix: recorded with their reason, and the incident goes back to work. */
export function refuse(ctx: DecisionContext, incident: Incident, actor: Actor, reason: string): Change {
  assertCan(incident, "accept", statusName(ctx));
  const change = Change.of(incident, ctx.now);
  change.record("refused", actor, { reason });
  backToWork(change, ctx, actor, words(ctx.policy).t.post.refused(words(ctx.policy).who(actor), reason));
  return change;
}

/** Close: a resolved incident the customer accepted (unless the policy says acceptance is not needed). */
export function close(ctx: DecisionContext, incident: Incident, actor: Actor): Change {
  const w = words(ctx.policy);
  assertCan(incident, "close", statusName(ctx));
  if (ctx.policy.lifecycle.closeNeedsAcceptance && !incident.acceptance)
    throw new UserError("INCIDENT.NOT_ACCEPTED", { label: incidentLabel(incident) });
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  inc.status = "closed";
  inc.closedAt = change.at;
  change.record("closed", actor, {});
  closeOpenClocks(change);
  const started = startClocksOn(change, ctx, "close");
  change.deliver({ what: "post", text: w.t.post.closed(w.who(actor)), mentions: [] });
  const owner = inc.roles.liaison ?? inc.roles.lead;
  for (const clock of started.filter((c) => c.stopOn === "return_call")) {
    if (owner)
      change.deliver({ what: "notify", personId: owner, text: w.t.post.returnCallDue(incidentLabel(inc), inc.title, w.time(clock.dueAt)) });
  }
  change.deliver({ what: "card" });
  change.deliver({ what: "summary" });
  if (ctx.policy.room.archiveOnClose) change.deliver({ what: "archive" });
  return change;
}

/** The return call after closing: reached (the task is done) or not (tried; it stays open), and what the customer said. */
export function returnCall(
  ctx: DecisionContext,
  incident: Incident,
  actor: Actor,
  reached: boolean,
  satisfaction?: number,
  comment?: string,
): Change {
  const w = words(ctx.policy);
  assertCan(incident, "return_call", statusName(ctx));
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  const extra = { ...(satisfaction !== undefined ? { satisfaction } : {}), ...(comment ? { comment } : {}) };
  inc.returnCall = { at: change.at, by: actor.personId ?? actor.name, reached, ...extra };
  if (reached && satisfaction !== undefined) inc.satisfaction = satisfaction;
  change.record("return_call", actor, { reached, ...extra });
  change.deliver({ what: "post", text: w.t.post.returnCall(w.who(actor), reached, satisfaction, comment), mentions: [] });
  if (reached) stopClocksOn(change, ctx, "return_call", actor);
  change.deliver({ what: "card" });
  return change;
}

/**
 * Reopen a resolved or closed incident: back to work. Open clocks stay open
 * (a reopen cannot hide a deadline), the policy's reopen clocks start, and an
 * incident nobody acknowledged is paged again from the first step.
 */
export function reopen(ctx: DecisionContext, incident: Incident, actor: Actor, reason: string): Change {
  const w = words(ctx.policy);
  assertCan(incident, "reopen", statusName(ctx));
  const change = Change.of(incident, ctx.now);
  change.record("reopened", actor, { reason });
  backToWork(change, ctx, actor, w.t.post.reopened(w.who(actor), reason));
  return change;
}

function backToWork(change: Change, ctx: DecisionContext, actor: Actor, post: string): void {
  const inc = change.incident;
  inc.status = inc.paging.ackedAt ? "acknowledged" : "declared";
  delete inc.resolvedAt;
  delete inc.closedAt;
  delete inc.acceptance;
  // What the end of an incident started (the acceptance request, the return call) no longer applies.
  for (const clock of inc.clocks.filter(isRunning)) {
    const startOn = ctx.policy.clocks.find((c) => c.key === clock.key)?.startOn;
    if (startOn === "resolve" || startOn === "close") cancelClock(change, clock);
  }
  change.deliver({ what: "post", text: post, mentions: [] });
  if (inc.status === "declared") {
    inc.paging.generation += 1;
    pageStep(change, ctx, 0, actor);
  }
  startClocksOn(change, ctx, "reopen");
  refreshPages(change);
  change.deliver({ what: "card" });
}
