import { afterEach, describe, expect, it } from "vitest";
import { computeFigures } from "../../src/core/figures.js";
import { textWidth } from "../../src/core/label-layout.js";
import type { ClockState } from "../../src/core/model.js";
import { incidentPage } from "../../src/web/pages/incident-page.js";
import { bigIncident } from "../helpers/big-incident.js";
import { reviewHarness, type ReviewHarness } from "./review-harness.js";

let h: ReviewHarness | undefined;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await h?.close();
  await stop?.();
  h = undefined;
  stop = undefined;
});

describe("the timeline picture", () => {
  it("shows a waived deadline (once clocks carry waivedAt) as waived by shape and word, and keeps it out of the compliance rate", async () => {
    h = await reviewHarness();
    const incident = (await h.store.getByNumber(1))!;
    const waived = {
      ...incident,
      clocks: incident.clocks.map((c): ClockState => (c.key === "first_reply" ? ({ ...c, waivedAt: c.stoppedAt } as ClockState) : c)),
    };
    const html = incidentPage(h.deps.policy, waived, await h.store.timeline(incident.id), h.clock.now());
    expect(html).toMatch(/<g class="deadline waived" data-key="first_reply" data-outcome="waived">/);
    expect(html).toMatch(/<tr data-key="first_reply" data-outcome="waived">.*?<span class="sym" aria-hidden="true">W<\/span> waived/);
    const f = computeFigures([waived], h.clock.now(), "Asia/Shanghai");
    expect(f.compliance.byClock.first_reply).toEqual({ met: 0, missed: 0, notMet: 0, waived: 1 });
  });

  it("marks now on an open incident and not on a closed one", async () => {
    h = await reviewHarness();
    const cookie = await h.session();
    expect(await (await h.get("/incidents/2", { cookie })).text()).toContain('<line class="now"');
    expect(await (await h.get("/incidents/1", { cookie })).text()).not.toContain('<line class="now"');
  });

  it("merges thousands of notes into counted marks whose labels never overlap", async () => {
    const big = await bigIncident(3_000);
    stop = () => big.h.scheduler.stop();
    const html = incidentPage(big.h.deps.policy, big.incident, big.entries, big.h.clock.now());
    expect(html).toMatch(/Note ×\d+/);
    for (const svg of html.match(/<svg class="timeline"[\s\S]*?<\/svg>/g)!) {
      const labels = [...svg.matchAll(/<text class="mark-label" x="([\d.]+)" y="([\d.]+)">([^<]+)<\/text>/g)].map((m) => ({
        left: Number(m[1]),
        y: Number(m[2]),
        width: textWidth(m[3]!, 12),
      }));
      expect(labels.length).toBeGreaterThan(2);
      for (const a of labels)
        for (const b of labels) if (a !== b && a.y === b.y) expect(a.left + a.width <= b.left || b.left + b.width <= a.left).toBe(true);
    }
  });
});
