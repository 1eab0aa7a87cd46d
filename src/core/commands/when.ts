import { UserError } from "../errors.js";
import { fromZoned, toZoned } from "../calendar/zoned.js";

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/**
 * A moment typed by a person, read in the calendar's time zone:
 * "2026-11-27 17:30", an ISO instant, "fri 17:30" (the next Friday, today
 * included if still ahead), or "17:30" (today).
 */
export function parseWhen(text: string, now: Date, timeZone: string): Date {
  const s = text.trim().toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}t.*(z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(text);
    if (!Number.isNaN(d.getTime())) return d;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ t](\d{1,2}):(\d{2}))?$/.exec(s);
  if (m) {
    const [, y, mo, d, h = "0", mi = "0"] = m;
    return checked(text, { year: +y!, month: +mo!, day: +d!, hour: +h, minute: +mi }, timeZone);
  }
  m = /^(?:(sun|mon|tue|wed|thu|fri|sat)[a-z]*\s+)?(\d{1,2}):(\d{2})$/.exec(s);
  if (m) {
    const today = toZoned(now, timeZone);
    const wanted = m[1] ? WEEKDAYS.indexOf(m[1]) : today.weekday;
    let days = (wanted - today.weekday + 7) % 7;
    const at = (n: number) =>
      checked(text, { year: today.year, month: today.month, day: today.day + n, hour: +m![2]!, minute: +m![3]! }, timeZone);
    if (days === 0 && m[1] && at(0) < now) days = 7;
    return at(days);
  }
  throw new UserError("TIME.INVALID", { value: text });
}

function checked(text: string, local: { year: number; month: number; day: number; hour: number; minute: number }, tz: string): Date {
  if (local.month < 1 || local.month > 12 || local.hour > 23 || local.minute > 59) throw new UserError("TIME.INVALID", { value: text });
  // Day overflow (e.g. the 32nd) is normalised through UTC date arithmetic.
  const norm = new Date(Date.UTC(local.year, local.month - 1, local.day));
  return fromZoned(
    { year: norm.getUTCFullYear(), month: norm.getUTCMonth() + 1, day: norm.getUTCDate(), hour: local.hour, minute: local.minute },
    tz,
  );
}
