import type { Actor, Incident } from "../model.js";
import { clockTimers, isRunning } from "../planning/clock-plan.js";
import { Change } from "./change.js";
import { stopClock, stopClocksOn } from "./clocks.js";
import { words, type DecisionContext } from "./context.js";
import { assertCan } from "./lifecycle.js";
import { pageStep, refreshPages, stopEscalation } from "./paging.js";

/** Resolve: escalation stops, resolve-clocks are judged, every other running clock stops where it stands. */
export function resolve(ctx: DecisionContext, incident: Incident, actor: Actor, summary?: string): Change {
  const w = words(ctx.policy);
  assertCan(incident, "resolve", (s) => w.t.status[s]!);
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  inc.status = "resolved";
  inc.resolvedAt = change.at;
  change.record("resolved", actor, summary ? { summary } : {});
  stopEscalation(change);
  stopClocksOn(change, ctx, "resolve", actor, false);
  for (const clock of inc.clocks) stopClock(change, ctx, clock, actor, false);
  change.deliver({ what: "post", text: w.t.post.resolved(w.who(actor), summary), mentions: [] });
  refreshPages(change);
  change.deliver({ what: "card" });
  return change;
}

/** Close: only a resolved incident (the customer accepted the fix). */
export function close(ctx: DecisionContext, incident: Incident, actor: Actor, satisfaction?: number): Change {
  const w = words(ctx.policy);
  assertCan(incident, "close", (s) => w.t.status[s]!);
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  inc.status = "closed";
  inc.closedAt = change.at;
  if (satisfaction !== undefined) inc.satisfaction = satisfaction;
  change.record("closed", actor, satisfaction !== undefined ? { satisfaction } : {});
  change.deliver({ what: "post", text: w.t.post.closed(w.who(actor), satisfaction), mentions: [] });
  change.deliver({ what: "card" });
  change.deliver({ what: "summary" });
  if (ctx.policy.room.archiveOnClose) change.deliver({ what: "archive" });
  return change;
}

/**
 * Reopen a resolved or closed incident: back to work. An incident never
 * acknowledged is paged again from the first step; deadlines do not restart
 * (they were judged at resolve), so reopening cannot hide a missed one.
 */
export function reopen(ctx: DecisionContext, incident: Incident, actor: Actor, reason: string): Change {
  const w = words(ctx.policy);
  assertCan(incident, "reopen", (s) => w.t.status[s]!);
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  inc.status = inc.acknowledgedAt ? "acknowledged" : "declared";
  delete inc.resolvedAt;
  delete inc.closedAt;
  change.record("reopened", actor, { reason });
  change.deliver({ what: "post", text: w.t.post.reopened(w.who(actor), reason), mentions: [] });
  if (inc.status === "declared") {
    inc.paging.generation += 1;
    pageStep(change, ctx, 0, actor);
  }
  for (const clock of inc.clocks.filter(isRunning)) for (const t of clockTimers(inc.id, clock, ctx.now)) change.arm(t);
  refreshPages(change);
  change.deliver({ what: "card" });
  return change;
}
