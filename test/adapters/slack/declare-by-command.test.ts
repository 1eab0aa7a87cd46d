import { afterEach, describe, expect, it } from "vitest";
import { wellFormed } from "../../fakes/slack/block-kit.js";
import { slackHarness, slackPolicy, user, type SlackHarness } from "./slack-harness.js";

let h: SlackHarness;
afterEach(async () => h?.close());

describe("declaring from Slack with /incident", () => {
  it("acknowledges at once, opens a channel with the people paged, pins a live card and pages the lead with an Acknowledge button", async () => {
    h = await slackHarness();
    const sent = await h.slack.command("declare urgent Checkout down --kind complaint", user("dana"));
    expect(sent.status).toBe(200);
    await h.settle();

    const created = h.fake.callsTo("conversations.create");
    expect(created).toHaveLength(1);
    const channel = h.fake.channelNamed(String(created[0]!.args.name))!;
    expect(channel.name).toBe("inc-1-checkout-down");
    expect([...channel.members]).toEqual(expect.arrayContaining(["UDANA", "ULEE"]));
    expect(channel.topic).toMatch(/INC-1/);
    const card = channel.messages[0]!;
    expect(channel.pins.has(card.ts)).toBe(true);
    expect(JSON.stringify(card.blocks)).toContain("beacon_acknowledge");

    const dm = h.fake.channels.get("DULEE")!;
    expect(dm.messages).toHaveLength(1);
    expect(JSON.stringify(dm.messages[0]!.blocks)).toContain("beacon_ack_page");

    const [answer, opened] = h.fake.responses.map((r) => r.body);
    expect(answer!.response_type).toBe("ephemeral");
    expect(String(answer!.text)).toMatch(/INC-1 declared/);
    expect(opened!.response_type).toBe("ephemeral"); // then where its room is, once it opened
    expect(String(opened!.text)).toContain(`<#${h.fake.channelNamed("inc-1-checkout-down")!.id}>`);
  });

  it("invites a declarer the policy does not know, mentions them in the announcement and follows their answer with a link to the channel", async () => {
    h = await slackHarness();
    h.fake.users.add("UGUEST");
    await h.slack.command("declare general Printer jam", { id: "UGUEST", name: "guest.handle" });
    await h.settle();

    const channel = h.fake.channelNamed("inc-1-printer-jam")!;
    expect([...channel.members]).toContain("UGUEST");
    const announcement = channel.messages.map((m) => m.text).find((t) => /declared by/.test(t))!;
    expect(announcement).toContain("<@UGUEST>");
    expect(announcement).not.toContain("guest.handle");
    const [declared, opened] = h.fake.responses.map((r) => String(r.body.text));
    expect(declared).toMatch(/INC-1 declared/);
    expect(opened).toContain(`<#${channel.id}>`);
  });

  it("cuts a long title with an emoji at Slack's limits without splitting the emoji, so the card is still posted", async () => {
    h = await slackHarness();
    // "🔴 INC-1 " is 9 UTF-16 units: the emoji's two halves fall on units 149 and 150 of the header.
    const title = `${"a".repeat(140)}😀${"b".repeat(40)}`;
    await h.slack.command(`declare urgent ${title}`, user("dana"));
    await h.settle();

    const channel = [...h.fake.channels.values()].find((c) => c.name.startsWith("inc-1"))!;
    const card = channel.messages.find((m) => JSON.stringify(m.blocks ?? []).includes("beacon_acknowledge"));
    expect(card).toBeDefined();
    const header = (card!.blocks![0] as { text: { text: string } }).text.text;
    expect(header.length).toBeLessThanOrEqual(150);
    expect(wellFormed(header)).toBe(true);
    expect(channel.topic.length).toBeLessThanOrEqual(250);
    expect(wellFormed(channel.topic)).toBe(true);
    expect(channel.topic).not.toContain("\uFFFD");
    expect((await h.store.list({ limit: 1 }))[0]!.card).toBeDefined();
  });

  it("finds people the policy gives by email, pages them, and reports an email Slack does not know once at start", async () => {
    const base = slackPolicy();
    const { slack: _lee, ...leeIds } = base.people.lee!.ids;
    const { slack: _eva, ...evaIds } = base.people.eva!.ids;
    const policy = {
      ...base,
      people: {
        ...base.people,
        lee: { ...base.people.lee!, email: "lee@example.com", ids: leeIds },
        eva: { ...base.people.eva!, email: "eva@nowhere.example", ids: evaIds },
      },
    };
    h = await slackHarness({ policy, members: { "Lee@Example.com": "ULEE" } });
    await h.platform.start(); // a second start (a retry) asks and reports nothing again
    await h.slack.command("declare urgent Checkout down --kind complaint", user("dana"));
    await h.settle();

    expect(h.fake.callsTo("users.lookupByEmail").map((c) => c.args.email)).toEqual(["lee@example.com", "eva@nowhere.example"]);
    expect(h.fake.channels.get("DULEE")!.messages).toHaveLength(1);
    expect([...h.fake.channelNamed("inc-1-checkout-down")!.members]).toContain("ULEE");
    const warned = h.logs.filter((l) => l.includes("eva@nowhere.example"));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/eva/);
  });
});
