import { describe, expect, it } from "vitest";
import { CalendarError, createCalendar, type CalendarSpec } from "../../../src/core/calendar/business-calendar.js";
import { computeDue, pointAt } from "../../../src/core/calendar/deadline.js";
import { fromZoned, formatLocal, toZoned } from "../../../src/core/calendar/zoned.js";

const nineToSix = [{ from: "09:00", to: "18:00" }];
const weekdays = (spans = nineToSix) => ({ mon: spans, tue: spans, wed: spans, thu: spans, fri: spans });
const shanghai: CalendarSpec = {
  timeZone: "Asia/Shanghai",
  week: weekdays(),
  holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
  workdays: ["2026-09-27", "2026-10-10"],
};
const cal = createCalendar(shanghai);
const sh = (local: string) => fromZoned(parse(local), "Asia/Shanghai");
const ny = (local: string) => fromZoned(parse(local), "America/New_York");
function parse(s: string) {
  const [d, t] = s.split(" ");
  const [year, month, day] = d!.split("-").map(Number) as [number, number, number];
  const [hour, minute] = (t ?? "00:00").split(":").map(Number) as [number, number];
  return { year, month, day, hour, minute };
}

describe("the business calendar", () => {
  it("lands 1 h of working time from Friday 17:30 on Monday 09:30", () => {
    expect(computeDue(cal, sh("2026-11-27 17:30"), { basis: "working", minutes: 60 })).toEqual(sh("2026-11-30 09:30"));
  });

  it("gives the next opening for a reply rule started on Saturday (next_opening)", () => {
    expect(computeDue(cal, sh("2026-11-28 11:00"), { basis: "working", minutes: 60, outsideHours: "next_opening" })).toEqual(
      sh("2026-11-30 09:00"),
    );
    expect(computeDue(cal, sh("2026-11-27 10:00"), { basis: "working", minutes: 60, outsideHours: "next_opening" })).toEqual(
      sh("2026-11-27 11:00"),
    );
  });

  it("starts counting at the next opening when a deadline starts outside working hours", () => {
    expect(computeDue(cal, sh("2026-11-26 22:00"), { basis: "working", minutes: 90 })).toEqual(sh("2026-11-27 10:30"));
  });

  it("skips a lunch break in a two-span day", () => {
    const lunch = createCalendar({
      ...shanghai,
      week: weekdays([
        { from: "09:00", to: "12:00" },
        { from: "13:30", to: "18:00" },
      ]),
    });
    expect(computeDue(lunch, sh("2026-11-26 11:30"), { basis: "working", minutes: 60 })).toEqual(sh("2026-11-26 14:00"));
    expect(lunch.isOpen(sh("2026-11-26 12:30"))).toBe(false);
    expect(lunch.nextOpening(sh("2026-11-26 12:30"))).toEqual(sh("2026-11-26 13:30"));
  });

  it("skips the National Day holiday week for '3 working days' and counts make-up days", () => {
    expect(computeDue(cal, sh("2026-09-29 10:00"), { basis: "working_days", days: 3 })).toEqual(sh("2026-10-09 10:00"));
    expect(computeDue(cal, sh("2026-10-09 10:00"), { basis: "working_days", days: 1 })).toEqual(sh("2026-10-10 10:00"));
    expect(cal.isOpen(sh("2026-09-27 10:00"))).toBe(true); // a Sunday that is worked
    expect(cal.isOpen(sh("2026-10-05 10:00"))).toBe(false); // a Monday that is a holiday
  });

  it("spans a long holiday with working time", () => {
    expect(computeDue(cal, sh("2026-09-30 17:00"), { basis: "working", minutes: 120 })).toEqual(sh("2026-10-08 10:00"));
  });

  it("moves a wall-clock deadline that falls at night to the next opening when asked", () => {
    expect(computeDue(cal, sh("2026-11-26 17:00"), { basis: "wall", minutes: 120 })).toEqual(sh("2026-11-26 19:00"));
    expect(computeDue(cal, sh("2026-11-26 17:00"), { basis: "wall", minutes: 120, clampToHours: true })).toEqual(sh("2026-11-27 09:00"));
  });

  it("keeps working-time sums consistent with additions, from many starting points", () => {
    for (let h = 0; h < 24 * 9; h += 5) {
      const start = new Date(sh("2026-09-24 00:00").getTime() + h * 3600_000);
      for (const minutes of [1, 59, 540, 1000]) {
        const due = cal.addWorkingMinutes(start, minutes);
        expect(cal.workingMinutesBetween(start, due)).toBeCloseTo(minutes, 6);
      }
    }
  });

  it("puts 50 % and 80 % reminders on working time, not through the night", () => {
    const start = sh("2026-11-27 17:00");
    const due = computeDue(cal, start, { basis: "working", minutes: 120 });
    expect(due).toEqual(sh("2026-11-30 10:00"));
    expect(pointAt(cal, start, due, "working", 0.5)).toEqual(sh("2026-11-27 18:00"));
    expect(pointAt(cal, start, due, "working", 0.8)).toEqual(sh("2026-11-30 09:36"));
    expect(pointAt(cal, start, due, "wall", 0.5).getTime()).toBe(start.getTime() + (due.getTime() - start.getTime()) / 2);
  });

  it("refuses a calendar that never opens", () => {
    const never = createCalendar({ timeZone: "Asia/Shanghai", week: {}, holidays: [], workdays: [] });
    expect(() => never.nextOpening(sh("2026-11-27 10:00"))).toThrow(CalendarError);
  });
});

describe("time zones and daylight saving (America/New_York)", () => {
  const nyc = createCalendar({ timeZone: "America/New_York", week: weekdays(), holidays: [], workdays: [] });

  it("reads a wall time in the spring-forward gap as the time after the gap, and the overlap as the earlier instant", () => {
    expect(ny("2026-03-08 02:30").toISOString()).toBe("2026-03-08T07:30:00.000Z"); // 03:30 EDT
    expect(ny("2026-11-01 01:30").toISOString()).toBe("2026-11-01T05:30:00.000Z"); // 01:30 EDT, the first one
    expect(toZoned(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toMatchObject({ hour: 1, minute: 30 }); // 01:30 EST, the second
  });

  it("keeps opening hours on local time across the change", () => {
    expect(nyc.openSpans("2026-03-06")[0]!.start.toISOString()).toBe("2026-03-06T14:00:00.000Z"); // EST
    expect(nyc.openSpans("2026-03-09")[0]!.start.toISOString()).toBe("2026-03-09T13:00:00.000Z"); // EDT
    expect(computeDue(nyc, ny("2026-03-06 17:00"), { basis: "working", minutes: 120 })).toEqual(ny("2026-03-09 10:00"));
    expect(computeDue(nyc, ny("2026-10-30 17:00"), { basis: "working", minutes: 120 })).toEqual(ny("2026-11-02 10:00"));
  });

  it("counts a 24 h wall clock as 24 real hours across the change", () => {
    const start = ny("2026-03-07 12:00");
    const due = computeDue(nyc, start, { basis: "wall", minutes: 24 * 60 });
    expect(due.getTime() - start.getTime()).toBe(24 * 3600_000);
    expect(toZoned(due, "America/New_York")).toMatchObject({ day: 8, hour: 13 });
  });

  it("formats times for people in both languages", () => {
    expect(formatLocal(sh("2026-11-27 17:30"), "Asia/Shanghai", "en")).toBe("Fri 27 Nov 17:30");
    expect(formatLocal(sh("2026-11-27 17:30"), "Asia/Shanghai", "zh")).toBe("11月27日 周五 17:30");
  });
});

describe("what a reader sees of an instant and a working day", () => {
  it("keeps the seconds when counting working days: 17:59:59 becomes 17:59:59 on the next working day", () => {
    const friday = new Date("2026-11-27T09:59:59.500Z"); // Friday 17:59:59.5 in Shanghai
    expect(cal.addWorkingDays(friday, 1).toISOString()).toBe("2026-11-30T09:59:59.500Z");
  });

  it("shows the UTC offset of a time in the hour repeated when clocks go back, and only there", () => {
    // America/New_York, Sunday 1 November 2026: 01:00–02:00 happens twice.
    expect(formatLocal(new Date("2026-11-01T05:30:00Z"), "America/New_York", "en")).toBe("Sun 1 Nov 01:30 (UTC−4)");
    expect(formatLocal(new Date("2026-11-01T06:30:00Z"), "America/New_York", "en")).toBe("Sun 1 Nov 01:30 (UTC−5)");
    expect(formatLocal(new Date("2026-11-01T08:30:00Z"), "America/New_York", "en")).toBe("Sun 1 Nov 03:30");
    expect(formatLocal(new Date("2026-11-27T09:30:00Z"), "Asia/Shanghai", "zh")).toBe("11月27日 周五 17:30");
  });
});

describe("the end of the holiday list", () => {
  it("is holidaysUntil, else the end of the latest year listed, and is warned about within 60 days", async () => {
    const { holidayDataEnd, holidayDataWarning } = await import("../../../src/core/calendar/holiday-data.js");
    const spec = { timeZone: "Asia/Shanghai", holidays: ["2026-10-01"], workdays: ["2026-10-10"] };
    expect(holidayDataEnd(spec)).toBe("2026-12-31");
    expect(holidayDataEnd({ ...spec, holidaysUntil: "2027-06-30" })).toBe("2027-06-30");
    expect(holidayDataEnd({ ...spec, holidays: [], workdays: [] })).toBeUndefined();
    expect(holidayDataWarning(spec, new Date("2026-10-31T15:00:00Z"))).toBeUndefined(); // 1 Nov local: 61 days left
    expect(holidayDataWarning(spec, new Date("2026-11-02T00:00:00Z"))).toEqual({ endsOn: "2026-12-31", ended: false });
    expect(holidayDataWarning(spec, new Date("2026-12-31T16:00:00Z"))).toEqual({ endsOn: "2026-12-31", ended: true }); // 1 Jan 00:00 local
  });
});
