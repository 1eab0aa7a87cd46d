import { describe, expect, it } from "vitest";
import { createCalendar } from "../../src/core/calendar/business-calendar.js";
import { activeWindow, closedBands, timeTicks } from "../../src/core/time-axis.js";
import { defaultPolicy } from "../helpers/default-policy.js";

const cal = createCalendar(defaultPolicy().calendar); // Shanghai, Mon–Fri 09:00–18:00
const at = (iso: string) => Date.parse(iso);
const local = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(5, 16).replace("T", " "); // Shanghai is UTC+8 all year
const MIN = 60_000;

describe("the timeline's time axis", () => {
  it("puts ticks on round times of the policy's zone and labels midnight with the day", () => {
    const from = at("2026-11-27T09:30:00Z"); // Fri 17:30 Shanghai
    const ticks = timeTicks(from, from + 2 * 60 * MIN, "Asia/Shanghai", 8, "en");
    expect(ticks.map((t) => t.label)).toEqual(["17:30", "18:00", "18:30", "19:00", "19:30"]);
    const days = timeTicks(from, from + 4 * 1440 * MIN, "Asia/Shanghai", 10, "en");
    expect(days.filter((t) => t.day).map((t) => t.label)).toEqual(["Sat 28", "Sun 29", "Mon 30", "Tue 1"]);
    expect(timeTicks(from, from + 4 * 1440 * MIN, "Asia/Shanghai", 10, "zh").find((t) => t.day)!.label).toBe("11/28 周六");
    expect(timeTicks(from, from + 60 * MIN, "UTC", 8, "en")[0]!.label).toBe("09:30"); // the zone decides, not the machine
  });

  it("shades the evening, the weekend and the early hours before Monday's opening, saying which is which", () => {
    const bands = closedBands(cal, at("2026-11-27T09:30:00Z"), at("2026-11-30T04:00:00Z")); // Fri 17:30 → Mon 12:00
    expect(bands.map((b) => [b.why, local(b.from), local(b.to)])).toEqual([
      ["closed", "11-27 18:00", "11-28 00:00"],
      ["weekend", "11-28 00:00", "11-30 00:00"],
      ["closed", "11-30 00:00", "11-30 09:00"],
    ]);
  });

  it("calls a public holiday a holiday, not a weekend", () => {
    const bands = closedBands(cal, at("2026-09-30T16:00:00Z"), at("2026-10-01T16:00:00Z")); // all of 1 October
    expect(bands).toEqual([{ why: "holiday", from: at("2026-09-30T16:00:00Z"), to: at("2026-10-01T16:00:00Z") }]);
  });

  it("zooms the detail band on the first burst of events, up to the first lull of two hours", () => {
    const start = at("2026-11-27T09:30:00Z");
    const burst = [0, 5, 30, 60, 70].map((m) => start + m * MIN);
    const monday = start + 63 * 60 * MIN;
    const w = activeWindow(start, start + 5 * 1440 * MIN, [...burst, monday]);
    expect(w).toEqual({ from: start, to: start + 120 * MIN }); // 70 min of events: a two-hour window
    expect(activeWindow(start, start + 90 * MIN, burst)).toEqual({ from: start, to: start + 90 * MIN }); // short: all of it
  });
});
