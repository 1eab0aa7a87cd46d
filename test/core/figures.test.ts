import { describe, expect, it } from "vitest";
import { computeFigures, monthOf } from "../../src/core/figures.js";
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
    expect(o.notMet).toBeGreaterThanOrEqual(1); // #1 was closed with its answer and forwarding never done
    expect(o.rate).toBeCloseTo(o.met / (o.met + o.missed + o.notMet));
    expect(f.resolution).toEqual({ resolved: 1, total: 2, rate: 0.5 });
    expect(f.times.urgent!.acknowledge).toMatchObject({ n: 1, medianMinutes: 20, p90Minutes: 20 });
    expect(f.byKind).toEqual({ complaint: 1, system: 1 });
    expect(f.bySeverity).toEqual({ urgent: 2 });
    expect(f.satisfaction).toEqual({ n: 1, mean: 4, scores: { "4": 1 } });
    expect(Object.keys(f.months)).toEqual(["2026-12"]);
    expect(f.months["2026-12"]!.incidents).toBe(2);
    expect(f.months["2026-12"]!.byClock.start_handling).toEqual(f.compliance.byClock.start_handling);
    expect(f.months["2026-12"]!.acknowledge).toMatchObject({ n: 1, medianMinutes: 20 });
  });

  it("files an incident under the month of its time zone, not of UTC", () => {
    expect(monthOf("2026-11-30T17:00:00Z", "Asia/Shanghai")).toBe("2026-12");
    expect(monthOf("2026-11-30T17:00:00Z", "UTC")).toBe("2026-11");
  });
});
