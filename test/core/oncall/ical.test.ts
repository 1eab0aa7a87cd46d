import { describe, expect, it } from "vitest";
import { icalFeed } from "../../../src/core/oncall/ical.js";

describe("the iCalendar feed", () => {
  it("writes UTC times, escapes text and folds long lines at 75 octets without splitting a character", () => {
    const summary = `值班：${"运维".repeat(20)}; a, b`;
    const ics = icalFeed(
      "Ops",
      [{ uid: "u1", start: new Date("2026-12-02T01:00:00Z"), end: new Date("2026-12-02T04:00:00Z"), summary }],
      new Date("2026-12-01T02:00:00Z"),
    );
    const lines = ics.split("\r\n");
    expect(lines).toContain("DTSTART:20261202T010000Z");
    expect(lines).toContain("DTSTAMP:20261201T020000Z");
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain(`SUMMARY:值班：${"运维".repeat(20)}\\; a\\, b\r\n`);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});
