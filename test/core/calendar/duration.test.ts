import { describe, expect, it } from "vitest";
import { DurationError, formatDuration, parseDuration } from "../../../src/core/calendar/duration.js";

describe("durations", () => {
  it("reads the forms people write", () => {
    expect(parseDuration("90m")).toBe(90);
    expect(parseDuration("2h")).toBe(120);
    expect(parseDuration("1h30m")).toBe(90);
    expect(parseDuration("1.5h")).toBe(90);
    expect(parseDuration("3d")).toBe(4320);
    expect(parseDuration("30s")).toBe(0.5);
  });

  it("refuses anything else, naming the text", () => {
    for (const bad of ["", "soon", "2 hours", "-5m", "h"]) expect(() => parseDuration(bad)).toThrow(DurationError);
    expect(() => parseDuration("soon")).toThrow(/"soon"/);
  });

  it("writes durations in English and Chinese", () => {
    expect(formatDuration(90, "en")).toBe("1 h 30 min");
    expect(formatDuration(-61, "en")).toBe("1 h 1 min");
    expect(formatDuration(3 * 1440 + 60, "en")).toBe("3 d 1 h");
    expect(formatDuration(0, "en")).toBe("0 min");
    expect(formatDuration(90, "zh")).toBe("1小时30分钟");
  });
});
