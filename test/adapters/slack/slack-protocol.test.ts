import { afterEach, describe, expect, it } from "vitest";
import { slackHarness, slackPolicy, user, type SlackHarness } from "./slack-harness.js";

let h: SlackHarness;
afterEach(async () => h?.close());

describe("Slack's request protocol", () => {
  it("rejects a forged signature with 401 and does nothing", async () => {
    h = await slackHarness();
    const sent = await h.slack.command("declare urgent Forged", user("dana"), undefined, { signature: "v0=" + "0".repeat(64) });
    expect(sent.status).toBe(401);
    await h.settle();
    expect(await h.store.list({ limit: 10 })).toEqual([]);
    expect(h.fake.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
  });

  it("rejects a correctly signed request whose timestamp is more than five minutes old (a replay)", async () => {
    h = await slackHarness();
    const sent = await h.slack.command("declare urgent Replayed", user("dana"), undefined, {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(sent.status).toBe(401);
    await h.settle();
    expect(await h.store.list({ limit: 10 })).toEqual([]);
  });

  it("rejects a correctly signed request dated more than five minutes in the future", async () => {
    h = await slackHarness();
    const sent = await h.slack.command("declare urgent From the future", user("dana"), undefined, {
      timestamp: Math.floor(Date.now() / 1000) + 6 * 60,
    });
    expect(sent.status).toBe(401);
    await h.settle();
    expect(await h.store.list({ limit: 10 })).toEqual([]);
  });

  it("declares once when Slack delivers the same request twice", async () => {
    h = await slackHarness();
    const body = h.slack.commandBody("declare urgent Checkout down", user("dana"), { id: "CGENERAL", name: "general" });
    const first = await h.slack.send(body, "application/x-www-form-urlencoded");
    const again = await h.slack.send(body, "application/x-www-form-urlencoded", { retryNum: 1 });
    expect([first.status, again.status]).toEqual([200, 200]);
    await h.settle();
    expect(await h.store.list({ limit: 10 })).toHaveLength(1);
    expect(h.fake.callsTo("conversations.create")).toHaveLength(1);
    const answers = h.fake.responses.map((r) => String(r.body.text));
    expect(answers).toHaveLength(2); // declared, then where its room is: once each
    expect(answers[0]).toMatch(/INC-1 declared/);
    expect(answers[1]).toMatch(/room is open/);
  });

  it("answers a command once and records it once however often Slack retries it", async () => {
    h = await slackHarness();
    await h.slack.command("declare general Printer jam", user("dana"));
    await h.settle();
    const channel = h.fake.channelNamed("inc-1-printer-jam")!;
    const before = h.fake.responses.length;
    const body = h.slack.commandBody("note Paper tray replaced", user("dana"), { id: channel.id, name: channel.name });
    for (const retryNum of [undefined, 1, 2]) await h.slack.send(body, "application/x-www-form-urlencoded", { retryNum });
    await h.settle();
    expect(h.fake.responses.slice(before)).toHaveLength(1);
    const notes = (await h.store.timeline((await h.store.list({ limit: 1 }))[0]!.id)).filter((e) => e.type === "note");
    expect(notes).toHaveLength(1);
  });

  it("sends the pages while the card waits out a 429, and sets the topic once per declare", async () => {
    h = await slackHarness();
    const answered: Array<{ method: string; channel: string; at: number }> = [];
    h.fake.onCall = (call) => answered.push({ method: call.method, channel: String(call.args.channel ?? ""), at: Date.now() });
    h.fake.fail({ method: "chat.postMessage", times: 1, status: 429, retryAfter: 2, when: (a) => String(a.channel).startsWith("C") });
    const t0 = Date.now();
    await h.slack.command("declare urgent Checkout down --kind complaint", user("dana"));
    await h.settle();
    const pages = answered.filter((c) => c.method === "chat.postMessage" && c.channel.startsWith("D"));
    const card = answered.find((c) => c.method === "chat.postMessage" && c.channel.startsWith("C"))!;
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...pages.map((p) => p.at))).toBeLessThan(card.at);
    expect(Math.max(...pages.map((p) => p.at)) - t0).toBeLessThan(1500);
    expect(h.fake.callsTo("conversations.setTopic")).toHaveLength(1);
  });

  it("acknowledges a slash command before doing the work, however slow Slack's API is", async () => {
    h = await slackHarness();
    h.fake.delays.set("conversations.create", 1500);
    const t0 = Date.now();
    const sent = await h.slack.command("declare urgent Checkout down", user("dana"));
    const acked = Date.now() - t0;
    expect(sent.status).toBe(200);
    expect(acked).toBeLessThan(1000);
    await h.settle();
    expect(h.fake.channelNamed("inc-1-checkout-down")).toBeDefined();
  });

  it("answers the URL verification challenge", async () => {
    h = await slackHarness();
    const sent = await h.slack.send(
      JSON.stringify({ token: "t", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" }),
      "application/json",
    );
    expect(sent.status).toBe(200);
    expect(sent.body).toContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  });

  it("answers a usage mistake with one ephemeral line and the usage, writing nothing", async () => {
    h = await slackHarness();
    await h.slack.command("sev #1", user("dana"));
    await h.slack.command("dance", user("dana"));
    await h.settle();
    const [missing, unknown] = h.fake.responses.map((r) => r.body);
    expect(missing).toMatchObject({ response_type: "ephemeral" });
    expect(String(missing!.text)).toMatch(
      /^Missing severity\.\nUsage: \/incident sev \[#number\] &lt;urgent\|important\|general&gt; &lt;reason&gt;/,
    );
    expect(String(unknown!.text)).toMatch(/Unknown command "dance"/);
    expect(String(missing!.text) + String(unknown!.text)).not.toMatch(/\n\s+at /);
    expect(await h.store.list({ limit: 10 })).toEqual([]);
  });

  it("waits out a 429 with Retry-After and then delivers", async () => {
    h = await slackHarness();
    h.fake.fail({ method: "chat.postMessage", times: 1, status: 429, retryAfter: 1 });
    await h.slack.command("declare urgent Checkout down", user("dana"));
    await h.settle();
    const posts = h.fake.callsTo("chat.postMessage");
    expect(posts.length).toBeGreaterThanOrEqual(2);
    const room = h.fake.channelNamed("inc-1-checkout-down")!;
    expect(room.messages.filter((m) => JSON.stringify(m.blocks ?? []).includes("beacon_card"))).toHaveLength(1); // the card, once
    const incident = (await h.store.list({ limit: 1 }))[0]!;
    expect(incident.card?.messageId).toBeDefined();
    expect((await h.store.timeline(incident.id)).some((e) => e.type === "delivery_failed")).toBe(false);
  });

  it("keeps a delivery that Slack keeps refusing in the outbox and delivers it on a later retry", async () => {
    h = await slackHarness({ env: { SLACK_RETRIES: "0" } });
    h.fake.fail({ method: "chat.postMessage", times: 3, status: 500 });
    await h.slack.command("declare urgent Checkout down", user("dana"));
    await h.settle();
    const incident = (await h.store.list({ limit: 1 }))[0]!;
    expect((await h.store.pendingTimers({ limit: 50 })).some((t) => t.payload.kind === "deliver")).toBe(true);
    await h.advance(30); // the outbox retries (policy delivery.retries)
    const after = (await h.store.get(incident.id))!;
    expect(after.card?.messageId).toBeDefined();
    expect(h.fake.channels.get("DULEE")!.messages).toHaveLength(1);
  });

  it("records a page that can never reach its person as a delivery failure and mentions them in the channel", async () => {
    const policy = slackPolicy();
    policy.people.lee = { ...policy.people.lee!, ids: { slack: "UGONE" } }; // deactivated: Slack answers user_not_found
    h = await slackHarness({ policy });
    h.fake.users.add("UGONE");
    h.fake.fail({ method: "conversations.open", times: 1, error: "user_not_found" });
    await h.slack.command("declare urgent Checkout down", user("dana"));
    await h.settle();
    const incident = (await h.store.list({ limit: 1 }))[0]!;
    const failed = (await h.store.timeline(incident.id)).filter((e) => e.type === "delivery_failed");
    expect(failed).toHaveLength(1);
    const room = h.fake.channelNamed("inc-1-checkout-down")!;
    expect(room.messages.map((m) => m.text).join("\n")).toContain("<@UGONE>");
  });

  it("opens each person's direct message channel once, however many pages they get, and again after Slack loses it", async () => {
    h = await slackHarness();
    await h.slack.command("declare urgent Checkout down", user("dana"));
    await h.settle();
    await h.slack.command("declare urgent Refunds failing", user("dana"));
    await h.settle();
    const opens = (u: string) => h.fake.callsTo("conversations.open").filter((c) => c.args.users === u).length;
    expect(h.fake.channels.get("DULEE")!.messages).toHaveLength(2);
    expect(opens("ULEE")).toBe(1);
    h.fake.fail({ method: "chat.postMessage", times: 1, error: "channel_not_found", when: (a) => a.channel === "DULEE" });
    await h.slack.command("declare urgent Payments down", user("dana"));
    await h.settle();
    await h.slack.command("declare urgent Invoices late", user("dana"));
    await h.settle();
    expect(
      h.fake.channels
        .get("DULEE")!
        .messages.map((m) => m.text)
        .join("\n"),
    ).toContain("Invoices late");
    expect(opens("ULEE")).toBe(2);
  });
});
