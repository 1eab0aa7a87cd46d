import { describe, expect, it } from "vitest";
import { clockOutcome, clockVerdict } from "../../src/core/clock-outcome.js";
import type { ClockState } from "../../src/core/model.js";

const clock: ClockState = {
  key: "x",
  run: 1,
  basis: "wall",
  startedAt: "2026-01-01T00:00:00Z",
  dueAt: "2026-01-01T01:00:00Z",
  stopOn: "done",
  remindAt: [],
  maxOverdueReminders: 0,
  escalateOnMiss: false,
};
const at = (hhmm: string) => new Date(`2026-01-01T${hhmm}:00Z`);

describe("what became of a deadline", () => {
  it("calls a clock running while it is in time, and missed and overdue once its due time has passed", () => {
    expect(clockOutcome(clock, at("00:30"))).toBe("running");
    expect(clockVerdict(clock, at("01:30"))).toEqual({ outcome: "missed", overdue: true, lateMinutes: 30 });
    expect(clockVerdict({ ...clock, missedAt: "2026-01-01T01:00:00Z" }, at("01:00")).outcome).toBe("missed");
  });

  it("calls a clock met when it stopped by its due time, and missed by how late when it stopped after", () => {
    expect(clockVerdict({ ...clock, stoppedAt: "2026-01-01T00:50:00Z" }, at("05:00"))).toEqual({
      outcome: "met",
      overdue: false,
      endedAt: "2026-01-01T00:50:00Z",
      marginMinutes: 10,
    });
    expect(clockVerdict({ ...clock, stoppedAt: "2026-01-01T01:01:00Z", missedAt: "2026-01-01T01:00:00Z" }, at("05:00"))).toMatchObject({
      outcome: "missed",
      overdue: false,
      lateMinutes: 1,
    });
  });

  it("takes a waiver (once clocks carry waivedAt) and a cancellation over any verdict, so neither counts against the team", () => {
    const missed = { ...clock, missedAt: "2026-01-01T01:00:00Z" };
    expect(clockVerdict({ ...missed, waivedAt: "2026-01-01T02:00:00Z" }, at("03:00"))).toEqual({
      outcome: "waived",
      overdue: false,
      endedAt: "2026-01-01T02:00:00Z",
    });
    expect(clockOutcome({ ...missed, cancelledAt: "2026-01-01T00:10:00Z" }, at("03:00"))).toBe("cancelled");
  });
});
