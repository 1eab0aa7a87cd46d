import type { Home } from "../../src/app/home.js";
import { messages } from "../../src/core/i18n/index.js";
import type { Policy } from "../../src/core/policy/schema.js";
import { ACTION, type Block } from "./blocks.js";
import { fit, LIMIT } from "./limits.js";
import { escapeText, slackMentions } from "./mentions.js";

// The App Home tab (https://api.slack.com/surfaces/app-home): the pages
// waiting for this person, each with its Acknowledge button (the same action
// as on the page itself), and the open incidents they are on, linked to their
// channels. Published with views.publish; at most 100 blocks.

const MAX_PAGES = 30;
const MAX_INCIDENTS = 50;

export function homeView(policy: Policy, home: Home, notice?: string): { type: "home"; blocks: Block[] } {
  const t = messages(policy.locale);
  const blocks: Block[] = [];
  const context = (text: string): Block => ({ type: "context", elements: [{ type: "mrkdwn", text: fit(text, LIMIT.field) }] });
  if (notice) blocks.push(context(slackMentions(policy, notice)));
  if (!home.known) blocks.push(context(escapeText(t.home.unknown)));
  blocks.push({ type: "header", text: { type: "plain_text", text: fit(t.home.pages, LIMIT.header), emoji: true } });
  if (!home.pages.length) blocks.push(context(escapeText(t.home.noPages)));
  for (const page of home.pages.slice(0, MAX_PAGES)) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: fit(slackMentions(policy, page.text), LIMIT.sectionText) },
      accessory: {
        type: "button",
        action_id: ACTION.ackPage,
        style: "primary",
        text: { type: "plain_text", text: fit(page.ackLabel, LIMIT.buttonText), emoji: true },
        value: JSON.stringify({ i: page.incidentId, p: page.pageId }),
      },
    });
  }
  blocks.push(
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: fit(t.home.incidents, LIMIT.header), emoji: true } },
  );
  if (!home.incidents.length) blocks.push(context(escapeText(t.home.noIncidents)));
  for (const i of home.incidents.slice(0, MAX_INCIDENTS)) {
    const where = i.room ? ` · <#${i.room.channelId}>` : "";
    const text = `${i.drill ? `[${escapeText(t.drill)}] ` : ""}*${i.label}* ${escapeText(i.title)} · ${escapeText(i.severity)} · ${escapeText(t.status[i.status] ?? i.status)}${where}`;
    blocks.push({ type: "section", text: { type: "mrkdwn", text: fit(text, LIMIT.sectionText) } });
  }
  return { type: "home", blocks };
}
