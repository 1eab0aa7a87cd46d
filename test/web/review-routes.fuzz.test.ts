import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MemoryAccessStore } from "../fakes/memory-access-store.js";
import { reviewHarness } from "./review-harness.js";

// The reviewer pages under generated requests: any path, query, cookie and
// bearer a browser or a script could send gets an answer (a page, a denial,
// a 400, a 404), never a 500, and no refused request opens a session. Fixed seed.

const segment = fc.oneof(
  fc.constantFrom("incidents", "api", "figures", "r", "1", "2", "0", "2147483648", "99999999999999999999", "summary.md", "summary.json"),
  fc.constantFrom("timeline", "summary", "clocks.csv", "nope.csv", "incidents.csv", "..", "%2F", "%00", "%E0%A4%A", "%", "-1", "1e3"),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.string({ unit: "grapheme", maxLength: 6 }).map(encodeURIComponent),
);
const query = fc.array(
  fc.tuple(
    fc.constantFrom(
      "to",
      "from",
      "until",
      "severity",
      "kind",
      "status",
      "clock",
      "outcome",
      "drill",
      "page",
      fc.string({ maxLength: 6 }) as never,
    ),
    fc.oneof(
      fc.constantFrom("2026-02-30", "2026-13-01", "urgent", "missed", "/incidents/1", "//evil", "\u00e9", "\u2603"),
      fc.string({ maxLength: 12 }),
    ),
  ),
  { maxLength: 4 },
);
const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });

describe("the reviewer pages under generated requests", () => {
  it("answer every request without an internal error, and open no session for a refused one", async () => {
    const h = await reviewHarness();
    const grants = h.deps.grants as MemoryAccessStore;
    const ada = await h.session("ada");
    const liu = await h.session("liu");
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(
            ["incidents"],
            ["incidents", "1"],
            ["incidents", "2"],
            ["figures"],
            ["api", "incidents"],
            ["api", "figures"],
            ["incidents.csv"],
          ),
          fc.array(segment, { minLength: 1, maxLength: 4 }),
        ),
        query,
        fc.oneof(
          fc.constant(""),
          fc.constant(ada),
          fc.constant(liu),
          printable.map((v) => `beacon_session=${v}`),
          printable,
        ),
        fc.oneof(
          fc.constant(undefined),
          printable.map((v) => `Bearer ${v}`),
          printable,
        ),
        async (segments, q, cookie, authorization) => {
          const path = `/${segments.join("/")}?${new URLSearchParams(q as Array<[string, string]>).toString()}`;
          const before = grants.grants.size;
          const res = await h.get(path, { ...(cookie ? { cookie } : {}), ...(authorization ? { authorization } : {}) });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, path).toBeLessThan(500);
          if (res.status !== 302) expect(grants.grants.size, path).toBe(before);
        },
      ),
      { seed: 16, numRuns: 800 },
    );
    // The generated requests reach pages, denials and malformed answers alike.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 403, 404]));
    await h.close();
  });
});
