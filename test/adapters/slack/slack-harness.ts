import { buildSlackPlatform, SLACK_EVENTS_PATH, type SlackPlatform } from "../../../adapters/slack/platform.js";
import { loadConfig } from "../../../src/config.js";
import type { Policy } from "../../../src/core/policy/schema.js";
import { startWeb } from "../../../src/web/server.js";
import { FakeSlack } from "../../fakes/slack/fake-slack.js";
import { SlackSender } from "../../fakes/slack/slack-sender.js";
import { defaultPolicy } from "../../helpers/default-policy.js";
import { harness, type Harness } from "../../helpers/app-harness.js";

export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TOKEN = "xoxb-beacon-test";

/** The default policy with a Slack user id for everyone (U + upper-case person id). */
export function slackPolicy(base: Policy = defaultPolicy()): Policy {
  const people = Object.fromEntries(
    Object.entries(base.people).map(([id, p]) => [id, { ...p, ids: { ...p.ids, slack: `U${id.toUpperCase()}` } }]),
  );
  return { ...base, people };
}

export const user = (personId: string) => ({ id: `U${personId.toUpperCase()}`, name: personId });

export interface SlackHarness extends Harness {
  fake: FakeSlack;
  slack: SlackSender;
  platform: SlackPlatform;
  /** Wait for every handler Beacon started after acknowledging Slack. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Beacon with the real Bolt in HTTP mode on its own web server, talking to a
 * fake Slack Web API on loopback; store, clock and scheduler from the app
 * harness (manual clock: timers fire when a test advances it).
 */
export async function slackHarness(
  opts: {
    policy?: Policy;
    env?: Record<string, string>;
    /** Workspace members known by email: email → member id. */ members?: Record<string, string>;
  } = {},
): Promise<SlackHarness> {
  const policy = opts.policy ?? slackPolicy();
  const fake = await FakeSlack.start({
    token: TOKEN,
    users: Object.values(policy.people)
      .map((p) => p.ids.slack!)
      .filter(Boolean),
  });
  for (const [email, id] of Object.entries(opts.members ?? {})) {
    fake.emails.set(email, id);
    fake.users.add(id);
  }
  const h = await harness({ policy });
  const config = loadConfig({
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_RETRIES: "2",
    ...opts.env,
  });
  const platform = buildSlackPlatform(config.env, h.deps)!;
  const web = await startWeb({ port: 0, host: "127.0.0.1", store: h.store, clock: h.clock, probes: [], routes: platform.routes });
  await platform.start();
  const slack = new SlackSender(`http://127.0.0.1:${web.port}${SLACK_EVENTS_PATH}`, SECRET, fake);
  return {
    ...h,
    fake,
    slack,
    platform,
    settle: async () => {
      await platform.idle();
      await h.scheduler.idle(); // the deliveries the commands committed
    },
    advance: async (minutes) => {
      await h.advance(minutes);
      await platform.idle();
      await h.scheduler.idle();
    },
    close: async () => {
      await platform.stop();
      await web.close();
      await h.scheduler.stop();
      await fake.close();
    },
  };
}
