import { afterAll, describe, expect, it } from "vitest";
import { incidentPage } from "../../src/web/pages/incident-page.js";
import { bigIncident } from "../helpers/big-incident.js";

// The incident page of a 10,000-entry incident weighed 2,884,640 bytes
// before the two-band timeline (one SVG tick per entry); the new picture
// merges marks closer than a mark's width, so it must stay under that.
const BUDGET = 2_800_000;

let stop: (() => Promise<void>) | undefined;
afterAll(async () => stop?.());

describe("the weight of the incident page", () => {
  it("stays under 2.8 MB of HTML for an incident with 10,000 timeline entries, every one still in the events table", async () => {
    const { h, incident, entries } = await bigIncident(10_000);
    stop = () => h.scheduler.stop();
    const html = incidentPage(h.deps.policy, incident, entries, h.clock.now());
    const bytes = Buffer.byteLength(html);
    console.log(`incident page, 10,000 entries: ${bytes} bytes`);
    expect(bytes).toBeLessThan(BUDGET);
    expect((html.match(/<tr id="e\d+"/g) ?? []).length).toBe(10_000);
    expect((html.match(/<a class="mark /g) ?? []).length).toBeLessThan(600); // merged, not one per entry
  });
});
