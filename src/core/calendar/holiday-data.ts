import type { CalendarSpec } from "./business-calendar.js";
import { fromZoned } from "./zoned.js";

/** Warn this long before the holiday list runs out: time to add next year's. */
export const WARN_DAYS = 60;

export interface HolidayDataWarning {
  /** The last day the holiday list covers (YYYY-MM-DD). */
  endsOn: string;
  /** The list has already run out. */
  ended: boolean;
}

/**
 * The last day the calendar's holiday list is complete: `holidaysUntil`, or
 * 31 December of the latest year it names. Undefined for a calendar that
 * lists no holidays at all (a team that works through them).
 */
export function holidayDataEnd(cal: Pick<CalendarSpec, "holidays" | "workdays"> & { holidaysUntil?: string }): string | undefined {
  if (cal.holidaysUntil) return cal.holidaysUntil;
  const years = [...cal.holidays, ...cal.workdays].map((d) => Number(d.slice(0, 4)));
  return years.length ? `${Math.max(...years)}-12-31` : undefined;
}

/** A warning when the holiday list ends within WARN_DAYS of `at` (or already has), else undefined. */
export function holidayDataWarning(
  cal: Pick<CalendarSpec, "holidays" | "workdays" | "timeZone"> & { holidaysUntil?: string },
  at: Date,
): HolidayDataWarning | undefined {
  const endsOn = holidayDataEnd(cal);
  if (!endsOn) return undefined;
  const [y, m, d] = endsOn.split("-").map(Number) as [number, number, number];
  const end = fromZoned({ year: y, month: m, day: d + 1, hour: 0, minute: 0 }, cal.timeZone).getTime();
  if (at.getTime() < end - WARN_DAYS * 86_400_000) return undefined;
  return { endsOn, ended: at.getTime() >= end };
}
