import type { ClockState } from "./model.js";

// The one place that says what became of a deadline. Every reviewer page,
// chart, figure and export asks this function, so a new way for a clock to end
// (waived with a reason, not met at close) is taught here once and shows
// everywhere alike.

export type ClockOutcome = "running" | "met" | "missed" | "notMet" | "waived" | "cancelled";

/** What the outcome reads of a clock. */
export type ClockFacts = Pick<ClockState, "dueAt" | "stoppedAt" | "missedAt" | "cancelledAt" | "waivedAt" | "notMetAt">;

export interface ClockVerdict {
  outcome: ClockOutcome;
  /** Missed and not stopped yet: the overdue stretch runs on to `now`. */
  overdue: boolean;
  /** When the clock stopped (met or late), was waived or was cancelled. */
  endedAt?: string;
  /** Minutes past due, at the stop (late) or at `now` (overdue). */
  lateMinutes?: number;
  /** Minutes to spare when met. */
  marginMinutes?: number;
}

const minutes = (from: string, to: number) => Math.round((to - Date.parse(from)) / 60_000);

/**
 * Cancelled (no longer applies) and waived come first: neither is a verdict on
 * the team. Then the stop decides met or late; a clock still running is
 * missed once marked missed or past its due time, else running.
 */
export function clockVerdict(c: ClockFacts, now: Date): ClockVerdict {
  if (c.cancelledAt) return { outcome: "cancelled", overdue: false, endedAt: c.cancelledAt };
  if (c.waivedAt) return { outcome: "waived", overdue: false, endedAt: c.waivedAt };
  if (c.stoppedAt) {
    const late = minutes(c.dueAt, Date.parse(c.stoppedAt));
    return Date.parse(c.stoppedAt) <= Date.parse(c.dueAt)
      ? { outcome: "met", overdue: false, endedAt: c.stoppedAt, marginMinutes: Math.max(0, -late) }
      : { outcome: "missed", overdue: false, endedAt: c.stoppedAt, lateMinutes: Math.max(1, late) };
  }
  // Closed over: the overdue stretch ends at the close; a clock not yet due then is "not met".
  const end = c.notMetAt ? Date.parse(c.notMetAt) : now.getTime();
  if (c.missedAt || end > Date.parse(c.dueAt))
    return { outcome: "missed", overdue: !c.notMetAt, endedAt: c.notMetAt, lateMinutes: Math.max(0, minutes(c.dueAt, end)) };
  if (c.notMetAt) return { outcome: "notMet", overdue: false, endedAt: c.notMetAt };
  return { outcome: "running", overdue: false };
}

export const clockOutcome = (c: ClockFacts, now: Date): ClockOutcome => clockVerdict(c, now).outcome;
