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

  it("resolves, records the customer's acceptance with a score, closes, and writes the summary from the timeline", async () => {
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
    expect((await h.as("dana", "close", channel)).text).toMatch(/cannot be closed before the customer accepts/);
    await h.as("liu", "accept --satisfaction 4", channel);
    await h.as("dana", "close", channel);
    const incident = (await h.store.getByNumber(1))!;
    expect(incident.status).toBe("closed");
    expect(incident.satisfaction).toBe(4);
    const summary = await h.as("dana", "summary #1");
    expect(summary.ephemeral).toBe(false);
    expect(summary.text).toContain("Cold chain failure");
    expect(summary.text).toMatch(/First written reply/);
  });

  it("keeps every deadline timer silent after the close, and starts only the return call", async () => {
    const h = await harness();
    await h.as("dana", 'declare urgent "Cold chain failure" --kind complaint');
    await h.as("ada", "resolve #1 false alarm");
    await h.as("liu", "accept #1");
    await h.as("dana", "close #1");
    const postsBefore = h.chat.posts().length;
    await h.advance(7 * 24 * 60);
    const after = h.chat.posts().slice(postsBefore);
    expect(after.length).toBeGreaterThan(0);
    for (const text of after) expect(text).toMatch(/Return call to the customer/);
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
