import type { BusinessCalendar } from "./calendar/business-calendar.js";
import { addLocalDays, fromZoned, localDateKey, toZoned } from "./calendar/zoned.js";

// Time-axis maths for the timeline picture, pure and in the policy's time
// zone: where the ticks go and what they say, which stretches are outside
// working hours (nights, weekends, holidays: the reason a deadline moved to
// Monday 09:00), and which hours were the active ones worth a zoomed band.

const MINUTE = 60_000;

export interface Tick {
  at: number;
  /** "17:30", or the day ("Sat 28") where a tick falls on midnight or the steps are days. */
  label: string;
  /** Midnight: drawn stronger, labelled with the day. */
  day: boolean;
}

/** Tick steps in minutes, finest first. */
const STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];

const pad = (n: number) => String(n).padStart(2, "0");
const EN_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const ZH_DAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

/** "Sat 28" / "28日 周六": short enough to sit under a tick. */
export function dayLabel(at: number, zone: string, locale: "en" | "zh"): string {
  const z = toZoned(new Date(at), zone);
  return locale === "zh" ? `${z.month}/${z.day} ${ZH_DAYS[z.weekday]}` : `${EN_DAYS[z.weekday]} ${z.day}`;
}

export function clockLabel(at: number, zone: string): string {
  const z = toZoned(new Date(at), zone);
  return `${pad(z.hour)}:${pad(z.minute)}`;
}

/** At most `most` ticks over [from, to], on round wall-clock times of the zone (daylight saving included). */
export function timeTicks(from: number, to: number, zone: string, most: number, locale: "en" | "zh"): Tick[] {
  const span = Math.max(MINUTE, to - from) / MINUTE;
  const step = STEPS.find((s) => span / s + 1 <= most) ?? Math.ceil(span / most / 1440) * 1440;
  const ticks: Tick[] = [];
  let key = localDateKey(new Date(from), zone);
  const lastKey = localDateKey(new Date(to), zone);
  for (let dayIndex = 0; key <= lastKey; key = addLocalDays(key, 1), dayIndex++) {
    const [year, month, day] = key.split("-").map(Number) as [number, number, number];
    const midnight = fromZoned({ year, month, day, hour: 0, minute: 0 }, zone).getTime();
    if (step >= 1440) {
      if (dayIndex % (step / 1440) === 0 && midnight >= from && midnight <= to)
        ticks.push({ at: midnight, label: dayLabel(midnight, zone, locale), day: true });
      continue;
    }
    for (let m = 0; m < 1440; m += step) {
      const at = m === 0 ? midnight : fromZoned({ year, month, day, hour: Math.floor(m / 60), minute: m % 60 }, zone).getTime();
      if (at < from || at > to) continue;
      ticks.push(m === 0 ? { at, label: dayLabel(at, zone, locale), day: true } : { at, label: clockLabel(at, zone), day: false });
    }
  }
  return ticks;
}

export type BandReason = "closed" | "weekend" | "holiday";

export interface Band {
  from: number;
  to: number;
  why: BandReason;
}

/** Stretches of [from, to] outside working hours, with why: a holiday, a day without hours (weekend) or the hours around opening. */
export function closedBands(cal: BusinessCalendar, from: number, to: number): Band[] {
  const zone = cal.spec.timeZone;
  const holidays = new Set(cal.spec.holidays);
  const bands: Band[] = [];
  const add = (a: number, b: number, why: BandReason) => {
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (hi <= lo) return;
    const last = bands.at(-1);
    if (last && last.why === why && last.to >= lo) last.to = Math.max(last.to, hi);
    else bands.push({ from: lo, to: hi, why });
  };
  let key = localDateKey(new Date(from), zone);
  const lastKey = localDateKey(new Date(to), zone);
  for (; key <= lastKey; key = addLocalDays(key, 1)) {
    const [year, month, day] = key.split("-").map(Number) as [number, number, number];
    const start = fromZoned({ year, month, day, hour: 0, minute: 0 }, zone).getTime();
    const [y2, m2, d2] = addLocalDays(key, 1).split("-").map(Number) as [number, number, number];
    const end = fromZoned({ year: y2, month: m2, day: d2, hour: 0, minute: 0 }, zone).getTime();
    const open = cal.openSpans(key);
    if (!open.length) {
      add(start, end, holidays.has(key) ? "holiday" : "weekend");
      continue;
    }
    let cursor = start;
    for (const s of open) {
      add(cursor, s.start.getTime(), "closed");
      cursor = Math.max(cursor, s.end.getTime());
    }
    add(cursor, end, "closed");
  }
  return bands;
}

/** Zoom steps for the detail band, in minutes. */
const WINDOWS = [30, 60, 120, 180, 240, 360, 480, 720, 1440];
/** A quiet stretch this long ends the active hours. */
const LULL = 120 * MINUTE;

/**
 * The active hours after `start`: the burst of events until the first lull,
 * rounded up to a readable span (30 min … 24 h). When the whole incident is
 * not much longer than that, the whole incident.
 */
export function activeWindow(start: number, end: number, times: number[]): { from: number; to: number } {
  let burstEnd = start;
  for (const t of [...times].filter((t) => t >= start).sort((a, b) => a - b)) {
    if (t - burstEnd > LULL) break;
    burstEnd = t;
  }
  const want = (burstEnd - start) * 1.1 + 10 * MINUTE;
  const span = (WINDOWS.find((w) => w * MINUTE >= want) ?? 1440) * MINUTE;
  if (end - start <= span * 1.25) return { from: start, to: Math.max(end, start + 30 * MINUTE) };
  return { from: start, to: start + span };
}
