import type { Policy } from "../../src/core/policy/schema.js";

// Core text writes mentions as `@{personId}` (or a group id) and bold as
// `*text*`, which is already Slack mrkdwn. Slack mentions a user as `<@U…>`
// and a user group as `<!subteam^S…>`; anyone without a Slack id is named.

export function slackMentions(policy: Policy, text: string): string {
  return escapeText(text)
    .replace(/@\{([^}]+)\}/g, (_, id: string) => {
      const person = policy.people[id];
      if (person) return person.ids.slack ? `<@${person.ids.slack}>` : `*${escapeText(person.name)}*`;
      const group = policy.groups[id];
      if (group) return group.ids.slack ? `<!subteam^${group.ids.slack}>` : `*${escapeText(group.name[policy.locale] ?? id)}*`;
      // Someone the policy does not know, by their platform user id (`slack:U…`).
      const user = /^([a-z][a-z0-9_-]*):(.+)$/.exec(id);
      if (user) return user[1] === "slack" && SLACK_USER.test(user[2]!) ? `<@${user[2]}>` : user[2]!;
      return id;
    })
    .replace(/#\{([A-Z0-9]+)\}/g, "<#$1>"); // a room link: Slack shows the channel's name, linked
}

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

/** Slack's three control characters in mrkdwn text (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The Slack user ids of policy people (skipping anyone without one), and of users known only by their Slack id. */
export function slackUserIds(policy: Policy, personIds: string[], users: string[] = []): string[] {
  const ids = [...personIds.map((p) => policy.people[p]?.ids.slack), ...users.filter((u) => SLACK_USER.test(u))];
  return [...new Set(ids.filter((u): u is string => !!u))];
}
