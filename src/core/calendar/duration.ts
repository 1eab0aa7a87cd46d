// Durations as people write them in a policy or a command: "90m", "2h",
// "1h30m", "1.5h", "3d" (d = 24 wall-clock hours). Minutes are the unit.

export class DurationError extends Error {
  readonly code = "DURATION.INVALID";
}

const UNIT: Record<string, number> = { d: 24 * 60, h: 60, m: 1, s: 1 / 60 };

export function parseDuration(text: string): number {
  const s = text.trim().toLowerCase();
  if (!/^(\d+(\.\d+)?[dhms])+$/.test(s)) throw new DurationError(`"${text}" is not a duration (try 30m, 2h, 1h30m, 3d)`);
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)([dhms])/g)) total += Number(m[1]) * UNIT[m[2]!]!;
  return total;
}

/** "1 h 30 min" / "1小时30分"; the sign is dropped (callers say "late" or "left"). */
export function formatDuration(minutes: number, locale: "en" | "zh"): string {
  let m = Math.round(Math.abs(minutes));
  const d = Math.floor(m / 1440);
  m -= d * 1440;
  const h = Math.floor(m / 60);
  m -= h * 60;
  const parts: string[] = [];
  if (locale === "zh") {
    if (d) parts.push(`${d}天`);
    if (h) parts.push(`${h}小时`);
    if (m || !parts.length) parts.push(`${m}分钟`);
    return parts.join("");
  }
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (m || !parts.length) parts.push(`${m} min`);
  return parts.join(" ");
}
