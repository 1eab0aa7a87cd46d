import type { Actor, ClockState, StopEvent } from "../model.js";
import { clockTimerKeys, isRunning } from "../planning/clock-plan.js";
import type { Change } from "./change.js";
import { minutesBetween, words, type DecisionContext } from "./context.js";

/** Stop one running clock now: recorded as met, or as stopped late with how late. */
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

/** A clock that no longer applies (severity or kind changed): dropped without a verdict. */
export function cancelClock(change: Change, clock: ClockState): void {
  if (!isRunning(clock)) return;
  clock.cancelledAt = change.at;
  change.cancel(...clockTimerKeys(change.incident.id, clock));
}
