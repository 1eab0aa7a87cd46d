import type { Actor, Incident } from "../model.js";
import { clockApplies, clockTimers, durationFor, isRunning, startClock } from "../planning/clock-plan.js";
import { planPaging } from "../planning/paging-plan.js";
import { computeDue } from "../calendar/deadline.js";
import { Change } from "./change.js";
import { cancelClock } from "./clocks.js";
import { words, type DecisionContext } from "./context.js";
import { pageStep, stopEscalation } from "./paging.js";

/**
 * Raise or lower the severity (plan upgrade). The paging plan is re-frozen
 * from the policy; an unacknowledged incident is paged afresh from the new
 * plan's first step, an acknowledged one informs the new first step. Deadlines
 * are re-evaluated: clocks that no longer apply are dropped, running clocks
 * whose duration depends on severity are recomputed from their start, and
 * clocks that now apply start now.
 */
export function changeSeverity(ctx: DecisionContext, incident: Incident, to: string, reason: string, actor: Actor): Change {
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  const w = words(ctx.policy);
  const from = inc.severity;
  inc.severity = to;
  const runningBefore = inc.clocks.filter(isRunning).map((c) => c.key);
  replanClocks(change, ctx);
  const running = inc.clocks.filter(isRunning);
  change.record("severity_changed", actor, {
    from,
    to,
    reason,
    clocks: running.map((c) => ({ key: c.key, dueAt: c.dueAt, basis: c.basis })),
    dropped: runningBefore.filter((k) => !running.some((c) => c.key === k)),
  });
  change.deliver({ what: "post", text: w.t.post.severityChanged(w.severity(from), w.severity(to), reason, w.who(actor)), mentions: [] });
  stopEscalation(change);
  inc.paging = { steps: planPaging(ctx.policy, to), current: 0, startedAt: change.at, generation: inc.paging.generation + 1 };
  if (inc.status === "declared") {
    pageStep(change, ctx, 0, actor);
  } else {
    const step = inc.paging.steps[0];
    const involved = new Set(inc.pages.map((p) => p.personId));
    for (const personId of [...(step?.page ?? []), ...(step?.notify ?? [])]) {
      if (!involved.has(personId))
        change.deliver({ what: "notify", personId, text: w.t.page.fyi(`INC-${inc.number}`, inc.title, w.severity(to)) });
    }
  }
  change.deliver({ what: "card" });
  return change;
}

function replanClocks(change: Change, ctx: DecisionContext): void {
  const inc = change.incident;
  for (const clock of inc.clocks.filter(isRunning)) {
    const policy = ctx.policy.clocks.find((c) => c.key === clock.key);
    if (!policy || !clockApplies(policy, inc)) {
      cancelClock(change, clock);
      continue;
    }
    const due = computeDue(ctx.cal, new Date(clock.startedAt), durationFor(policy, inc.severity)!).toISOString();
    if (due === clock.dueAt) continue;
    cancelClock(change, clock);
    const restarted = startClock(policy, inc.severity, ctx.cal, new Date(clock.startedAt), clock.run + 1);
    inc.clocks.push(restarted);
    for (const t of clockTimers(inc.id, restarted, ctx.now)) change.arm(t.dueAt < change.at ? { ...t, dueAt: change.at } : t);
  }
  for (const policy of ctx.policy.clocks) {
    if (!clockApplies(policy, inc) || inc.clocks.some((c) => c.key === policy.key)) continue;
    const started = startClock(policy, inc.severity, ctx.cal, ctx.now);
    inc.clocks.push(started);
    for (const t of clockTimers(inc.id, started, ctx.now)) change.arm(t);
  }
}
