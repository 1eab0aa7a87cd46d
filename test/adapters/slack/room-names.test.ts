import { afterEach, describe, expect, it } from "vitest";
import { slackHarness, user, type SlackHarness } from "./slack-harness.js";

let h: SlackHarness;
afterEach(async () => h?.close());

async function declared(title: string): Promise<string> {
  await h.slack.command(`declare urgent ${title} --kind complaint`, user("dana"));
  await h.settle();
  return String(h.fake.callsTo("conversations.create").at(-1)!.args.name);
}

describe("Slack channel names", () => {
  it("fold accents and stay within Slack's rules (lower case ASCII letters, digits, - and _, 80 at most)", async () => {
    h = await slackHarness();
    expect(await declared("très urgent")).toBe("inc-1-tres-urgent");
    expect(await declared("结账失败")).toBe("inc-2");
    expect(await declared("Straße gesperrt")).toBe("inc-3-strasse-gesperrt");
    for (const c of h.fake.callsTo("conversations.create")) expect(String(c.args.name)).toMatch(/^[a-z0-9_-]{1,80}$/);
  });
});
