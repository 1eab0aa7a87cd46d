import type { Policy } from "../../src/core/policy/schema.js";
import type { CardAction, CardAlert, IncidentCard, PageView } from "../../src/core/views.js";
import type { PostAction } from "../../src/ports/chat.js";
import { fit, LIMIT } from "./limits.js";
import { escapeText, slackMentions } from "./mentions.js";

// Block Kit for the live incident card and for pages. Everything shown comes
// from the core's view models; this file only lays it out.

export const ACTION = {
  acknowledge: "beacon_acknowledge",
  escalate: "beacon_escalate",
  note: "beacon_note",
  resolve: "beacon_resolve",
  ackPage: "beacon_ack_page",
} as const;

export type Block = { type: string; block_id?: string; [key: string]: unknown };

const STATE_ICON: Record<string, string> = { running: "⏳", met: "✅", missed: "❌", overdue: "🔴", stopped: "⏹" };
const SEVERITY_ICON = (level: number) => (level <= 1 ? "🔴" : level === 2 ? "🟠" : "🟡");

export function cardBlocks(card: IncidentCard): { text: string; blocks: Block[] } {
  const title = `${SEVERITY_ICON(card.severityLevel)} ${card.drill ? "[DRILL] " : ""}${card.label} ${card.title}`;
  const blocks: Block[] = [
    { type: "header", text: { type: "plain_text", text: fit(title, LIMIT.header), emoji: true } },
    {
      type: "section",
      fields: card.fields
        .slice(0, LIMIT.fields)
        .map((f) => ({ type: "mrkdwn", text: fit(`*${escapeText(f.label)}*\n${escapeText(f.value)}`, LIMIT.field) })),
    },
  ];
  if (card.alert) blocks.push(...alertBlocks(card.alert));
  if (card.deadlines.length) {
    const lines = card.deadlines.map((d) => `${STATE_ICON[d.state] ?? "•"} *${escapeText(d.name)}*: ${escapeText(d.dueText)}`);
    blocks.push({ type: "section", text: { type: "mrkdwn", text: fit(lines.join("\n"), LIMIT.sectionText) } });
  }
  for (const w of card.warnings)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: fit(`⚠️ ${escapeText(w)}`, LIMIT.field) }] });
  if (card.actions.length) {
    blocks.push({
      type: "actions",
      block_id: "beacon_card",
      elements: card.actions.map((a) => button(a.action, a.label, card.incidentId)),
    });
  }
  return {
    text: fit(`${card.drill ? "[DRILL] " : ""}${card.label} ${card.title} · ${card.severity} · ${card.status}`, LIMIT.fallbackText),
    blocks,
  };
}

/** The alert's labels as code spans, its links as links (the URLs the core lets through have no `|`, `<` or `>`). */
function alertBlocks(alert: CardAlert): Block[] {
  const labels = alert.labels.map((l) => `\`${escapeText(`${l.name}=${l.value}`).replace(/`/g, "'")}\``).join("  ");
  const more = alert.more ? `  (+${alert.more})` : "";
  const links = alert.links.map((l) => `<${l.url.replace(/&/g, "&amp;")}|${escapeText(l.label)}>`).join(" · ");
  const lines = [
    ...(alert.labels.length ? [`🔔 *${escapeText(alert.heading)}*: ${labels}${more}`] : []),
    ...(links ? [`🔗 *${escapeText(alert.linksHeading)}*: ${links}`] : []),
  ];
  return lines.length ? [{ type: "section", text: { type: "mrkdwn", text: fit(lines.join("\n"), LIMIT.sectionText) } }] : [];
}

function button(action: CardAction, label: string, incidentId: string): Block {
  const style = action === "acknowledge" ? { style: "primary" } : action === "resolve" ? { style: "primary" } : {};
  return {
    type: "button",
    action_id: ACTION[action],
    text: { type: "plain_text", text: fit(label, LIMIT.buttonText), emoji: true },
    value: incidentId,
    ...style,
  };
}

/** A room post with a button: its text in a section, then the card's button of the same action (same action id and value). */
export function postWithButton(mrkdwn: string, action: PostAction): { text: string; blocks: Block[] } {
  return {
    text: fit(mrkdwn, LIMIT.fallbackText),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: fit(mrkdwn, LIMIT.sectionText) } },
      { type: "actions", block_id: "beacon_post", elements: [button(action.action, action.label, action.incidentId)] },
    ],
  };
}

export function pageBlocks(policy: Policy, view: PageView): { text: string; blocks: Block[] } {
  const text = slackMentions(policy, view.text);
  const blocks: Block[] = [{ type: "section", text: { type: "mrkdwn", text: fit(text, LIMIT.sectionText) } }];
  if (!view.acknowledged && !view.closed) {
    blocks.push({
      type: "actions",
      block_id: "beacon_page",
      elements: [
        {
          type: "button",
          action_id: ACTION.ackPage,
          style: "primary",
          text: { type: "plain_text", text: fit(view.ackLabel, LIMIT.buttonText), emoji: true },
          value: JSON.stringify({ i: view.incidentId, p: view.pageId }),
        },
      ],
    });
  }
  return { text: fit(view.text.replace(/@\{[^}]+\}/g, ""), LIMIT.fallbackText), blocks };
}
