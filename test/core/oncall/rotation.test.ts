import { describe, expect, it } from "vitest";
import { createCalendar } from "../../../src/core/calendar/business-calendar.js";
import { fromZoned } from "../../../src/core/calendar/zoned.js";
import { bindRotation, nowAndNext, onCallAt, onCallSpans } from "../../../src/core/oncall/rotation.js";
import { rotationSchema, type RotationOverride } from "../../../src/core/oncall/schema.js";
import { referenceProblems } from "../../../src/core/policy/schema.js";

const nineToSix = [{ from: "09:00", to: "18:00" }];
const shanghaiCal = createCalendar({
  timeZone: "Asia/Shanghai",
  week: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
  // National Day: Thu 1 Oct a holiday; Sat 10 Oct a make-up working day.
  holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
  workdays: ["2026-09-27", "2026-10-10"],
});
const nyCal = createCalendar({ timeZone: "America/New_York", week: { mon: nineToSix }, holidays: [], workdays: [] });

function local(s: string, tz: string): Date {
  const [d, t] = s.split(" ");
  const [year, month, day] = d!.split("-").map(Number) as [number, number, number];
  const [hour, minute] = (t ?? "00:00").split(":").map(Number) as [number, number];
  return fromZoned({ year, month, day, hour, minute }, tz);
}
const sh = (s: string) => local(s, "Asia/Shanghai");
const ny = (s: string) => local(s, "America/New_York");

const override = (o: Partial<RotationOverride> & Pick<RotationOverride, "personId" | "from" | "to">): RotationOverride => ({
  id: `o-${o.personId}-${o.from}`,
  rotation: "ops",
  createdBy: "ada",
  createdAt: "2026-01-01T00:00:00.000Z",
  ...o,
});

describe("who is on call for a rotation", () => {
  // Weekly, Monday 09:00 New York; 2 March 2026 is a Monday, clocks go forward on Sunday 8 March.
  const weekly = bindRotation(
    "ops",
    rotationSchema.parse({
      name: { en: "Ops", zh: "运维" },
      timeZone: "America/New_York",
      layers: [{ members: ["alice", "bob"], shift: "weekly", handoff: "09:00", start: "2026-03-02" }],
    }),
    nyCal,
  );

  it("hands a weekly shift over at 09:00 local time across the spring daylight-saving change (a 167-hour week)", () => {
    // Alice from Mon 2 Mar 09:00 EST (14:00 UTC) to Mon 9 Mar 09:00 EDT (13:00 UTC).
    expect(onCallAt(weekly, [], new Date("2026-03-02T14:00:00Z"))).toBe("alice");
    expect(onCallAt(weekly, [], new Date("2026-03-09T12:59:00Z"))).toBe("alice");
    expect(onCallAt(weekly, [], new Date("2026-03-09T13:00:00Z"))).toBe("bob");
    // Seven times 24 hours after the first handoff would still be Alice's: Bob has been on for an hour.
    expect(onCallAt(weekly, [], new Date("2026-03-09T13:30:00Z"))).toBe("bob");
    const [alice, bob] = onCallSpans(weekly, [], new Date("2026-03-02T14:00:00Z"), new Date("2026-03-16T13:00:00Z"));
    expect(alice).toEqual({ start: new Date("2026-03-02T14:00:00Z"), end: new Date("2026-03-09T13:00:00Z"), personId: "alice" });
    expect((alice!.end.getTime() - alice!.start.getTime()) / 3_600_000).toBe(167);
    expect(bob).toEqual({ start: new Date("2026-03-09T13:00:00Z"), end: new Date("2026-03-16T13:00:00Z"), personId: "bob" });
  });

  it("hands over at 09:00 local across the autumn change too (a 169-hour week), and covers nobody before its start", () => {
    // 26 Oct 2026 is shift 34 (Alice); clocks go back on Sunday 1 Nov; Bob takes over Mon 2 Nov 09:00 EST = 14:00 UTC.
    expect(onCallAt(weekly, [], ny("2026-11-02 08:59"))).toBe("alice");
    expect(onCallAt(weekly, [], new Date("2026-11-02T14:00:00Z"))).toBe("bob");
    expect(onCallAt(weekly, [], new Date("2026-11-02T13:30:00Z"))).toBe("alice");
    expect(onCallAt(weekly, [], ny("2026-03-02 08:59"))).toBeUndefined();
  });

  // Layer 1: Sam and Tom, a day each from Mon 28 Sep 09:00, around the clock.
  // Layer 2: Dana and Erin, a week each from the same Monday, working hours only.
  const layered = bindRotation(
    "ops",
    rotationSchema.parse({
      name: { en: "Support", zh: "支持" },
      layers: [
        { members: ["sam", "tom"], shift: "daily", handoff: "09:00", start: "2026-09-28" },
        { members: ["dana", "erin"], shift: "weekly", handoff: "09:00", start: "2026-09-28", hours: "working" },
      ],
    }),
    shanghaiCal,
  );

  it("lets a working-hours layer cover the 24/7 layer on a make-up Saturday, but not on a plain Saturday", () => {
    // Sat 10 Oct is worked (make-up day): the second week of layer 2 is Erin's.
    expect(onCallAt(layered, [], sh("2026-10-10 10:00"))).toBe("erin");
    // Day 12 of layer 1 (Sam, Tom, … Sam) outside working hours of that Saturday.
    expect(onCallAt(layered, [], sh("2026-10-10 19:00"))).toBe("sam");
    // Sat 17 Oct is a weekend day: layer 1, day 19 (Tom).
    expect(onCallAt(layered, [], sh("2026-10-17 10:00"))).toBe("tom");
  });

  it("leaves a holiday to the 24/7 layer, even during what would be working hours", () => {
    // Thu 1 Oct, a holiday: layer 1 day 3 (Tom); Fri 9 Oct, a working day: Erin.
    expect(onCallAt(layered, [], sh("2026-10-01 10:00"))).toBe("tom");
    expect(onCallAt(layered, [], sh("2026-10-09 10:00"))).toBe("erin");
    // Mon 28 Sep working hours: Dana; evening: Sam.
    expect(onCallAt(layered, [], sh("2026-09-28 09:00"))).toBe("dana");
    expect(onCallAt(layered, [], sh("2026-09-28 18:00"))).toBe("sam");
  });

  it("splits a day into the layers' spans at the calendar's opening and closing", () => {
    const spans = onCallSpans(layered, [], sh("2026-10-10 00:00"), sh("2026-10-11 00:00"));
    expect(spans.map((s) => [s.start, s.personId])).toEqual([
      [sh("2026-10-10 00:00"), "tom"],
      [sh("2026-10-10 09:00"), "erin"],
      [sh("2026-10-10 18:00"), "sam"],
    ]);
  });

  it("puts an override starting mid-shift in charge until it ends, then hands back", () => {
    // Alice's week 3–10 Aug (shift 22); Carol covers Wed 5 Aug 12:00 to Thu 6 Aug 12:00.
    const carol = override({ personId: "carol", from: ny("2026-08-05 12:00").toISOString(), to: ny("2026-08-06 12:00").toISOString() });
    expect(onCallAt(weekly, [carol], ny("2026-08-05 11:59"))).toBe("alice");
    expect(onCallAt(weekly, [carol], ny("2026-08-05 12:00"))).toBe("carol");
    expect(onCallAt(weekly, [carol], ny("2026-08-06 11:59"))).toBe("carol");
    expect(onCallAt(weekly, [carol], ny("2026-08-06 12:00"))).toBe("alice");
    expect(onCallSpans(weekly, [carol], ny("2026-08-03 09:00"), ny("2026-08-10 09:00")).map((s) => [s.start, s.personId])).toEqual([
      [ny("2026-08-03 09:00"), "alice"],
      [ny("2026-08-05 12:00"), "carol"],
      [ny("2026-08-06 12:00"), "alice"],
    ]);
    // An override for another rotation changes nothing here; the latest of two overlapping overrides wins.
    expect(onCallAt(weekly, [{ ...carol, rotation: "other" }], ny("2026-08-05 13:00"))).toBe("alice");
    const dave = override({ personId: "dave", from: carol.from, to: carol.to, createdAt: "2026-02-01T00:00:00.000Z" });
    expect(onCallAt(weekly, [dave, carol], ny("2026-08-05 13:00"))).toBe("dave");
  });

  it("names the new person one minute after a handoff, when an escalation step would fire", () => {
    expect(onCallAt(weekly, [], ny("2026-08-03 08:59"))).toBe("bob");
    expect(onCallAt(weekly, [], ny("2026-08-03 09:01"))).toBe("alice");
  });

  it("tells who is on now and who is next", () => {
    expect(nowAndNext(weekly, [], ny("2026-08-05 10:00"))).toMatchObject({
      now: { personId: "alice", end: ny("2026-08-10 09:00") },
      next: { personId: "bob", start: ny("2026-08-10 09:00"), end: ny("2026-08-17 09:00") },
    });
  });

  it("counts hour-based shifts in elapsed hours from the first handoff", () => {
    const twelve = bindRotation(
      "ops",
      rotationSchema.parse({
        name: { en: "Twelve", zh: "十二" },
        timeZone: "America/New_York",
        layers: [{ members: ["a", "b", "c"], shift: { hours: 12 }, handoff: "08:00", start: "2026-03-07" }],
      }),
      nyCal,
    );
    // 08:00 EST Sat = 13:00 UTC; shifts of 12 h: a 13:00Z, b 01:00Z, c 13:00Z Sun (09:00 EDT after the change).
    expect(onCallAt(twelve, [], new Date("2026-03-07T13:00:00Z"))).toBe("a");
    expect(onCallAt(twelve, [], new Date("2026-03-08T01:00:00Z"))).toBe("b");
    expect(onCallAt(twelve, [], new Date("2026-03-08T13:00:00Z"))).toBe("c");
    expect(onCallAt(twelve, [], new Date("2026-03-09T01:00:00Z"))).toBe("a");
  });
});

describe("rotations in the policy", () => {
  it("reports a rotation member who is not a person, and a rotation id taken by a person", () => {
    const problems = referenceProblems({
      people: { ada: { name: "Ada" } },
      groups: {},
      rotations: { ada: { layers: [{ members: ["ada", "ghost"] }] } },
    });
    expect(problems).toEqual([
      { path: ["rotations", "ada"], message: '"ada" is already a person or group id' },
      { path: ["rotations", "ada", "layers", 0, "members", 1], message: 'unknown person "ghost"' },
    ]);
  });
});
