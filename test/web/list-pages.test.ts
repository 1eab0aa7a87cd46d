import { afterEach, describe, expect, it } from "vitest";
import { created, sampleIncident } from "../infra/db/sample-incident.js";
import { reviewHarness, type ReviewHarness } from "./review-harness.js";

let h: ReviewHarness;
afterEach(async () => h?.close());

const numbers = (html: string) => [...html.matchAll(/<tr><td><a href="\/incidents\/(\d+)">/g)].map((m) => Number(m[1]));
const link = (html: string, rel: "next" | "prev") => new RegExp(`<a rel="${rel}" href="([^"]+)">`).exec(html)?.[1]?.replace(/&amp;/g, "&");

/** `count` incidents a minute apart, numbered 1.., kinds alternating system / complaint, every tenth a drill. */
async function seed(count: number): Promise<void> {
  for (let n = 1; n <= count; n++)
    await h.store.commit(
      created(
        sampleIncident({
          number: n,
          kind: n % 2 ? "system" : "complaint",
          drill: n % 10 === 0,
          declaredAt: new Date(Date.parse("2026-11-01T00:00:00.000Z") + n * 60_000).toISOString(),
        }),
        [],
      ),
    );
}

describe("the incident list, a page at a time", () => {
  it("shows fifty incidents a page, newest first, and older and newer links that keep the filter", async () => {
    h = await reviewHarness({ seed: false });
    await seed(260);
    const cookie = await h.session();
    const system = Array.from({ length: 260 }, (_, i) => 260 - i).filter((n) => n % 2 && n % 10 !== 0);
    const seen: number[] = [];
    let path: string | undefined = "/incidents?kind=system";
    const pages: string[] = [];
    while (path) {
      const html = await (await h.get(path, { cookie })).text();
      pages.push(path);
      seen.push(...numbers(html.split("Drills (kept out of the figures)")[0]!));
      path = link(html, "next");
      if (path) expect(path).toMatch(/^\/incidents\?kind=system&before=\d+\.\d+$/);
    }
    expect(seen).toEqual(system);
    expect(pages).toHaveLength(Math.ceil(system.length / 50));
    // Back from the second page: the first page again, with no newer page above it.
    const second = await (await h.get(pages[1]!, { cookie })).text();
    const newer = await (await h.get(link(second, "prev")!, { cookie })).text();
    expect(numbers(newer)).toEqual(system.slice(0, 50));
    expect(link(newer, "prev")).toBeUndefined();
    expect(link(newer, "next")).toBeDefined();
  });

  it("keeps drills apart, their newest page on the first page and a link to the rest", async () => {
    h = await reviewHarness({ seed: false });
    await seed(600);
    const cookie = await h.session();
    const html = await (await h.get("/incidents", { cookie })).text();
    const drills = html.split("Drills (kept out of the figures)")[1]!;
    expect(numbers(drills)).toEqual(Array.from({ length: 50 }, (_, i) => 600 - i * 10));
    const more = link(drills, "next")!;
    expect(more).toMatch(/^\/incidents\?drill=yes&before=/);
    const rest = await (await h.get(more, { cookie })).text();
    expect(numbers(rest)).toEqual(Array.from({ length: 10 }, (_, i) => 100 - i * 10));
    expect(rest).not.toContain("<h2>Drills"); // the drills' own list has no second table
  });

  it("pages the JSON API with a Link header and streams the CSV of every incident", async () => {
    h = await reviewHarness({ seed: false });
    await seed(1_234);
    const auth = { authorization: "Bearer dashboard-token" };
    const first = await h.get("/api/incidents", auth);
    const body = (await first.json()) as Array<{ number: number }>;
    expect(body.map((i) => i.number)).toEqual(Array.from({ length: 100 }, (_, i) => 1_234 - i));
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.get("link")!)![1]!;
    const second = (await (await h.get(next, auth)).json()) as Array<{ number: number }>;
    expect(second[0]!.number).toBe(1_134);
    const csv = (await (await h.get("/incidents.csv", auth)).text()).trimEnd().split("\r\n");
    expect(csv).toHaveLength(1 + 1_234);
    expect(csv[1]).toMatch(/^INC-1234,/);
    expect(csv.at(-1)).toMatch(/^INC-1,/);
  });
});
