import { afterEach, describe, expect, it } from "vitest";
import type { Figures } from "../../src/core/figures.js";
import type { SummaryJson } from "../../src/core/summary-json.js";
import { defaultPolicy } from "../helpers/default-policy.js";
import { reviewHarness, type ReviewHarness } from "./review-harness.js";

let h: ReviewHarness;
afterEach(async () => h?.close());

describe("the reviewer pages", () => {
  it("draws each deadline in a lane of the timeline, met and missed by shape, colour and words, with the overdue stretch, and tables them", async () => {
    h = await reviewHarness();
    const cookie = await h.session();
    const html = await (await h.get("/incidents/1", { cookie })).text();
    expect(html).toContain("INC-1 Checkout down");
    expect(html).toMatch(/<g class="deadline met" data-key="start_handling" data-outcome="met">/);
    expect(html).toMatch(
      /<g class="deadline missed" data-key="first_reply" data-outcome="missed">.*?First written reply — missed, done 50 min late/,
    );
    expect(html).toMatch(/<rect class="overdue"/);
    expect(html).toMatch(/<tr data-key="start_handling" data-outcome="met">/);
    expect(html).toMatch(/<tr data-key="first_reply" data-outcome="missed">/);
    expect(html).toContain("Renew certificates automatically"); // follow-up
    expect(html).toContain("Lee Zhang");
    const entries = await h.store.timeline((await h.store.getByNumber(1))!.id);
    expect((html.match(/<tr id="e\d+"/g) ?? []).length).toBe(entries.length); // every event in the table
    const rows = new Set([...html.matchAll(/<tr id="(e\d+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/<a class="mark [^"]*" href="#(e\d+)"><title>([^<]+)<\/title>/g)];
    expect(links.length).toBeGreaterThan(5);
    for (const [, row, title] of links) {
      expect(rows.has(row), row).toBe(true); // every mark leads to its row
      expect(title).toMatch(/^\w{3} \d+ \w{3} \d\d:\d\d · /); // and says when, who and what
    }
  });

  it("lists incidents with filters and shows drills apart", async () => {
    h = await reviewHarness();
    const cookie = await h.session();
    const all = await (await h.get("/incidents", { cookie })).text();
    const [main, drills] = all.split("Drills (kept out of the figures)");
    expect(main).toContain("Checkout down");
    expect(main).toContain("Portal slow");
    expect(main).not.toContain("Practice run");
    expect(drills).toContain("Practice run");
    const urgentSystem = await (await h.get("/incidents?kind=system", { cookie })).text();
    expect(urgentSystem).toContain("Portal slow");
    expect(urgentSystem).not.toContain("Checkout down");
    const closed = await (await h.get("/incidents?status=closed", { cookie })).text();
    expect(closed).toContain("Checkout down");
    expect(closed).not.toContain("Portal slow");
    const nextMonth = await (await h.get("/incidents?from=2027-01-01", { cookie })).text();
    expect(nextMonth).toContain("No incidents match.");
  });

  it("computes the figures without the drill and serves them as a page and as JSON", async () => {
    h = await reviewHarness();
    const cookie = await h.session();
    const figures = (await (await h.get("/api/figures", { cookie })).json()) as Figures;
    expect(figures.incidents).toBe(2);
    expect(figures.drills).toEqual({ count: 1, numbers: [3] });
    expect(figures.resolution).toEqual({ resolved: 1, total: 2, rate: 0.5 });
    expect(figures.satisfaction.mean).toBe(4);
    const page = await (await h.get("/figures", { cookie })).text();
    expect(page).toContain("Response-time compliance");
    expect(page).toMatch(/<span class="fill[^"]*" style="width:\d+(\.\d)?%">/);
    expect(page).toContain('href="/incidents/3"'); // the drill is listed apart
    const later = (await (await h.get("/api/figures?from=2027-01-01", { cookie })).json()) as Figures;
    expect(later.incidents).toBe(0);
    expect(await (await h.get("/figures?from=2026-12-01&to=2026-12-31", { cookie })).text()).toContain("2026-12-01 – 2026-12-31");
  });

  it("exports the after-action summary as Markdown and as versioned JSON matching the documented schema", async () => {
    h = await reviewHarness();
    const cookie = await h.session();
    const md = await (await h.get("/incidents/1/summary.md", { cookie })).text();
    expect(md).toMatch(/^# INC-1 Checkout down — After-action summary/m);
    const json = (await (await h.get("/incidents/1/summary.json", { cookie })).json()) as SummaryJson;
    expect(json.schemaVersion).toBe(1);
    expect(json.incident).toMatchObject({ number: 1, title: "Checkout down", status: "closed", drill: false, customer: "ACME" });
    expect(json.deadlines.find((d) => d.key === "first_reply")?.outcome).toBe("missed");
    expect(json.followUps[0]).toMatchObject({ id: "F1", ownerId: "lee", due: "2026-12-15", status: "open" });
    const { readFileSync } = await import("node:fs");
    const schema = JSON.parse(readFileSync("docs/summary.schema.json", "utf8")) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(Object.keys(json).sort()).toEqual(Object.keys(schema.properties).sort());
    for (const key of schema.required) expect(json, key).toHaveProperty(key);
  });

  it("posts a login link to the incident page with /incident summary, opening a session for the person asking", async () => {
    h = await reviewHarness();
    const reply = await h.as("ada", "summary #1");
    expect(reply.ephemeral).toBe(true); // the link is ada's, not the room's
    const link = /http:\/\/beacon\.test(\/r\/\S+)/.exec(reply.text)![1]!;
    const res = await h.get(link);
    expect(res.status).toBe(302);
    expect((await h.as("ada", "access list")).text).toMatch(/session · Ada Qian \(ada\)/);
  });

  it("speaks Chinese when the policy's locale is zh", async () => {
    h = await reviewHarness({ policy: defaultPolicy("zh") });
    const cookie = await h.session();
    const page = await (await h.get("/incidents/1", { cookie })).text();
    expect(page).toContain('lang="zh-CN"');
    expect(page).toContain("响应时限");
    expect(page).toContain("时间线总览");
    expect(await (await h.get("/figures", { cookie })).text()).toContain("响应时间达标率");
  });
});
