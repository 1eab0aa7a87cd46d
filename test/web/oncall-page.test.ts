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
      "<tr><td>Ops</td><td>Max Zhou</td><td>Wed 2 Dec 09:00</td><td>Wed 2 Dec 12:00</td><td></td><td>Ada Qian</td></tr>",
    );
    expect(html).toContain("<tr><td>Wed 2 Dec 09:00</td><td>Wed 2 Dec 12:00</td><td>Max Zhou</td></tr>");
    expect(html).toContain("<tr><td>Wed 2 Dec 12:00</td><td>Wed 2 Dec 17:45</td><td>Eva Sun</td></tr>");
    const api = await (await h.get("/api/oncall", { authorization: "Bearer dashboard-token" })).json();
    expect(api).toMatchObject([{ rotation: "ops", personId: "max", createdBy: "ada" }]);
  });
});
