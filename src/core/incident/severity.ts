import type { Actor, Incident } from "../model.js";
import { isRunning } from "../planning/clock-plan.js";
import { planPaging } from "../planning/paging-plan.js";
import { Change } from "./change.js";
import { reconcileClocks } from "./clocks.js";
import { words, type DecisionContext } from "./context.js";
import { pageStep, standDown, stepPeople, stopEscalation } from "./paging.js";

/**
 * Raise or lower the severity (预案升级). The paging plan is re-frozen for the
 * new level and must be acknowledged again: a raise pages it from its first
 * step, with escalation as at declaration, and tells those informed who raised
 * it and why. A lowering cancels the escalation no longer needed and releases
 * the people paged for the higher level; if nobody had acknowledged, the
 * lower plan's first step is paged. Deadlines follow: clocks the new level
 * adds, or whose duration it changes, count from now; outcomes already met,
 * missed or waived stand.
 */
export function changeSeverity(ctx: DecisionContext, incident: Incident, to: string, reason: string, actor: Actor): Change {
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  const w = words(ctx.policy);
  const from = inc.severity;
  const raised = (ctx.policy.severities[to]?.level ?? 0) < (ctx.policy.severities[from]?.level ?? 0);
  const wasAcked = !!inc.paging.ackedAt;
  inc.severity = to;
  const runningBefore = inc.clocks.filter(isRunning).map((c) => c.key);
  const started = reconcileClocks(change, ctx, from);
  const running = inc.clocks.filter(isRunning);
  change.record("severity_changed", actor, {
    from,
    to,
    reason,
    clocks: started.map((c) => ({ key: c.key, dueAt: c.dueAt, basis: c.basis })),
    dropped: runningBefore.filter((k) => !running.some((c) => c.key === k)),
  });
  const notice = w.t.post.severityChanged(w.severity(from), w.severity(to), reason, w.who(actor), raised);
  change.deliver({ what: "post", text: notice, mentions: [] });
  stopEscalation(change);
  inc.paging = { steps: planPaging(ctx.policy, to, inc.kind), current: 0, startedAt: change.at, generation: inc.paging.generation + 1 };
  const first = inc.paging.steps[0];
  standDown(change, ctx, new Set((raised || !wasAcked) && first ? stepPeople(ctx, first).page : []), actor);
  if (raised || !wasAcked) {
    pageStep(change, ctx, 0, actor, `${incidentTag(inc)} ${notice}`);
  } else {
    // Lowered while someone is on it: the new plan is theirs; nobody new is paged.
    inc.paging.ackedAt = change.at;
  }
  change.deliver({ what: "card" });
  return change;
}

const incidentTag = (inc: Incident) => `INC-${inc.number} ${inc.title}:`;
