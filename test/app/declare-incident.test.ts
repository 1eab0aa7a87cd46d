import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/app/dispatch.js";
import type { MemoryStore } from "../fakes/memory-store.js";
import { openedRoom } from "../../src/app/opened-room.js";
import { harness } from "../helpers/app-harness.js";

describe("declaring an incident", () => {
  it("numbers incidents without a gap when a declare fails in the database", async () => {
    const h = await harness();
    expect((await h.as("dana", "declare general First")).text).toContain("INC-1");
    (h.store as MemoryStore).failNextCommit = new Error("connection reset");
    expect((await h.as("dana", "declare general Second")).error).toBe(true);
    expect((await h.as("dana", "declare general Third")).text).toContain("INC-2");
    expect((await h.store.getByNumber(2))?.title).toBe("Third");
  });

  it("declares an urgent incident and pages the handling group lead and experts, informing leadership", async () => {
    const h = await harness();
    const reply = await h.as("dana", 'declare urgent "Checkout down" --kind complaint');
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("INC-1");
    const incident = (await h.store.getByNumber(1))!;
    expect(incident.status).toBe("declared");
    expect(h.chat.of("openRoom")[0]!.name).toBe("inc-1-checkout-down");
    expect(
      h.chat
        .of("page")
        .map((c) => c.personId)
        .sort(),
    ).toEqual(["eva", "lee", "max"]);
    expect(
      h.chat
        .of("notify")
        .map((c) => c.personId)
        .sort(),
    ).toEqual(["ada", "bo", "liu"]);
    expect(h.chat.of("upsertCard")).toHaveLength(1);
    const types = (await h.store.timeline(incident.id)).map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(["declared", "paged"]);
    expect(types).toContain("room_opened");
  });

  it("takes an on-site visit and a compensation claim typed as text, starting their deadlines", async () => {
    const h = await harness();
    await h.as("dana", 'declare urgent "Fridge broke" --onsite local --claim');
    const incident = (await h.store.getByNumber(1))!;
    expect(incident).toMatchObject({ onsite: "local", claim: true });
    expect(incident.clocks.map((c) => c.key)).toEqual(expect.arrayContaining(["onsite_local", "compensation"]));
  });

  it("never declares twice for a retried request", async () => {
    const h = await harness();
    const inbound = {
      actor: { platform: "test", userId: "dana", name: "Dana", personId: "dana" },
      text: "declare general Printer jam",
      requestKey: "slack-trigger-1",
    };
    const first = await dispatch(h.deps, inbound);
    const second = await dispatch(h.deps, inbound);
    expect(first.incidentId).toBe(second.incidentId);
    expect(second.text).toMatch(/already handled/);
    expect(await h.store.list({})).toHaveLength(1);
  });

  it("puts a declarer the policy does not know in the room, mentions them in the announcement and tells them where the room is", async () => {
    const h = await harness();
    const reply = await dispatch(h.deps, {
      actor: { platform: "test", userId: "U-GUEST", name: "guest.handle" },
      text: "declare general Printer jam",
      requestKey: "guest-1",
    });
    expect(reply.error).toBeUndefined();
    expect(reply.roomPending).toBe(true); // answered after the commit; the room opens next
    await h.scheduler.idle();
    const room = h.chat.of("openRoom")[0]!;
    expect(room.users).toEqual(["U-GUEST"]);
    expect((await openedRoom(h.deps, reply.incidentId!))?.room?.channelId).toBe(`C-${room.name}`);
    const announcement = h.chat.posts().find((t) => t.includes("declared by"))!;
    expect(announcement).toContain("@{test:U-GUEST}");
    expect(announcement).not.toContain("guest.handle");
  });

  it("answers bad input with one line and the usage, writing nothing", async () => {
    const h = await harness();
    for (const [text, pattern] of [
      ["declare", /Missing severity/],
      ["declare urgent", /Missing title/],
      ["declare catastrophic Fire", /Unknown severity "catastrophic".*urgent, important, general/],
      ["declare urgent Fire --kind alien", /Unknown kind "alien"/],
      ["frobnicate", /Unknown command "frobnicate"/],
      ["ack #99", /No incident #99/],
      ["ack", /Which incident\?/],
    ] as const) {
      const reply = await h.as("dana", text);
      expect(reply.error, text).toBe(true);
      expect(reply.text, text).toMatch(pattern);
      expect(reply.text).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await h.store.list({})).toHaveLength(0);
    expect(h.chat.calls).toHaveLength(0);
  });

  it("accepts severities by level and by their Chinese name", async () => {
    const h = await harness();
    await h.as("dana", "declare 1 Network down --kind system");
    await h.as("dana", "declare 紧急 Warehouse flooded --kind disaster");
    expect((await h.store.list({})).map((i) => i.severity)).toEqual(["urgent", "urgent"]);
  });

  it("labels a drill everywhere and keeps it apart", async () => {
    const h = await harness();
    await h.as("dana", "drill important Practice the complaint plan");
    const incident = (await h.store.getByNumber(1))!;
    expect(incident.drill).toBe(true);
    expect(h.chat.of("openRoom")[0]!.name).toMatch(/^drill-/);
    expect(h.chat.of("upsertCard")[0]!.card.drill).toBe(true);
    expect(await h.store.list({ drill: false })).toHaveLength(0);
  });

  it("refuses people the policy does not allow to close, with a clear line", async () => {
    const h = await harness();
    await h.as("dana", "declare general Label printer offline");
    await h.as("lin", "resolve #1");
    const reply = await h.as("lin", "close #1");
    expect(reply.error).toBe(true);
    expect(reply.text).toMatch(/not allowed to close/);
    expect((await h.store.getByNumber(1))!.status).toBe("resolved");
  });
});
