import { afterEach, describe, expect, it } from "vitest";
import { discordHarness, type DiscordHarness } from "./discord-harness.js";

let h: DiscordHarness;
afterEach(async () => h?.close());

describe("declaring from Discord", () => {
  it("connects through the gateway, registers /incident, and declares with a deferred ephemeral answer, a room, a card and DM pages", async () => {
    h = await discordHarness();
    expect(h.fake.gateway.identifies).toHaveLength(1);
    expect(h.fake.commands.map((c) => c.name)).toEqual(["incident"]);
    const token = h.user("dana").command("declare", { severity: "urgent", title: "Checkout down", kind: "complaint" });
    const answer = await h.answered(token);
    expect(answer.callbacks[0]).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(String(answer.original!.content)).toMatch(/INC-1 declared/);
    const room = h.fake.channelNamed("inc-1-checkout-down")!;
    expect(room.type).toBe(0);
    const card = room.messages[0]!;
    expect(card.pinned).toBe(true);
    expect(JSON.stringify(card.components)).toContain("beacon:acknowledge:");
    const lee = h.fake.dmWith(h.deps.policy.people.lee!.ids.discord!)!;
    expect(lee.messages).toHaveLength(1);
    expect(JSON.stringify(lee.messages[0]!.components)).toContain("beacon:page:");
  });
});

describe("declaring from Discord's typed options", () => {
  it("takes an on-site visit and a compensation claim, starting their deadlines", async () => {
    h = await discordHarness();
    const token = h.user("dana").command("declare", { severity: "urgent", title: "Fridge broke", onsite: "local", claim: true });
    expect(String((await h.answered(token)).original!.content)).toMatch(/INC-1 declared/);
    const [incident] = await h.store.list({ limit: 1 });
    expect(incident).toMatchObject({ onsite: "local", claim: true });
    expect(incident!.clocks.map((c) => c.key)).toEqual(expect.arrayContaining(["onsite_local", "compensation"]));
  });

  it("nests the two-word verbs in groups: /incident followup add and done", async () => {
    h = await discordHarness();
    await h.answered(h.user("dana").command("declare", { severity: "general", title: "Printer jam" }));
    const added = await h.answered(h.user("dana").command(["followup", "add"], { text: "Service the printer", incident: 1 }));
    expect(String(added.original!.content)).toMatch(/Follow-up F1 added to INC-1/);
    const done = await h.answered(h.user("dana").command(["followup", "done"], { id: "F1", incident: 1 }));
    expect(String(done.original!.content)).toMatch(/F1 on INC-1 marked done/);
  });
});
