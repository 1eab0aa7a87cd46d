import { z } from "zod";
import type { BusinessCalendar } from "./business-calendar.js";

/** How a deadline's time is counted: wall-clock time, working time, or working days. Defined here only. */
export const basisSchema = z.enum(["wall", "working", "working_days"]);
export type Basis = z.infer<typeof basisSchema>;

export type ClockDuration =
  | { basis: Extract<Basis, "wall">; minutes: number; clampToHours?: boolean }
  | { basis: Extract<Basis, "working">; minutes: number; outsideHours?: "count_from_opening" | "next_opening" }
  | { basis: Extract<Basis, "working_days">; days: number };

/** When a clock started at `start` falls due. */
export function computeDue(cal: BusinessCalendar, start: Date, d: ClockDuration): Date {
  switch (d.basis) {
    case "wall": {
      const due = new Date(start.getTime() + d.minutes * 60_000);
      return d.clampToHours ? cal.nextOpening(due) : due;
    }
    case "working":
      // "1 h in working hours, else 09:00 next working day"
      if (d.outsideHours === "next_opening" && !cal.isOpen(start)) return cal.nextOpening(start);
      return cal.addWorkingMinutes(start, d.minutes);
    case "working_days":
      return cal.addWorkingDays(start, d.days);
  }
}

/**
 * The instant at `fraction` of the allowed time: a 50 % reminder on a
 * working-time clock falls halfway through the working minutes, not halfway
 * through the night.
 */
export function pointAt(cal: BusinessCalendar, start: Date, due: Date, basis: Basis, fraction: number): Date {
  const working = basis === "wall" ? 0 : cal.workingMinutesBetween(start, due);
  if (basis === "wall" || working <= 0) return new Date(start.getTime() + (due.getTime() - start.getTime()) * fraction);
  return cal.addWorkingMinutes(start, working * fraction);
}
