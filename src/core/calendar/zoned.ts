// IANA time-zone arithmetic with Intl only. Business hours are wall-clock
// times in the calendar's zone; these helpers turn instants into wall-clock
// parts and back, correctly across daylight-saving changes.

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAY: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function partsFromIntl(at: Date, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAY[parts.weekday!]!,
  };
}

/**
 * The zone's offset (ms) for each UTC minute asked about. Intl's formatToParts
 * costs microseconds and a declare asks it hundreds of times (deadlines,
 * working hours, the card); a zone's offset changes only at whole minutes
 * (daylight saving, since standard time), so one answer serves its minute.
 */
const offsets = new Map<string, number>();
const MAX_CACHED = 50_000;

function offsetOfMinute(minute: number, timeZone: string): number {
  const key = `${timeZone}|${minute}`;
  let off = offsets.get(key);
  if (off === undefined) {
    const at = minute * 60_000;
    const z = partsFromIntl(new Date(at), timeZone);
    off = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second) - at;
    if (offsets.size >= MAX_CACHED) offsets.clear();
    offsets.set(key, off);
  }
  return off;
}

export function toZoned(at: Date, timeZone: string): ZonedParts {
  const t = at.getTime();
  if (!Number.isFinite(t)) return partsFromIntl(at, timeZone); // Intl's own RangeError
  const wall = new Date(Math.floor(t / 1000) * 1000 + offsetOfMinute(Math.floor(t / 60_000), timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay(),
  };
}

/** Offset of the zone from UTC at an instant, in minutes (Shanghai: +480). */
function offsetMinutes(at: Date, timeZone: string): number {
  const z = toZoned(at, timeZone);
  const asUtc = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant showing this wall time in the zone. In a spring-forward gap the
 * wall time does not exist: the instant after the gap is returned (02:30 ->
 * 03:30). In a fall-back overlap the earlier instant is returned.
 */
export function fromZoned(
  local: { year: number; month: number; day: number; hour: number; minute: number; second?: number },
  timeZone: string,
): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  const candidates = new Set<number>();
  for (const probe of [wall - 36 * 3600_000, wall, wall + 36 * 3600_000]) {
    candidates.add(wall - offsetMinutes(new Date(probe), timeZone) * 60_000);
  }
  const exact = [...candidates].filter((t) => wallOf(t, timeZone) === wall).sort((a, b) => a - b);
  if (exact.length) return new Date(exact[0]!);
  // In a gap: use the offset from before the gap, which lands after it.
  const before = offsetMinutes(new Date(wall - 36 * 3600_000), timeZone);
  return new Date(wall - before * 60_000);
}

function wallOf(t: number, timeZone: string): number {
  const z = toZoned(new Date(t), timeZone);
  return Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second);
}

/**
 * In the hour repeated when clocks go back, one wall time names two instants:
 * true when another instant within an hour shows the same wall time.
 */
function repeatedWallTime(at: Date, timeZone: string): boolean {
  const t = Math.floor(at.getTime() / 1000) * 1000;
  const wall = wallOf(t, timeZone);
  return [-60, -30, 30, 60].some((m) => wallOf(t + m * 60_000, timeZone) === wall);
}

/** "UTC+8", "UTC−4:30". */
function utcOffset(at: Date, timeZone: string): string {
  const m = offsetMinutes(at, timeZone);
  const sign = m < 0 ? "−" : "+";
  const a = Math.abs(m);
  return `UTC${sign}${Math.floor(a / 60)}${a % 60 ? `:${pad(a % 60)}` : ""}`;
}

/** "YYYY-MM-DD" of the instant in the zone. */
export function localDateKey(at: Date, timeZone: string): string {
  const z = toZoned(at, timeZone);
  return `${z.year}-${pad(z.month)}-${pad(z.day)}`;
}

export function addLocalDays(dateKey: string, n: number): string {
  const [y, m, d] = dateKey.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function weekdayOfDateKey(dateKey: string): number {
  const [y, m, d] = dateKey.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const pad = (n: number) => String(n).padStart(2, "0");

const EN_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const ZH_DAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A short human form: "Fri 27 Nov 17:30" / "11月27日 周五 17:30". Deterministic (no locale data). */
export function formatLocal(at: Date, timeZone: string, locale: "en" | "zh"): string {
  const z = toZoned(at, timeZone);
  // In the repeated hour the offset tells the two 01:30s apart.
  const hm = `${pad(z.hour)}:${pad(z.minute)}${repeatedWallTime(at, timeZone) ? ` (${utcOffset(at, timeZone)})` : ""}`;
  return locale === "zh"
    ? `${z.month}月${z.day}日 ${ZH_DAYS[z.weekday]} ${hm}`
    : `${EN_DAYS[z.weekday]} ${z.day} ${EN_MONTHS[z.month - 1]} ${hm}`;
}
