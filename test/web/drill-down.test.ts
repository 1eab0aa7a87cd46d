import { afterEach, describe, expect, it } from "vitest";
import { defaultPolicy } from "../helpers/default-policy.js";
import { policyWithTargets } from "./browser-kit.js";
import { reviewHarness, type ReviewHarness } from "./review-harness.js";

let h: ReviewHarness;
afterEach(async () => h?.close());

const links = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!.replace(/&amp;/g, "&"));

describe("from a figure to the incidents behind it", () => {
  it("links every missed count of a deadline to exactly the deadlines it counted", async () => {
    h = await reviewHarness();
    const cookie = await h.session();
    const page = await (await h.get("/figures?from=2026-12-01&to=2026-12-31", { cookie })).text();
    const perClock = page.slice(page.indexOf('<table class="rates-table">'));
    const row = /<tr><th scope="row">First written reply<\/th>(.*?)<\/tr>/.exec(perClock)![1]!;
    const [, missed] = [...row.matchAll(/<td class="num">(?:<a href="([^"]+)">)?(\d+)/g)].map((m) => ({
      href: m[1]?.replace(/&amp;/g, "&"),
      n: Number(m[2]),
    }));
    expect(missed!.n).toBeGreaterThan(0);
    expect(missed!.href).toBe("/incidents?from=2026-12-01&to=2026-12-31&clock=first_reply&outcome=missed");
    const list = await (await h.get(missed!.href!, { cookie })).text();
    const rows = list.match(/<tr><td><a href="\/incidents\/\d+">/g) ?? [];
    const counted = (list.match(/<span class="outcome-text missed">/g) ?? []).length;
    expect(counted).toBe(missed!.n);
    expect(list).toContain(`${missed!.n} deadline${missed!.n === 1 ? "" : "s"} in ${rows.length} incident`);
    expect(list).not.toContain("Practice run"); // drills count in no figure, so in no drill-down
  });

  it("links each month of the trend to that month's misses, and states each figure against its target", async () => {
    h = await reviewHarness({ policy: policyWithTargets("en"), story: "weekend" });
    const cookie = await h.session();
    const page = await (await h.get("/figures", { cookie })).text();
    expect(page).toMatch(
      /Response-time compliance<\/b><span class="value">[\d.]+ %<\/span> <span class="target">target 95\.0 %<\/span> · <span class="verdict missed">/,
    );
    expect(page).toMatch(/<line class="target-line"/); // the target drawn on the trend
    const monthLinks = links(page, /<a class="point" href="([^"]+)">/g);
    expect(monthLinks).toContain("/incidents?from=2026-09-01&to=2026-09-30&outcome=missed");
    const trendCell = links(page, /<a href="([^"]*clock=start_handling&amp;outcome=missed[^"]*)">/g);
    expect(trendCell).toContain("/incidents?from=2026-12-01&to=2026-12-31&clock=start_handling&outcome=missed");
    const december = await (await h.get("/incidents?from=2026-12-01&to=2026-12-31&clock=start_handling&outcome=missed", { cookie })).text();
    expect(december).toContain(`INC-${h.weekend}`);
    expect(december).toContain("1 deadline in 1 incident");
  });

  it("compares a period with the one of the same length before it", async () => {
    h = await reviewHarness({ policy: policyWithTargets("en"), story: "weekend" });
    const cookie = await h.session();
    const page = await (await h.get("/figures?from=2026-11-01&to=2026-11-30", { cookie })).text();
    expect(page).toMatch(/Previous period: [\d.]+ % \([+−]\d+\.\d pp [▲▼]\)/); // October against November
    expect(page).toContain('<th scope="col" class="num">Previous period</th>');
  });
});

describe("CSV exports", () => {
  it("exports the incident list with the list's filters, UTF-8 with a byte order mark", async () => {
    h = await reviewHarness();
    const cookie = await h.session();
    const res = await h.get("/incidents.csv?kind=system", { cookie });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="incidents.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^INC-2,Portal slow,Urgent,System failure,Declared,no,,2026-12-01 10:20,/);
  });

  it("exports every figures table, and in Chinese with Chinese headers", async () => {
    h = await reviewHarness({ policy: defaultPolicy("zh") });
    const cookie = await h.session();
    for (const table of ["clocks", "severities", "kinds", "months", "times", "trend"]) {
      const res = await h.get(`/figures/${table}.csv`, { cookie });
      expect(res.status, table).toBe(200);
      expect((await res.text()).split("\r\n").length, table).toBeGreaterThan(2);
    }
    const clocks = Buffer.from(await (await h.get("/figures/clocks.csv", { cookie })).arrayBuffer()).toString("utf8");
    expect(clocks.slice(1).split("\r\n")[0]).toBe("键,名称,达标,超时,豁免,达标率,目标,是否达到目标");
    expect(clocks).toContain("first_reply,首次书面答复,");
    expect((await h.get("/figures/nothing.csv", { cookie })).status).toBe(404);
  });
});
