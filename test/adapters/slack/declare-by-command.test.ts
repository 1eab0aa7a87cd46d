import { afterEach, describe, expect, it } from "vitest";
import { slackHarness, user, type SlackHarness } from "./slack-harness.js";

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

    const answer = h.fake.responses.at(-1)!.body;
    expect(answer.response_type).toBe("ephemeral");
    expect(String(answer.text)).toMatch(/INC-1 declared/);
  });

  it("invites a declarer the policy does not know, mentions them in the announcement and links the channel in their answer", async () => {
    h = await slackHarness();
    h.fake.users.add("UGUEST");
    await h.slack.command("declare general Printer jam", { id: "UGUEST", name: "guest.handle" });
    await h.settle();

    const channel = h.fake.channelNamed("inc-1-printer-jam")!;
    expect([...channel.members]).toContain("UGUEST");
    const announcement = channel.messages.map((m) => m.text).find((t) => /declared by/.test(t))!;
    expect(announcement).toContain("<@UGUEST>");
    expect(announcement).not.toContain("guest.handle");
    const answer = String(h.fake.responses.at(-1)!.body.text);
    expect(answer).toContain(`<#${channel.id}>`);
  });
});
