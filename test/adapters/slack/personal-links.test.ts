import { afterEach, describe, expect, it } from "vitest";
import { reviewSide } from "../../../src/compose/review.js";
import { loadConfig } from "../../../src/config.js";
import { slackHarness, user, type SlackHarness } from "./slack-harness.js";

let h: SlackHarness;
afterEach(async () => h?.close());

describe("a personal login link on Slack", () => {
  it("goes to the person alone, with link previews off so Slack's unfurler cannot spend it", async () => {
    h = await slackHarness();
    reviewSide(loadConfig({ BEACON_PUBLIC_URL: "https://beacon.example.com" }), h.deps, "0123456789abcdef0123456789abcdef");
    await h.slack.command("declare urgent Checkout down", user("dana"));
    await h.settle();
    const answered = h.fake.responses.length;
    await h.slack.command("summary #1", user("dana"));
    await h.settle();
    const [reply] = h.fake.responses.slice(answered);
    expect(String(reply!.body.text)).toMatch(/https:\/\/beacon\.example\.com\/r\/[\w-]{43}/);
    expect(reply!.body).toMatchObject({ response_type: "ephemeral", unfurl_links: false, unfurl_media: false });
  });

  it("is not given to a Slack user outside the policy", async () => {
    h = await slackHarness();
    reviewSide(loadConfig({ BEACON_PUBLIC_URL: "https://beacon.example.com" }), h.deps, "0123456789abcdef0123456789abcdef");
    await h.slack.command("declare urgent Checkout down", user("dana"));
    await h.settle();
    const answered = h.fake.responses.length;
    await h.slack.command("summary #1", { id: "UOUTSIDER", name: "outsider" });
    await h.settle();
    const [reply] = h.fake.responses.slice(answered);
    expect(String(reply!.body.text)).toContain("Checkout down");
    expect(String(reply!.body.text)).not.toMatch(/\/r\//);
  });
});
