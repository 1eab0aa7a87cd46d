import { afterEach, describe, expect, it } from "vitest";
import { buildSlackPlatform, type SlackPlatform } from "../../../adapters/slack/platform.js";
import { FakeSlack } from "../../fakes/slack/fake-slack.js";
import { harness } from "../../helpers/app-harness.js";
import { slackPolicy, TOKEN, user } from "./slack-harness.js";

let fake: FakeSlack | undefined;
let platform: SlackPlatform | undefined;
afterEach(async () => {
  await platform?.stop();
  await fake?.close();
  platform = fake = undefined;
});

describe("Slack in Socket Mode", () => {
  it("connects with the app-level token, acknowledges a slash command envelope at once and declares the incident", async () => {
    const policy = slackPolicy();
    fake = await FakeSlack.start({ token: TOKEN, users: Object.values(policy.people).map((p) => p.ids.slack!) });
    const h = await harness({ policy });
    platform = buildSlackPlatform({ SLACK_BOT_TOKEN: TOKEN, SLACK_APP_TOKEN: fake.appToken, SLACK_API_URL: fake.apiUrl }, h.deps)!;
    expect(platform.routes).toEqual([]); // nothing listens for HTTP in Socket Mode
    await platform.start();
    await fake.socketMode.connected();
    expect(fake.callsTo("apps.connections.open")).toHaveLength(1);

    const u = user("dana");
    const ack = await fake.socketMode.send("slash_commands", {
      token: "unused",
      team_id: "T1",
      team_domain: "fake",
      channel_id: "CGENERAL",
      channel_name: "general",
      user_id: u.id,
      user_name: u.name,
      command: "/incident",
      text: "declare urgent Checkout down",
      api_app_id: "A1",
      response_url: fake.responseUrl(),
      trigger_id: fake.triggerId(),
    });
    expect(ack.ms).toBeLessThan(1000);
    await platform.idle();
    await h.scheduler.idle();
    expect(fake.channelNamed("inc-1-checkout-down")).toBeDefined();
    expect(fake.channels.get("DULEE")!.messages).toHaveLength(1);
    expect(String(fake.responses[0]!.body.text)).toMatch(/INC-1 declared/);
    await platform.stop();
    for (let i = 0; i < 100 && fake.socketMode.connections; i++) await new Promise((r) => setTimeout(r, 20));
    expect(fake.socketMode.connections).toBe(0); // the close handshake completed
    platform = undefined;
  });
});
