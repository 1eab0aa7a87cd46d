import type { ClockState, Incident } from "../model.js";
import type { ClockDurationPolicy, ClockPolicy, Policy } from "../policy/schema.js";
import type { BusinessCalendar } from "../calendar/business-calendar.js";
import { computeDue, pointAt, type ClockDuration } from "../calendar/deadline.js";
import { parseDuration } from "../calendar/duration.js";
import { timerKeys, type TimerSpec } from "../timers.js";

type ClockSubject = Pick<Incident, "severity" | "kind" | "onsite" | "claim">;

/** Does this clock of the policy run for an incident of this severity, kind and options? */
export function clockApplies(clock: ClockPolicy, subject: ClockSubject): boolean {
  if (clock.severities && !clock.severities.includes(subject.severity)) return false;
  if (clock.kinds && !clock.kinds.includes(subject.kind)) return false;
  if (clock.onsite && (clock.onsite === "any" ? !subject.onsite : clock.onsite !== subject.onsite)) return false;
  if (clock.claim && !subject.claim) return false;
  return durationFor(clock, subject.severity) !== undefined;
}

/** A clock's duration for a severity: one for all, or the severity's own entry. */
export function durationFor(clock: ClockPolicy, severity: string): ClockDuration | undefined {
  const d = clock.duration;
  const single = "wall" in d || "working" in d || "workingDays" in d;
  const picked = (single ? d : (d as Record<string, ClockDurationPolicy>)[severity]) as ClockDurationPolicy | undefined;
  if (!picked) return undefined;
  if ("wall" in picked) return { basis: "wall", minutes: parseDuration(picked.wall), clampToHours: picked.clampToHours };
  if ("working" in picked) return { basis: "working", minutes: parseDuration(picked.working), outsideHours: picked.outsideHours };
  return { basis: "working_days", days: picked.workingDays };
}

/** Start one clock at `start`: its deadline and reminder points, from the calendar. */
export function startClock(clock: ClockPolicy, severity: string, cal: BusinessCalendar, start: Date, run = 1): ClockState {
  const duration = durationFor(clock, severity)!;
  const due = computeDue(cal, start, duration);
  const remindAt = clock.silent
    ? []
    : clock.reminders.at.map((f) => pointAt(cal, start, due, duration.basis, f).toISOString()).filter((at) => at < due.toISOString());
  return {
    key: clock.key,
    run,
    basis: duration.basis,
    startedAt: start.toISOString(),
    dueAt: due.toISOString(),
    stopOn: clock.stopOn,
    remindAt: [...new Set(remindAt)],
    overdueEveryMinutes: clock.silent || !clock.reminders.overdueEvery ? undefined : parseDuration(clock.reminders.overdueEvery),
    maxOverdueReminders: clock.silent ? 0 : clock.reminders.maxOverdue,
    escalateOnMiss: clock.escalateOnMiss,
  };
}

/** The clocks that start at declaration (those that apply from the start), as the plan simulator shows them. */
export function planClocks(policy: Policy, cal: BusinessCalendar, subject: ClockSubject, start: Date): ClockState[] {
  return policy.clocks
    .filter((c) => c.startOn === "declare" && clockApplies(c, subject))
    .map((c) => startClock(c, subject.severity, cal, start));
}

/** The timers a running clock needs: its reminders still ahead, and its deadline. */
export function clockTimers(incidentId: string, clock: ClockState, now: Date): TimerSpec[] {
  const timers: TimerSpec[] = clock.remindAt
    .map((at, index) => ({ at, index }))
    .filter(({ at }) => at > now.toISOString())
    .map(({ at, index }) => ({
      key: timerKeys.remind(incidentId, clock.key, clock.run, index),
      dueAt: at,
      payload: { kind: "remind", incidentId, clock: clock.key, run: clock.run, index },
    }));
  timers.push({
    key: timerKeys.deadline(incidentId, clock.key, clock.run),
    dueAt: clock.dueAt,
    payload: { kind: "deadline", incidentId, clock: clock.key, run: clock.run },
  });
  return timers;
}

/** Every key a clock may have armed, so stopping it can cancel them all. */
export function clockTimerKeys(incidentId: string, clock: ClockState): string[] {
  const keys = clock.remindAt.map((_, i) => timerKeys.remind(incidentId, clock.key, clock.run, i));
  keys.push(timerKeys.deadline(incidentId, clock.key, clock.run));
  for (let n = 1; n <= clock.maxOverdueReminders; n++) keys.push(timerKeys.overdue(incidentId, clock.key, clock.run, n));
  return keys;
}

/** Still counting: not met, cancelled, waived, nor closed over. (A missed clock runs on, overdue, until its event.) */
export const isRunning = (c: ClockState): boolean => !c.stoppedAt && !c.cancelledAt && !c.waivedAt && !c.notMetAt;
