import { afterEach, describe, expect, it } from "vitest";
import { rotationPolicy } from "../helpers/rotation-policy.js";
import { reviewHarness, type ReviewHarness } from "./review-harness.js";

let h: ReviewHarness;
afterEach(async () => h?.close());

// Tuesday 1 December 2026, 10:00 Shanghai: Lee holds `ops` until 17:45, then Eva.
describe("the on-call page", () => {
  it("shows who is on call now, the next two weeks per rotation, and the overrides, behind a signed link", async () => {
    h = await reviewHarness({ policy: rotationPolicy(), seed: false });
    expect((await h.get("/oncall")).status).toBe(403);
    await h.as("ada", 'oncall override ops max --from "wed 09:00" --to "wed 12:00"');
    const cookie = await h.session();
    const html = await (await h.get("/oncall", { cookie })).text();
    expect(html).toContain("<li>Ops: Lee Zhang until Tue 1 Dec 17:45, then Eva Sun until Wed 2 Dec 09:00</li>");
    expect(html).toContain(
      "<tr><td>Ops</td><td>Max Zhou</td><td>Wed 2 Dec 09:00</td><td>Wed 2 Dec 12:00</td><td></td><td>Ada Qian</td><td><code>000001</code></td></tr>",
    );
    expect(html).toContain("<tr><td>Wed 2 Dec 09:00</td><td>Wed 2 Dec 12:00</td><td>Max Zhou</td></tr>");
    expect(html).toContain("<tr><td>Wed 2 Dec 12:00</td><td>Wed 2 Dec 17:45</td><td>Eva Sun</td></tr>");
    const api = await (await h.get("/api/oncall", { authorization: "Bearer dashboard-token" })).json();
    expect(api).toMatchObject([{ rotation: "ops", personId: "max", createdBy: "ada" }]);
  });

  it("serves an iCalendar feed per rotation and per person behind a link signed for that feed alone", async () => {
    h = await reviewHarness({ policy: rotationPolicy(), seed: false });
    await h.as("ada", 'oncall override ops max --from "wed 09:00" --to "wed 12:00"');
    const cookie = await h.session("eva");
    const html = await (await h.get("/oncall", { cookie })).text();
    const links = [...html.matchAll(/href="(\/oncall\/[^"]+\.ics\?sig=[^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
    expect(links.map((l) => l.split("?")[0])).toEqual(["/oncall/rotation/ops.ics", "/oncall/rotation/duty.ics", "/oncall/person/eva.ics"]);
    const ops = await h.get(links[0]!); // no cookie: a calendar program
    expect(ops.status).toBe(200);
    expect(ops.headers.get("content-type")).toMatch(/^text\/calendar/);
    const ics = await ops.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics).toContain("DTSTART:20261202T010000Z\r\nDTEND:20261202T040000Z\r\nSUMMARY:Ops: Max Zhou\r\n");
    const eva = await (await h.get(links[2]!)).text();
    expect(eva).toContain("SUMMARY:On call: Ops");
    expect(eva).not.toContain("Max Zhou");
    expect((await h.get(links[0]!.replace("rotation/ops", "rotation/duty"))).status).toBe(403); // the signature names its feed
    expect((await h.get("/oncall/rotation/ops.ics")).status).toBe(403);
    const sig = new URL(links[0]!, h.base).searchParams.get("sig")!;
    expect((await h.get(`/r/${sig}`)).status).toBe(403); // a feed's signature opens no reviewer session
  });
});
