import { describe, expect, it } from "vitest";
import { formatLocal, fromZoned, toZoned } from "../../../src/core/calendar/zoned.js";

/** What Intl itself says, field by field: the reference the cached offsets must match. */
const reference = new Map<string, Intl.DateTimeFormat>();
function intlParts(at: Date, timeZone: string) {
  const f =
    reference.get(timeZone) ??
    new Intl.DateTimeFormat("en-US", {
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
  reference.set(timeZone, f);
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(p.weekday!);
  return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour! % 24, minute: +p.minute!, second: +p.second!, weekday };
}

const ZONES = ["Asia/Shanghai", "Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "UTC"];

describe("wall-clock parts of an instant in a zone", () => {
  it("match Intl every 2 h 7 min 13 s through a year with daylight-saving changes, in zones with odd offsets", () => {
    for (const zone of ZONES) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7_633_000) {
        expect(toZoned(new Date(t), zone), `${zone} ${new Date(t).toISOString()}`).toEqual(intlParts(new Date(t), zone));
      }
    }
  });

  it("match Intl on each side of the 2026 changes in New York and London, to the second", () => {
    const edges = [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)];
    for (const edge of edges)
      for (const d of [-61_000, -1_000, -1, 0, 999, 1_000, 59_999, 60_000])
        for (const zone of ["America/New_York", "Europe/London"])
          expect(toZoned(new Date(edge + d), zone)).toEqual(intlParts(new Date(edge + d), zone));
  });

  it("round-trip through fromZoned and tell the repeated hour apart when clocks go back", () => {
    const at = fromZoned({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/New_York");
    expect(at.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(formatLocal(at, "America/New_York", "en")).toBe("Sun 1 Nov 01:30 (UTC−4)");
    expect(formatLocal(new Date(at.getTime() + 3_600_000), "America/New_York", "en")).toBe("Sun 1 Nov 01:30 (UTC−5)");
  });
});
