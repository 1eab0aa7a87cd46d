import { describe, expect, it } from "vitest";
import { clockTarget, judgeMedian, judgeRate, timeTarget } from "../../src/core/figure-targets.js";
import { targetsSchema } from "../../src/core/policy/targets.js";
import { defaultPolicy } from "../helpers/default-policy.js";

describe("figures against the policy's targets", () => {
  it("meets a rate target when the rate reaches it, and a time target when the median stays at or under it", () => {
    expect(judgeRate({ met: 19, missed: 1, notMet: 0, waived: 0, rate: 0.95 }, 0.95)).toEqual({ value: 0.95, target: 0.95, met: true });
    expect(judgeRate({ met: 9, missed: 1, notMet: 0, waived: 0, rate: 0.9 }, 0.95).met).toBe(false);
    expect(judgeMedian({ n: 3, medianMinutes: 5 }, 5).met).toBe(true);
    expect(judgeMedian({ n: 3, medianMinutes: 6 }, 5).met).toBe(false);
  });

  it("gives no verdict without a target or without a value, never a pass by default", () => {
    expect(judgeRate({ met: 1, missed: 0, notMet: 0, waived: 0, rate: 1 }, undefined)).toEqual({ value: 1, target: undefined });
    expect(judgeRate({ met: 0, missed: 0, notMet: 0, waived: 2 }, 0.95)).toEqual({ value: undefined, target: 0.95 });
    expect(judgeMedian({ n: 0 }, 5).met).toBeUndefined();
  });

  it("reads targets per clock (else the overall one) and per severity (else the one for all) from the policy", () => {
    const t = targetsSchema.parse({
      compliance: 0.9,
      clocks: { first_reply: 0.95 },
      medianMinutes: { acknowledge: 5, resolve: { urgent: 240 } },
    });
    expect(clockTarget(t, "first_reply")).toBe(0.95);
    expect(clockTarget(t, "start_handling")).toBe(0.9);
    expect(timeTarget(t, "acknowledge", "general")).toBe(5);
    expect(timeTarget(t, "resolve", "urgent")).toBe(240);
    expect(timeTarget(t, "resolve", "general")).toBeUndefined();
    expect(clockTarget(undefined, "first_reply")).toBeUndefined();
  });

  it("loads the default policy, whose targets block is commented out, without targets", () => {
    expect(defaultPolicy().targets).toBeUndefined();
  });
});
