import { describe, expect, it } from "vitest";
import { cancellation, overrideRef } from "../../../src/core/oncall/overrides.js";
import type { RotationOverride } from "../../../src/core/oncall/schema.js";
import { UserError } from "../../../src/core/errors.js";

const NOW = new Date("2026-11-27T09:30:00.000Z");

const o = (id: string, from: string, to: string, extra: Partial<RotationOverride> = {}): RotationOverride => ({
  id,
  rotation: "ops",
  personId: "max",
  from,
  to,
  createdBy: "ada",
  createdAt: "2026-11-26T00:00:00.000Z",
  ...extra,
});

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof UserError ? { code: e.code, params: e.params } : e;
  }
  return undefined;
};

describe("taking back an override", () => {
  const single = o("3f2c9a1e-0000-4000-8000-00000000ab12", "2026-11-28T01:00:00.000Z", "2026-11-29T01:00:00.000Z");
  // Two halves of one swap: added together by Lee, each covering the other.
  const swapA = o("aaaaaaaa-0000-4000-8000-000000000c01", "2026-11-27T09:45:00.000Z", "2026-11-28T09:45:00.000Z", {
    personId: "lee",
    replaces: "eva",
    createdBy: "lee",
    createdAt: "2026-11-27T09:00:00.000Z",
  });
  const swapB = o("aaaaaaaa-0000-4000-8000-000000000c02", "2026-11-28T09:45:00.000Z", "2026-11-29T09:45:00.000Z", {
    personId: "eva",
    replaces: "lee",
    createdBy: "lee",
    createdAt: "2026-11-27T09:00:00.000Z",
  });
  const all = [single, swapA, swapB];

  it("shows an override by the last six characters of its id, lower case", () => {
    expect(overrideRef(single.id)).toBe("00ab12");
    expect(overrideRef("ABCDEF12-3456")).toBe("123456");
  });

  it("finds an override by its reference, by any end of its id of four characters or more, or by its whole id", () => {
    for (const typed of ["00ab12", "AB12", single.id, ` ${single.id.toUpperCase()} `])
      expect(cancellation(all, typed, NOW)).toEqual({ ids: [single.id], rotation: "ops", first: single, running: false });
  });

  it("takes back both halves of a swap when either is named, and says who swapped", () => {
    const c = cancellation(all, "000c02", NOW);
    expect(c.ids).toEqual([swapA.id, swapB.id]);
    expect(c.swap).toEqual({ a: "lee", b: "eva", shifts: 2 });
    expect(c.first).toBe(swapA);
  });

  it("leaves out a half already over, and says the swap runs when its other half does", () => {
    const at = new Date("2026-11-28T12:00:00.000Z");
    const c = cancellation(all, "000c01", at);
    expect(c.ids).toEqual([swapB.id]);
    expect(c.running).toBe(true);
    expect(c.swap?.shifts).toBe(2);
  });

  it("refuses an unknown reference, one too short to be sure, one naming two overrides, and one already over", () => {
    expect(codeOf(() => cancellation(all, "beef42", NOW))).toEqual({ code: "ONCALL.UNKNOWN_OVERRIDE", params: { value: "beef42" } });
    expect(codeOf(() => cancellation(all, "12", NOW))).toMatchObject({ code: "ONCALL.UNKNOWN_OVERRIDE" });
    expect(codeOf(() => cancellation(all, "000c0", NOW))).toMatchObject({ code: "ONCALL.UNKNOWN_OVERRIDE" });
    const twins = [
      o("11111111-0000-4000-8000-0000001234ab", single.from, single.to),
      o("22222222-0000-4000-8000-0000001234ab", single.from, single.to),
    ];
    expect(codeOf(() => cancellation(twins, "1234ab", NOW))).toMatchObject({ code: "ONCALL.AMBIGUOUS_OVERRIDE" });
    expect(cancellation(twins, "11111111-0000-4000-8000-0000001234ab", NOW).ids).toEqual([twins[0]!.id]);
    const oldTwin = { ...twins[1]!, from: "2026-11-01T00:00:00.000Z", to: "2026-11-02T00:00:00.000Z" };
    expect(cancellation([twins[0]!, oldTwin], "1234ab", NOW).ids).toEqual([twins[0]!.id]); // the one over is not meant
    const later = new Date("2026-12-01T00:00:00.000Z");
    expect(codeOf(() => cancellation(all, "00ab12", later))).toEqual({
      code: "ONCALL.OVERRIDE_OVER",
      params: { value: "00ab12", rotation: "ops" },
    });
  });
});
