import { toZoned, addLocalDays, fromZoned, localDateKey, weekdayOfDateKey } from "./zoned.js";

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
export interface OpeningSpan {
  from: string; // "HH:MM"
  to: string; // "HH:MM", "24:00" allowed
}

export interface CalendarSpec {
  timeZone: string;
  week: Partial<Record<Weekday, OpeningSpan[]>>;
  /** "YYYY-MM-DD": closed all day, whatever the weekday. */
  holidays: string[];
  /** "YYYY-MM-DD": make-up working days (a weekend day worked, as in Chinese holiday schedules). */
  workdays: string[];
  /** Hours of a make-up day; default: the first weekday with hours, Monday first. */
  makeUpHours?: OpeningSpan[];
}

export interface Span {
  start: Date;
  end: Date;
}

export interface BusinessCalendar {
  readonly spec: CalendarSpec;
  isOpen(at: Date): boolean;
  /** `at` itself when open, else the next opening. */
  nextOpening(at: Date): Date;
  addWorkingMinutes(from: Date, minutes: number): Date;
  workingMinutesBetween(from: Date, to: Date): number;
  addWorkingDays(from: Date, days: number): Date;
  openSpans(dateKey: string): Span[];
}

export class CalendarError extends Error {
  readonly code = "CALENDAR.INVALID";
}

const DAYS: Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
/** How far we look for an opening before deciding the calendar never opens. */
const HORIZON_DAYS = 366;

export function createCalendar(spec: CalendarSpec): BusinessCalendar {
  const holidays = new Set(spec.holidays);
  const workdays = new Set(spec.workdays);
  const makeUp =
    spec.makeUpHours ??
    (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as Weekday[]).map((d) => spec.week[d] ?? []).find((s) => s.length) ??
    [];
  const cache = new Map<string, Span[]>();

  const hoursOf = (dateKey: string): OpeningSpan[] => {
    if (holidays.has(dateKey)) return [];
    if (workdays.has(dateKey)) return makeUp;
    return spec.week[DAYS[weekdayOfDateKey(dateKey)]!] ?? [];
  };

  const openSpans = (dateKey: string): Span[] => {
    let spans = cache.get(dateKey);
    if (!spans) {
      const [year, month, day] = dateKey.split("-").map(Number) as [number, number, number];
      const at = (hhmm: string) => {
        const [h, m] = hhmm.split(":").map(Number) as [number, number];
        return h === 24
          ? fromZoned({ year, month, day: day + 1, hour: 0, minute: 0 }, spec.timeZone)
          : fromZoned({ year, month, day, hour: h, minute: m }, spec.timeZone);
      };
      spans = hoursOf(dateKey)
        .map((s) => ({ start: at(s.from), end: at(s.to) }))
        .filter((s) => s.end > s.start)
        .sort((a, b) => a.start.getTime() - b.start.getTime());
      if (cache.size > 4096) cache.clear();
      cache.set(dateKey, spans);
    }
    return spans;
  };

  /** Open spans from the day of `at` onwards, one day at a time. */
  function* spansFrom(at: Date): Generator<Span> {
    let key = addLocalDays(localDateKey(at, spec.timeZone), -1); // a span may start the day before (24:00 ends)
    for (let i = 0; i <= HORIZON_DAYS; i++, key = addLocalDays(key, 1)) yield* openSpans(key);
    throw new CalendarError(`the business calendar (${spec.timeZone}) has no working hours within ${HORIZON_DAYS} days`);
  }

  const isOpen = (at: Date) => openSpans(localDateKey(at, spec.timeZone)).some((s) => s.start <= at && at < s.end);

  const nextOpening = (at: Date): Date => {
    for (const s of spansFrom(at)) {
      if (s.end <= at) continue;
      return s.start > at ? s.start : at;
    }
    throw new CalendarError("unreachable");
  };

  const addWorkingMinutes = (from: Date, minutes: number): Date => {
    let left = minutes * 60_000;
    for (const s of spansFrom(from)) {
      if (s.end <= from) continue;
      const start = s.start > from ? s.start : from;
      const room = s.end.getTime() - start.getTime();
      if (left <= room) return new Date(start.getTime() + left);
      left -= room;
    }
    throw new CalendarError("unreachable");
  };

  const workingMinutesBetween = (from: Date, to: Date): number => {
    if (to <= from) return 0;
    let total = 0;
    let key = addLocalDays(localDateKey(from, spec.timeZone), -1);
    const last = addLocalDays(localDateKey(to, spec.timeZone), 1);
    for (; key <= last; key = addLocalDays(key, 1)) {
      for (const s of openSpans(key)) {
        const a = Math.max(s.start.getTime(), from.getTime());
        const b = Math.min(s.end.getTime(), to.getTime());
        if (b > a) total += b - a;
      }
    }
    return total / 60_000;
  };

  const addWorkingDays = (from: Date, days: number): Date => {
    const start = nextOpening(from);
    if (days <= 0) return start;
    let key = localDateKey(start, spec.timeZone);
    for (let n = 0, guard = 0; n < days; guard++) {
      if (guard > HORIZON_DAYS * 2) throw new CalendarError("no working day found");
      key = addLocalDays(key, 1);
      if (openSpans(key).length) n++;
    }
    // The same wall time, to the second, on the last working day counted.
    const z = wallClock(start, spec.timeZone);
    const [y, m, d] = key.split("-").map(Number) as [number, number, number];
    const at = fromZoned({ year: y, month: m, day: d, hour: z.hour, minute: z.minute, second: z.second }, spec.timeZone);
    return nextOpening(new Date(at.getTime() + (start.getTime() % 1000)));
  };

  return { spec, isOpen, nextOpening, addWorkingMinutes, workingMinutesBetween, addWorkingDays, openSpans };
}

function wallClock(at: Date, timeZone: string): { hour: number; minute: number; second: number } {
  const z = toZoned(at, timeZone);
  return { hour: z.hour, minute: z.minute, second: z.second };
}
