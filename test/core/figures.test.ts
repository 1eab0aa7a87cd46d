import { describe, expect, it } from "vitest";
import { clockOutcome, computeFigures, monthOf } from "../../src/core/figures.js";
import { harness } from "../helpers/app-harness.js";
import { seedReviewIncidents, TUESDAY_10 } from "../helpers/review-seed.js";

describe("the figures reviewers read", () => {
  it("counts met and missed deadlines per clock, severity, kind and month, and leaves drills out of every figure", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await seedReviewIncidents(h);

    const incidents = await h.store.list({ limit: 100 });
    const f = computeFigures(incidents, h.clock.now(), "Asia/Shanghai");
    expect(f.incidents).toBe(2);
    expect(f.drills).toEqual({ count: 1, numbers: [3] });
    expect(f.compliance.byClock.start_handling).toMatchObject({ met: 1, missed: 0, rate: 1 });
    expect(f.compliance.byClock.first_reply!.missed).toBeGreaterThanOrEqual(1);
    expect(f.compliance.bySeverity.urgent!.met).toBeGreaterThanOrEqual(1);
    expect(Object.keys(f.compliance.byMonth)).toEqual(["2026-12"]);
    const o = f.compliance.overall;
    expect(o.rate).toBeCloseTo(o.met / (o.met + o.missed));
    expect(f.resolution).toEqual({ resolved: 1, total: 2, rate: 0.5 });
    expect(f.times.urgent!.acknowledge).toMatchObject({ n: 1, medianMinutes: 20, p90Minutes: 20 });
    expect(f.byKind).toEqual({ complaint: 1, system: 1 });
    expect(f.bySeverity).toEqual({ urgent: 2 });
    expect(f.satisfaction).toEqual({ n: 1, mean: 4, scores: { "4": 1 } });
  });

  it("treats a running clock past its due time as missed and one still in time as not yet decided", () => {
    const c = {
      key: "x",
      run: 1,
      basis: "wall" as const,
      startedAt: "2026-01-01T00:00:00Z",
      dueAt: "2026-01-01T01:00:00Z",
      stopOn: "done" as const,
      remindAt: [],
      maxOverdueReminders: 0,
      escalateOnMiss: false,
    };
    expect(clockOutcome(c, new Date("2026-01-01T00:30:00Z"))).toBe("pending");
    expect(clockOutcome(c, new Date("2026-01-01T01:30:00Z"))).toBe("missed");
    expect(clockOutcome({ ...c, stoppedAt: "2026-01-01T00:59:00Z" }, new Date("2026-01-02T00:00:00Z"))).toBe("met");
    expect(clockOutcome({ ...c, stoppedAt: "2026-01-01T01:01:00Z" }, new Date("2026-01-02T00:00:00Z"))).toBe("missed");
  });

  it("files an incident under the month of its time zone, not of UTC", () => {
    expect(monthOf("2026-11-30T17:00:00Z", "Asia/Shanghai")).toBe("2026-12");
    expect(monthOf("2026-11-30T17:00:00Z", "UTC")).toBe("2026-11");
  });
});
