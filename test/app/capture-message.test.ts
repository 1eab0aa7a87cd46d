import { describe, expect, it } from "vitest";
import { captureMessage, type CapturedMessage } from "../../src/app/capture-message.js";
import { dispatchCommand } from "../../src/app/dispatch.js";
import { harness } from "../helpers/app-harness.js";

const msg = (channelId: string, over: Partial<CapturedMessage> = {}): CapturedMessage => ({
  actor: { platform: "test", userId: "lee", name: "lee", personId: "lee" },
  channelId,
  messageId: "M1",
  text: "Driver reached the customer at 18:05",
  how: "pinned",
  permalink: "https://chat.example/M1",
  byBot: false,
  ...over,
});

describe("capturing marked messages onto the timeline", () => {
  it("records a pinned message once, even when it also gets a 📌 reaction", async () => {
    const h = await harness();
    await h.as("dana", "declare general Scanner broken");
    const channel = `C-${h.chat.of("openRoom")[0]!.name}`;
    expect(await captureMessage(h.deps, msg(channel))).toBe("captured");
    expect(await captureMessage(h.deps, msg(channel, { how: "reaction" }))).toBe("already");
    const notes = (await h.store.timeline((await h.store.getByNumber(1))!.id)).filter((e) => e.type === "note");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.data).toMatchObject({
      text: "Driver reached the customer at 18:05",
      source: "pinned",
      permalink: "https://chat.example/M1",
      messageId: "M1",
    });
    expect(notes[0]!.actor.personId).toBe("lee");
  });

  it("keeps a marked message as plain text: a platform's control characters and bidirectional overrides removed", async () => {
    const h = await harness();
    await h.as("dana", "declare general Scanner broken");
    const channel = `C-${h.chat.of("openRoom")[0]!.name}`;
    expect(await captureMessage(h.deps, msg(channel, { text: "Driver\u0000 at \u202egate\u202c 3\u0007" }))).toBe("captured");
    const notes = (await h.store.timeline((await h.store.getByNumber(1))!.id)).filter((e) => e.type === "note");
    expect(notes[0]!.data).toMatchObject({ text: "Driver at gate 3" });
    expect(await captureMessage(h.deps, msg(channel, { messageId: "M2", text: "\u0000\u202e" }))).toBe("ignored");
  });

  it("ignores Beacon's own posts and messages outside incident rooms", async () => {
    const h = await harness();
    await h.as("dana", "declare general Scanner broken");
    const channel = `C-${h.chat.of("openRoom")[0]!.name}`;
    expect(await captureMessage(h.deps, msg(channel, { byBot: true }))).toBe("ignored");
    expect(await captureMessage(h.deps, msg("C-random"))).toBe("ignored");
    const notes = (await h.store.timeline((await h.store.getByNumber(1))!.id)).filter((e) => e.type === "note");
    expect(notes).toHaveLength(0);
  });

  it("captures two different messages racing each other, each once", async () => {
    const h = await harness();
    await h.as("dana", "declare general Scanner broken");
    const channel = `C-${h.chat.of("openRoom")[0]!.name}`;
    const outcomes = await Promise.all([
      captureMessage(h.deps, msg(channel, { messageId: "A", text: "first" })),
      captureMessage(h.deps, msg(channel, { messageId: "B", text: "second" })),
      captureMessage(h.deps, msg(channel, { messageId: "A", text: "first", how: "reaction" })),
    ]);
    expect(outcomes.filter((o) => o === "captured")).toHaveLength(2);
    const notes = (await h.store.timeline((await h.store.getByNumber(1))!.id)).filter((e) => e.type === "note");
    expect(notes.map((n) => n.data.messageId).sort()).toEqual(["A", "B"]);
  });
});

describe("structured commands from forms and buttons", () => {
  it("declares from form fields without going through the text parser", async () => {
    const h = await harness();
    const reply = await dispatchCommand(
      h.deps,
      { actor: { platform: "test", userId: "dana", name: "dana" }, text: "", requestKey: "modal-1" },
      {
        name: "declare",
        drill: false,
        severity: "important",
        title: 'Title with --dashes and "quotes"',
        kind: "complaint",
        customer: "ACME",
      },
    );
    expect(reply.error).toBeUndefined();
    const incident = (await h.store.getByNumber(1))!;
    expect(incident.title).toBe('Title with --dashes and "quotes"');
    expect(incident.customer).toBe("ACME");
  });

  it("answers a bad form value with the same user error a typed command gets", async () => {
    const h = await harness();
    const reply = await dispatchCommand(
      h.deps,
      { actor: { platform: "test", userId: "dana", name: "dana" }, text: "", requestKey: "modal-2" },
      { name: "declare", drill: false, severity: "catastrophic", title: "x" },
    );
    expect(reply.error).toBe(true);
    expect(reply.text).toMatch(/catastrophic/);
    expect(await h.store.getByNumber(1)).toBeNull();
  });
});
