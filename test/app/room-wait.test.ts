import { afterEach, describe, expect, it } from "vitest";
import { timerKeys } from "../../src/core/timers.js";
import { harness, type Harness } from "../helpers/app-harness.js";

let h: Harness | undefined;
afterEach(async () => h?.scheduler.stop());

const keyOf = (id: string, n: number) => timerKeys.deliver(id, 1, n);

describe("the room's messages while the room is being opened", () => {
  it("wait for the room's next try without spending their own retries, and go out right after it opens", async () => {
    h = await harness();
    let refused = 0;
    // The platform refuses to open the room twice (10 s, then 1 min of back-off), then opens it.
    h.chat.failures.push((call) => (call.op === "openRoom" && refused++ < 2 ? new Error("platform busy") : undefined));
    await h.as("dana", "declare urgent Checkout down");
    const [incident] = await h.store.list({ limit: 1 });
    await h.advance(2);
    const after = (await h.store.get(incident!.id))!;
    expect(after.room).toBeDefined();
    expect(after.card?.messageId).toBeDefined();
    const openRoom = await h.store.timer(keyOf(incident!.id, 0));
    const card = await h.store.timer(keyOf(incident!.id, 1));
    expect(openRoom?.payload).toMatchObject({ delivery: { what: "open_room" }, attempt: 2 });
    expect(card).toMatchObject({ state: "fired", payload: { delivery: { what: "card" }, attempt: 0 } });
    // The card went out one second after the room's own retry, not on a back-off of its own.
    expect(Date.parse(card!.firedAt!) - Date.parse(openRoom!.firedAt!)).toBeLessThanOrEqual(1_000);
  });

  it("spend their retries as before once the room has failed for good", async () => {
    h = await harness();
    h.chat.failures.push((call) => (call.op === "openRoom" ? new Error("platform down") : undefined));
    await h.as("dana", "declare urgent Checkout down");
    const [incident] = await h.store.list({ limit: 1 });
    await h.advance(60);
    const failed = (await h.store.timeline(incident!.id)).filter((e) => e.type === "delivery_failed");
    expect(failed.map((e) => (e.data as { what?: string }).what)).toContain("open_room");
    expect(failed.map((e) => (e.data as { what?: string }).what)).toContain("card");
    expect(await h.store.pendingTimers({ dueBefore: h.clock.now() })).toEqual([]);
  });
});
