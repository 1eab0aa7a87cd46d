import { describe, expect, it } from "vitest";
import { harness } from "../helpers/app-harness.js";

describe("the incident lifecycle", () => {
  it("refuses to close an incident that is not resolved", async () => {
    const h = await harness();
    await h.as("dana", "declare general Scanner broken");
    const reply = await h.as("dana", "close #1");
    expect(reply.error).toBe(true);
    expect(reply.text).toMatch(/INC-1 is Declared; you cannot close it now/);
  });

  it("resolves, closes with a satisfaction score and writes the summary from the timeline", async () => {
    const h = await harness();
    await h.as("dana", 'declare urgent "Cold chain failure" --kind complaint');
    const room = h.chat.of("openRoom")[0]!;
    const channel = `C-${room.name}`;
    await h.advance(3);
    await h.as("lee", "ack", channel);
    await h.as("lee", "update customer Replacement goods are on their way", channel);
    await h.as("lee", "note fridge unit failed", channel);
    await h.advance(60);
    await h.as("lee", "resolve goods replaced", channel);
    await h.as("dana", "close --satisfaction 4", channel);
    const incident = (await h.store.getByNumber(1))!;
    expect(incident.status).toBe("closed");
    expect(incident.satisfaction).toBe(4);
    const summary = await h.as("dana", "summary #1");
    expect(summary.ephemeral).toBe(false);
    expect(summary.text).toContain("Cold chain failure");
    expect(summary.text).toMatch(/First written reply/);
  });

  it("keeps every running timer silent after resolve", async () => {
    const h = await harness();
    await h.as("dana", 'declare urgent "Cold chain failure" --kind complaint');
    await h.as("ada", "resolve #1 false alarm");
    const postsBefore = h.chat.posts().length;
    await h.advance(24 * 60);
    expect(h.chat.posts().length).toBe(postsBefore);
  });

  it("marks a done-clock met, and refuses to mark a clock that stops by itself", async () => {
    const h = await harness();
    await h.as("dana", 'declare urgent "Broken freezer" --kind complaint --onsite local');
    expect((await h.as("lee", "done #1 onsite_local")).text).toMatch(/marked done/);
    const refused = await h.as("lee", "done #1 first_reply");
    expect(refused.error).toBe(true);
    expect(refused.text).toMatch(/stops by itself/);
  });
});
