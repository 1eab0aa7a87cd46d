import { UserError } from "../errors.js";
import type { Actor, ClockState, Incident, StopEvent } from "../model.js";
import { incidentLabel, SYSTEM_ACTOR } from "../model.js";
import { clockApplies, clockTimerKeys, clockTimers, durationFor, isRunning, startClock } from "../planning/clock-plan.js";
import type { ClockPolicy } from "../policy/schema.js";
import type { Change } from "./change.js";
import { minutesBetween, words, type DecisionContext } from "./context.js";

// A deadline clock ends only by its own event: met when that event comes in
// time, missed when its due time passes (on-timer.ts), waived by someone
// allowed, with a reason, or not met when the incident closes first. A clock
// that no longer applies (a lowered severity, a changed visit) is cancelled,
// which is no verdict at all.

/** Stop one running clock now, by its own event: recorded as met, or as done late with how late. */
export function stopClock(change: Change, ctx: DecisionContext, clock: ClockState, actor: Actor, announce: boolean): void {
  if (!isRunning(clock)) return;
  const inc = change.incident;
  const w = words(ctx.policy);
  clock.stoppedAt = change.at;
  change.cancel(...clockTimerKeys(inc.id, clock));
  const late = minutesBetween(clock.dueAt, change.at);
  if (late <= 0) {
    change.record("deadline_met", actor, { clock: clock.key, dueAt: clock.dueAt, metAt: change.at, marginMinutes: Math.round(-late) });
    if (announce) change.deliver({ what: "post", text: w.t.post.clockMet(w.clock(clock.key)), mentions: [] });
  } else {
    change.record("clock_stopped", actor, { clock: clock.key, dueAt: clock.dueAt, overdueMinutes: Math.round(late) });
    if (announce) change.deliver({ what: "post", text: w.t.post.clockLate(w.clock(clock.key), w.dur(late)), mentions: [] });
  }
}

/** Stop every running clock that this event stops. */
export function stopClocksOn(change: Change, ctx: DecisionContext, event: StopEvent, actor: Actor, announce = true): void {
  for (const clock of change.incident.clocks) if (clock.stopOn === event) stopClock(change, ctx, clock, actor, announce);
}

/** A clock that no longer applies (severity, visit or lifecycle changed): dropped without a verdict. */
export function cancelClock(change: Change, clock: ClockState): void {
  if (!isRunning(clock)) return;
  clock.cancelledAt = change.at;
  change.cancel(...clockTimerKeys(change.incident.id, clock));
}

/** The next run number for a clock key (each start of a clock is a run of its own, with its own timer keys). */
const nextRun = (inc: Incident, key: string) => Math.max(0, ...inc.clocks.filter((c) => c.key === key).map((c) => c.run)) + 1;

/** Start a clock of the policy now (or at `start`), arming its reminders and deadline. */
export function beginClock(change: Change, ctx: DecisionContext, policy: ClockPolicy, start: Date = change.now): ClockState {
  const inc = change.incident;
  const clock = startClock(policy, inc.severity, ctx.cal, start, nextRun(inc, policy.key));
  inc.clocks.push(clock);
  for (const t of clockTimers(inc.id, clock, ctx.now)) change.arm(t.dueAt < change.at ? { ...t, dueAt: change.at } : t);
  return clock;
}

/** Start the clocks the policy starts on a lifecycle event (the resolve, a reopen, the close), where they apply; on the timeline. */
export function startClocksOn(change: Change, ctx: DecisionContext, event: "resolve" | "reopen" | "close"): ClockState[] {
  const started = ctx.policy.clocks
    .filter((p) => p.startOn === event && clockApplies(p, change.incident))
    .map((p) => beginClock(change, ctx, p));
  recordStarted(change, started);
  return started;
}

/** Put clocks started after the declaration on the timeline, so the summary (built from it alone) knows them. */
export function recordStarted(change: Change, started: ClockState[]): void {
  if (started.length)
    change.record("clocks_started", SYSTEM_ACTOR, { clocks: started.map((c) => ({ key: c.key, dueAt: c.dueAt, basis: c.basis })) });
}

/**
 * Bring the from-the-start clocks in line with what the incident now is (a
 * new severity, a claim, an on-site visit): a running clock that no longer
 * applies is cancelled; one whose duration changed restarts now, counted from
 * the change (the plans count from receiving the task); one that now applies
 * and never ran starts now. Clocks already met, missed or waived keep their
 * outcome.
 */
export function reconcileClocks(change: Change, ctx: DecisionContext, previousSeverity?: string): ClockState[] {
  const inc = change.incident;
  const started: ClockState[] = [];
  for (const clock of inc.clocks.filter(isRunning)) {
    const policy = ctx.policy.clocks.find((c) => c.key === clock.key);
    if (!policy || policy.startOn !== "declare") continue;
    if (!clockApplies(policy, inc)) {
      cancelClock(change, clock);
      continue;
    }
    const before = previousSeverity ? JSON.stringify(durationFor(policy, previousSeverity)) : undefined;
    if (before !== undefined && before !== JSON.stringify(durationFor(policy, inc.severity))) {
      cancelClock(change, clock);
      started.push(beginClock(change, ctx, policy));
    }
  }
  for (const policy of ctx.policy.clocks) {
    if (policy.startOn !== "declare" || !clockApplies(policy, inc)) continue;
    if (inc.clocks.some((c) => c.key === policy.key && !c.cancelledAt)) continue;
    started.push(beginClock(change, ctx, policy));
  }
  return started;
}

/**
 * The incident closes: a clock still running is over. Past its due time it
 * stays missed; not yet due, it is recorded as not met (nothing met it).
 */
export function closeOpenClocks(change: Change): void {
  const inc = change.incident;
  for (const clock of inc.clocks.filter(isRunning)) {
    clock.notMetAt = change.at;
    change.cancel(...clockTimerKeys(inc.id, clock));
    if (clock.missedAt || clock.dueAt <= change.at) continue;
    change.record("deadline_not_met", SYSTEM_ACTOR, { clock: clock.key, dueAt: clock.dueAt });
  }
}

/** Waive a deadline that is running or was missed: reported apart, with who and why, never counted. */
export function waiveClock(change: Change, ctx: DecisionContext, key: string, reason: string, actor: Actor): ClockState {
  const inc = change.incident;
  const w = words(ctx.policy);
  const open = inc.clocks.filter((c) => c.key === key && !c.stoppedAt && !c.cancelledAt && !c.waivedAt && !c.notMetAt);
  const clock = open.at(-1);
  if (!clock) {
    const choices = inc.clocks.filter((c) => !c.stoppedAt && !c.cancelledAt && !c.waivedAt && !c.notMetAt).map((c) => c.key);
    throw new UserError("CLOCK.NOT_WAIVABLE", {
      label: incidentLabel(inc),
      value: key,
      choices: [...new Set(choices)].join(", ") || w.t.none,
    });
  }
  clock.waivedAt = change.at;
  clock.waivedBy = actor.personId ?? actor.name;
  clock.waiveReason = reason;
  change.cancel(...clockTimerKeys(inc.id, clock));
  change.record("deadline_waived", actor, { clock: clock.key, dueAt: clock.dueAt, reason });
  change.deliver({ what: "post", text: w.t.post.clockWaived(w.clock(clock.key), w.who(actor), reason), mentions: [] });
  return clock;
}
