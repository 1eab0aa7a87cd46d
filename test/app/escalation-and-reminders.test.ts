import { describe, expect, it } from "vitest";
import { harness } from "../helpers/app-harness.js";

describe("escalation and reminders", () => {
  it("escalates an unacknowledged urgent page to the leadership group after the step's wait", async () => {
    const h = await harness();
    await h.as("dana", 'declare urgent "Checkout down"');
    await h.advance(4);
    expect(h.chat.of("page").map((p) => p.personId)).not.toContain("ada");
    await h.advance(2);
    expect(h.chat.of("page").map((p) => p.personId)).toEqual(expect.arrayContaining(["ada", "bo"]));
    const types = (await h.store.timeline((await h.store.getByNumber(1))!.id)).map((e) => e.type);
    expect(types).toContain("escalated");
  });

  it("stops escalating once someone paged acknowledges, and a second click changes nothing", async () => {
    const h = await harness();
    await h.as("dana", 'declare urgent "Checkout down"');
    await h.advance(2);
    const ack = await h.as("lee", "ack #1");
    expect(ack.text).toMatch(/You acknowledged INC-1/);
    const again = await h.as("eva", "ack #1");
    expect(again.text).toMatch(/already acknowledged by Lee Zhang/);
    await h.advance(60);
    expect(h.chat.of("page").map((p) => p.personId)).not.toContain("ada");
    const entries = await h.store.timeline((await h.store.getByNumber(1))!.id);
    expect(entries.filter((e) => e.type === "acknowledged")).toHaveLength(1);
    expect(entries.filter((e) => e.type === "escalated")).toHaveLength(0);
  });

  it("refuses an acknowledgement from someone who was not paged", async () => {
    const h = await harness();
    await h.as("dana", 'declare urgent "Checkout down"');
    const reply = await h.as("lin", "ack #1");
    expect(reply.error).toBe(true);
    expect(reply.text).toMatch(/not paged for INC-1/);
    expect((await h.store.getByNumber(1))!.status).toBe("declared");
  });

  it("lets a leader acknowledge a page sent to others", async () => {
    const h = await harness();
    await h.as("dana", 'declare important "Ticketing slow"');
    const reply = await h.as("ada", "ack #1");
    expect(reply.error).toBeUndefined();
  });

  it("reminds at 50 % and 80 % of a clock, posts the miss, and escalates on a missed deadline", async () => {
    const h = await harness();
    await h.as("dana", 'declare important "Wrong invoices sent" --kind complaint');
    await h.as("dana", "escalate #1"); // step 2: handling lead (leaves one step for the miss)
    await h.advance(29);
    expect(h.chat.posts().some((p) => p.includes("Reminder") && p.includes("Start emergency handling"))).toBe(false);
    await h.advance(1);
    expect(h.chat.posts().filter((p) => p.includes("Reminder") && p.includes("Start emergency handling"))).toHaveLength(1);
    await h.advance(30);
    const posts = h.chat.posts();
    expect(posts.filter((p) => p.includes("Reminder") && p.includes("Start emergency handling"))).toHaveLength(2);
    expect(posts.some((p) => p.includes("Deadline missed") && p.includes("Start emergency handling"))).toBe(true);
    const types = (await h.store.timeline((await h.store.getByNumber(1))!.id)).map((e) => e.type);
    expect(types).toContain("deadline_missed");
  });

  it("moves a first-reply deadline declared at Friday 17:30 to Monday 09:30 (working time)", async () => {
    const h = await harness();
    await h.as("dana", 'declare general "Customer asks for a refund"');
    const clock = (await h.store.getByNumber(1))!.clocks.find((c) => c.key === "first_reply")!;
    expect(clock.dueAt).toBe("2026-11-30T01:30:00.000Z");
  });

  it("re-plans paging and deadlines when the severity is raised", async () => {
    const h = await harness();
    await h.as("dana", 'declare general "Parcel lost" --kind complaint --onsite local');
    const before = (await h.store.getByNumber(1))!;
    expect(before.clocks.find((c) => c.key === "onsite_agreed")!.dueAt).toBe("2026-11-29T09:30:00.000Z");
    const reply = await h.as("lee", "sev #1 urgent customer threatens to go to the press");
    expect(reply.text).toMatch(/now Urgent/);
    const after = (await h.store.getByNumber(1))!;
    expect(after.clocks.find((c) => c.key === "onsite_local")!.dueAt).toBe("2026-11-27T11:30:00.000Z");
    expect(after.clocks.find((c) => c.key === "onsite_agreed")!.cancelledAt).toBeDefined();
    expect(h.chat.of("page").map((p) => p.personId)).toEqual(expect.arrayContaining(["lee", "eva", "max"]));
    const change = (await h.store.timeline(after.id)).find((e) => e.type === "severity_changed")!;
    expect(change.data).toMatchObject({ from: "general", to: "urgent" });
  });
});
