import type { Policy } from "../../src/core/policy/schema.js";
import type { CardAction, CardAlert, IncidentCard, PageView } from "../../src/core/views.js";
import type { PostAction } from "../../src/ports/chat.js";

// Embeds and buttons for the live incident card and pages, from the core's
// view models. Component and custom_id shapes follow Discord's API
// (https://discord.com/developers/docs/interactions/message-components).

export const ID = {
  card: (action: CardAction, incidentId: string) => `beacon:${action}:${incidentId}`,
  page: (incidentId: string, pageId: string) => `beacon:page:${incidentId}:${pageId}`,
};

const SUCCESS = 3;
const PRIMARY = 1;
const SECONDARY = 2;
const DANGER = 4;
const STYLE: Record<CardAction, number> = { acknowledge: SUCCESS, escalate: DANGER, note: SECONDARY, resolve: PRIMARY };
const COLOUR = (level: number) => (level <= 1 ? 0xd32f2f : level === 2 ? 0xf57c00 : 0xfbc02d);
const STATE_ICON: Record<string, string> = { running: "⏳", met: "✅", missed: "❌", overdue: "🔴", stopped: "⏹" };

/** `@{personId}` → `<@userId>`, `@{groupId}` → `<@&roleId>`; people without a Discord id are named in bold. */
export function discordMentions(policy: Policy, text: string): string {
  return text
    .replace(/@\{([^}]+)\}/g, (_, id: string) => {
      const person = policy.people[id];
      if (person) return person.ids.discord ? `<@${person.ids.discord}>` : `**${person.name}**`;
      const group = policy.groups[id];
      if (group) return group.ids.discord ? `<@&${group.ids.discord}>` : `**${group.name[policy.locale] ?? id}**`;
      // Someone the policy does not know, by their platform user id (`discord:123…`).
      const user = /^([a-z][a-z0-9_-]*):(.+)$/.exec(id);
      if (user) return user[1] === "discord" && /^\d+$/.test(user[2]!) ? `<@${user[2]}>` : user[2]!;
      return id;
    })
    .replace(/#\{(\d+)\}/g, "<#$1>") // a room link
    .replace(/(^|[^*])\*([^*\n]+)\*(?!\*)/g, "$1**$2**"); // core bold is *x*; Discord's is **x**
}

/** Who a message may ping: only the users and roles it mentions (never @everyone). */
export function allowedMentions(text: string) {
  return {
    parse: [] as string[],
    users: [...text.matchAll(/<@(\d+)>/g)].map((m) => m[1]!),
    roles: [...text.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!),
  };
}

export function cardMessage(card: IncidentCard) {
  const deadlines = card.deadlines.map((d) => `${STATE_ICON[d.state] ?? "•"} **${d.name}**: ${d.dueText}`).join("\n");
  const embed = {
    title: `${card.drill ? "[DRILL] " : ""}${card.label} ${card.title}`.slice(0, 256),
    color: COLOUR(card.severityLevel),
    fields: [
      ...card.fields.slice(0, 20).map((f) => ({ name: f.label.slice(0, 256), value: (f.value || "—").slice(0, 1024), inline: true })),
      ...(card.alert ? alertFields(card.alert) : []),
      ...(deadlines ? [{ name: "⏱", value: deadlines.slice(0, 1024), inline: false }] : []),
      ...card.warnings.map((w) => ({ name: "⚠️", value: w.slice(0, 1024), inline: false })),
    ],
  };
  const buttons = card.actions.map((a) => ({
    type: 2,
    style: STYLE[a.action],
    label: a.label.slice(0, 80),
    custom_id: ID.card(a.action, card.incidentId),
  }));
  return {
    content: "",
    embeds: [embed],
    components: buttons.length ? [{ type: 1, components: buttons }] : [],
    allowed_mentions: { parse: [] },
  };
}

/** The alert's labels as code spans, its links as masked links (the URLs the core lets through have no brackets or spaces). */
function alertFields(alert: CardAlert) {
  const labels =
    alert.labels.map((l) => `\`${`${l.name}=${l.value}`.replace(/`/g, "'")}\``).join(" ") + (alert.more ? ` (+${alert.more})` : "");
  // Whole links only: as many as fit in a field.
  let links = "";
  for (const l of alert.links) {
    const link = `${links ? " · " : ""}[${l.label.replace(/[[\]]/g, "")}](${l.url})`;
    if (links.length + link.length > 1024) break;
    links += link;
  }
  return [
    ...(alert.labels.length ? [{ name: `🔔 ${alert.heading}`.slice(0, 256), value: labels.slice(0, 1024), inline: false }] : []),
    ...(links ? [{ name: `🔗 ${alert.linksHeading}`.slice(0, 256), value: links, inline: false }] : []),
  ];
}

/** The components of a room post with a button: the card's button of the same action (same custom_id). */
export function postButton(action: PostAction) {
  return [
    {
      type: 1,
      components: [
        { type: 2, style: STYLE[action.action], label: action.label.slice(0, 80), custom_id: ID.card(action.action, action.incidentId) },
      ],
    },
  ];
}

export function pageMessage(policy: Policy, view: PageView) {
  const text = discordMentions(policy, view.text);
  const components =
    view.acknowledged || view.closed
      ? []
      : [
          {
            type: 1,
            components: [{ type: 2, style: SUCCESS, label: view.ackLabel.slice(0, 80), custom_id: ID.page(view.incidentId, view.pageId) }],
          },
        ];
  return { content: text.slice(0, 2000), components, allowed_mentions: { parse: [] } };
}
