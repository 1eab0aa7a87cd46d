import type { PlatformModule } from "../../src/app/platform-module.js";

/**
 * Slack as Beacon's platform list knows it: member ids (U…, W…) and
 * user-group ids (S…) in the policy's `ids.slack`. The Bolt side is loaded
 * only when Slack is built, so a process that does not serve it never loads it.
 */
export const slackModule: PlatformModule = {
  identity: {
    name: "slack",
    checkUserId: (id) => (/^[UW][A-Z0-9]{2,}$/.test(id) ? undefined : "a Slack member id like U012AB3CD"),
    checkGroupId: (id) => (/^S[A-Z0-9]{2,}$/.test(id) ? undefined : "a Slack user-group id like S0614TZR7"),
  },
  build: async (env, deps) => (env.SLACK_BOT_TOKEN ? (await import("./platform.js")).buildSlackPlatform(env, deps) : undefined),
};
