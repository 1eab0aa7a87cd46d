import { afterEach, describe, expect, it } from "vitest";
import { discordHarness, type DiscordHarness } from "./discord-harness.js";

let h: DiscordHarness;
afterEach(async () => h?.close());

const UNKNOWN = "00000000-0000-4000-8000-999999999999";
const STALE = /^This button is for an incident Beacon does not know .*; nothing was done\.$/;

async function declare() {
  await h.answered(h.user("dana").command("declare", { severity: "urgent", title: "Checkout down", kind: "complaint" }));
  const incident = (await h.store.list({ limit: 1 }))[0]!;
  return { incident, room: h.fake.channels.get(incident.room!.channelId)! };
}

describe("a Discord button naming an incident Beacon does not know", () => {
  it.each(["acknowledge", "escalate", "resolve"])("never acts on the room's incident (%s on a card)", async (action) => {
    h = await discordHarness();
    const { incident, room } = await declare();
    const before = await h.store.timeline(incident.id);
    const answer = await h.answered(h.user("lee").click(room.id, room.messages[0]!.id, `beacon:${action}:${UNKNOWN}`));
    expect(answer.callbacks).toHaveLength(1);
    expect(String(answer.original!.content)).toMatch(STALE);
    expect(await h.store.timeline(incident.id)).toEqual(before);
    expect((await h.store.get(incident.id))!.status).toBe("declared");
  });

  it("answers a page button with one clear line, not an error with a reference", async () => {
    h = await discordHarness();
    await declare();
    const dm = h.fake.dmWith(h.deps.policy.people.lee!.ids.discord!)!;
    const answer = await h.answered(h.user("lee").click(dm.id, dm.messages[0]!.id, `beacon:page:${UNKNOWN}:page-1`));
    expect(String(answer.original!.content)).toMatch(STALE);
    expect(h.logs.filter((l) => l.startsWith("error"))).toEqual([]);
  });

  it("keeps a note from its form off the room's incident", async () => {
    h = await discordHarness();
    const { incident, room } = await declare();
    const shown = await h.answered(h.user("lee").click(room.id, room.messages[0]!.id, `beacon:note:${UNKNOWN}`));
    const form = (shown.callbacks[0] as { type: number; data: { custom_id: string } }).data.custom_id;
    const answer = await h.answered(h.user("lee").submit(form, { text: "Root cause found" }, room.id));
    expect(String(answer.original!.content)).toMatch(STALE);
    expect((await h.store.timeline(incident.id)).some((e) => e.type === "note")).toBe(false);
  });

  it("answers a button whose id Beacon cannot read", async () => {
    h = await discordHarness();
    const { room } = await declare();
    const answer = await h.answered(h.user("lee").click(room.id, room.messages[0]!.id, "beacon:explode"));
    expect(String(answer.original!.content)).toMatch(STALE);
  });
});

describe("an interaction Discord delivers twice", () => {
  it("is answered once, and the refused second answer (40060) is not logged as an error", async () => {
    h = await discordHarness();
    const token = h.user("dana").command("declare", { severity: "urgent", title: "Checkout down", kind: "complaint" });
    await h.answered(token);
    h.fake.gateway.dispatch("INTERACTION_CREATE", h.fake.sent.get(token));
    await h.until(() => h.fake.calls.filter((c) => c.path.includes(`/${token}/callback`)).length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.interactions.get(token)!.callbacks).toHaveLength(1);
    expect(h.logs.filter((l) => l.startsWith("error"))).toEqual([]);
    expect(await h.store.list({ limit: 10 })).toHaveLength(1);
  });
});
