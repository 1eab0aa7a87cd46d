import { afterEach, describe, expect, it } from "vitest";
import { fit, summaryEmbeds } from "../../../adapters/discord/summary-embeds.js";
import { renderSummaryMarkdown, summarize } from "../../../src/core/summary.js";
import type { TimelineEntry } from "../../../src/core/timeline.js";
import { discordHarness, type DiscordHarness } from "./discord-harness.js";

let h: DiscordHarness;
afterEach(async () => h?.close());

type Embed = { title?: string; url?: string; description?: string; fields?: Array<{ name: string; value: string; inline: boolean }> };

async function closedIncident() {
  await h.answered(h.user("dana").command("declare", { severity: "urgent", title: "Checkout down", kind: "complaint" }));
  const incident = (await h.store.list({ limit: 1 }))[0]!;
  const room = h.fake.channels.get(incident.room!.channelId)!;
  await h.answered(h.user("lee").command("ack", {}, room.id));
  await h.answered(h.user("lee").command("resolve", { summary: "Certificate renewed" }, room.id));
  await h.answered(h.user("dana").command(["customer", "accept"], { satisfaction: 5 }, room.id));
  await h.answered(h.user("dana").command("close", {}, room.id));
  return { incident, room };
}

describe("the after-action summary on Discord", () => {
  it("is posted as embeds with fields: the facts, the figures, one field per deadline, the timeline as text", async () => {
    h = await discordHarness();
    const { room } = await closedIncident();
    const embeds = room.messages.flatMap((m) => m.embeds as Embed[]);
    const head = embeds.find((e) => e.title === "INC-1 Checkout down — After-action summary")!;
    expect(head.fields).toEqual(expect.arrayContaining([{ name: "Severity", value: "Urgent", inline: true }]));
    expect(head.fields!.map((f) => f.name)).toEqual(expect.arrayContaining(["Kind", "Declared", "Acknowledged", "Resolved", "Closed"]));
    const deadlines = embeds.find((e) => e.title === "Deadlines")!;
    expect(deadlines.fields!.length).toBeGreaterThan(0);
    expect(deadlines.fields!.every((f) => !f.inline && / · /.test(f.value))).toBe(true);
    const timeline = embeds.find((e) => e.title === "Timeline")!;
    expect(timeline.description).toMatch(/^• /m);
    expect(JSON.stringify(embeds)).not.toMatch(/\| --- \|/);
  });

  it("stays within Discord's embed limits for a long incident, over several messages, the title linking to the full page", async () => {
    h = await discordHarness();
    const { incident, room } = await closedIncident();
    const entries = await h.store.timeline(incident.id);
    const long: TimelineEntry[] = [...entries];
    for (let n = 0; n < 400; n++)
      long.push({ ...entries.at(-1)!, seq: 1000 + n, type: "note", data: { text: `Note ${n}: ${"検証".repeat(40)} 🔥` } } as TimelineEntry);
    const facts = summarize(h.deps.policy, incident.number, long, h.deps.clock.now());
    const before = room.messages.length;
    const link = "https://beacon.example/incidents/1?sig=abc";
    await h.platform.chat.postSummary(
      { platform: "discord", channelId: room.id },
      { facts, markdown: renderSummaryMarkdown(h.deps.policy, facts), link },
    );
    const posted = room.messages.slice(before);
    expect(posted.length).toBeGreaterThan(1);
    expect((posted[0]!.embeds[0] as Embed).url).toBe(link);
    for (const m of posted) expect(m.embeds.length).toBeLessThanOrEqual(10);
    const text = JSON.stringify(posted.map((m) => m.embeds));
    expect(text).toContain("Note 0:");
    expect(text).toContain("Note 399:");
  });

  it("cuts text without splitting a character", () => {
    expect(fit("🔥".repeat(10), 5)).toBe("🔥🔥…");
    const embeds = summaryEmbeds(`# ${"题".repeat(300)}\n\n- **Severity**: ${"x".repeat(2000)}`);
    expect(embeds[0]!.title!.length).toBeLessThanOrEqual(256);
    expect(embeds[0]!.fields![0]!.value.length).toBeLessThanOrEqual(1024);
  });
});
