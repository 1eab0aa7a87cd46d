import type { Incident } from "../../src/core/model.js";
import type { TimelineEntry } from "../../src/core/timeline.js";
import { harness, type Harness } from "./app-harness.js";

/**
 * An urgent complaint acknowledged after 30 minutes, then a note every
 * second until the timeline holds `size` entries: the page-weight test and
 * the review benchmark read its page.
 */
export async function bigIncident(size: number): Promise<{ h: Harness; incident: Incident; entries: TimelineEntry[] }> {
  const h = await harness();
  await h.as("dana", "declare urgent Checkout down --kind complaint");
  await h.advance(30);
  await h.as("lee", "ack #1");
  const incident = (await h.store.getByNumber(1))!;
  const base = await h.store.timeline(incident.id);
  const at0 = Date.parse(base.at(-1)!.at);
  const entries: TimelineEntry[] = [...base];
  for (let i = 0; entries.length < size; i++) {
    entries.push({
      seq: entries.length,
      at: new Date(at0 + i * 1000).toISOString(),
      type: "note",
      actor: { platform: "slack", userId: "U1", name: "Lee", personId: "lee" },
      data: { text: `Observation ${i}: queue depth ${i % 97}` },
    });
  }
  return { h, incident, entries };
}
