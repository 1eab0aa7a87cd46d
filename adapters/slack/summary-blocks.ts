import { words } from "../../src/core/incident/context.js";
import type { Policy } from "../../src/core/policy/schema.js";
import { deadlineOutcome, renderTimelineLines, type SummaryFacts } from "../../src/core/summary.js";
import { SUMMARY_TEXT } from "../../src/core/summary-text.js";
import type { SummaryDocument } from "../../src/ports/chat.js";
import type { Block } from "./blocks.js";
import { fit, LIMIT } from "./limits.js";
import { escapeText } from "./mentions.js";

// The after-action summary as a Block Kit document: a header, the facts as
// section fields (at most 10 per section), the deadlines as a table block
// (https://docs.slack.dev/reference/block-kit/blocks/table-block: rows of
// raw_text cells, at most 100 rows of 20 cells), the timeline and follow-ups
// as sections cut to Slack's limits, and a link to the full page. Within 50
// blocks whatever the incident's size: what does not fit is counted, and the
// page has it all.

const TABLE_ROWS = 100;

const field = (label: string, value: string) => ({
  type: "mrkdwn",
  text: fit(`*${escapeText(label)}*\n${escapeText(value)}`, LIMIT.field),
});
const section = (text: string): Block => ({ type: "section", text: { type: "mrkdwn", text: fit(text, LIMIT.sectionText) } });

/** Lines into as few sections as fit (3,000 units each), at most `room` of them; the lines left over are counted. */
function sections(lines: string[], room: number, more: (n: number) => string): Block[] {
  if (room < 1) return [];
  const chunks: string[] = [];
  let current = "";
  for (const [i, raw] of lines.entries()) {
    const line = fit(raw, LIMIT.sectionText);
    if (current && current.length + 1 + line.length > LIMIT.sectionText) {
      if (chunks.length + 1 >= room) {
        const tail = more(lines.length - i);
        chunks.push(`${fit(current, LIMIT.sectionText - tail.length - 1)}\n${tail}`);
        return chunks.map(section);
      }
      chunks.push(current);
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks.map(section);
}

export function summaryBlocks(policy: Policy, doc: SummaryDocument): { text: string; blocks: Block[] } {
  const f: SummaryFacts = doc.facts;
  const w = words(policy);
  const s = SUMMARY_TEXT[policy.locale];
  const when = (at?: string) => (at ? w.time(at) : s.notYet);
  const mins = (m?: number) => (m === undefined ? s.notYet : w.dur(m));
  const title = `${f.drill ? `[${w.t.drill}] ` : ""}${f.label} ${f.title} — ${s.title}`;

  const blocks: Block[] = [{ type: "header", text: { type: "plain_text", text: fit(title, LIMIT.header), emoji: true } }];
  if (f.drill) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeText(s.drill) }] });

  const facts = [
    field(s.severity, w.severity(f.severity)),
    field(s.kind, w.kind(f.kind)),
    ...(f.customer ? [field(s.customer, f.customer)] : []),
    field(s.declared, w.time(f.declaredAt)),
    field(s.acknowledged, when(f.acknowledgedAt)),
    field(s.resolved, when(f.resolvedAt)),
    field(s.accepted, when(f.acceptedAt)),
    field(s.closed, when(f.closedAt)),
    field(s.duration, mins(f.durationMinutes)),
    ...(f.returnCall ? [field(s.returnCall, `${w.time(f.returnCall.at)}, ${f.returnCall.reached ? s.reached : s.unreached}`)] : []),
    ...(f.satisfaction !== undefined ? [field(s.satisfaction, `${f.satisfaction}/5`)] : []),
  ];
  for (let i = 0; i < facts.length; i += LIMIT.fields) blocks.push({ type: "section", fields: facts.slice(i, i + LIMIT.fields) });
  const people = f.people.map((p) => `${w.name(p.personId)} (${p.roles.map((r) => w.t.role[r] ?? r).join(", ")})`).join("; ") || s.none;
  blocks.push(section(`*${escapeText(s.people)}*\n${escapeText(people)}`));

  blocks.push({ type: "divider" });
  blocks.push({
    type: "section",
    text: { type: "mrkdwn", text: `*${escapeText(s.figures)}*` },
    fields: [
      field(s.tta, mins(f.timeToAcknowledgeMinutes)),
      field(s.ttr, mins(f.timeToFirstResponseMinutes)),
      field(s.ttres, mins(f.timeToResolveMinutes)),
      field(s.escalations, String(f.escalations)),
    ],
  });

  if (f.deadlines.length) {
    blocks.push(section(`*${escapeText(s.deadlines)}*`));
    const cell = (text: string) => ({ type: "raw_text", text: fit(text, LIMIT.field) || "-" });
    const rows = f.deadlines.slice(0, TABLE_ROWS - 1).map((d) => [cell(d.name), cell(w.time(d.dueAt)), cell(deadlineOutcome(policy, d))]);
    blocks.push({
      type: "table",
      column_settings: [{ is_wrapped: true }, {}, { is_wrapped: true }],
      rows: [s.deadlineColumns.map(cell), ...rows],
    });
    if (f.deadlines.length > rows.length)
      blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: s.more(f.deadlines.length - rows.length) }] });
  }

  if (f.severityChanges.length) {
    const lines = f.severityChanges.map((c) => `• ${w.time(c.at)}: ${w.severity(c.from)} → ${w.severity(c.to)} (${c.reason})`);
    blocks.push(section(escapeText([`*${s.severityChanges}*`, ...lines].join("\n"))));
  }

  const followUps = [...f.followUps]
    .sort((a, b) => (a.status === b.status ? 0 : a.status === "open" ? -1 : 1))
    .map((x) => `${x.status === "done" ? "☑" : "☐"} ${x.id} ${x.text} (${s.owner} ${w.name(x.ownerId)}, ${s.due} ${x.due ?? "-"})`);
  const tail: Block[] = [section(escapeText([`*${s.followUps}*`, ...(followUps.length ? followUps : [s.none])].join("\n")))];
  if (f.deliveryFailures)
    tail.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeText(s.deliveryFailures(f.deliveryFailures)) }] });
  if (doc.link) tail.push(section(`<${doc.link}|${escapeText(s.fullPage)}>`));

  // The timeline takes the blocks left: the page has every entry.
  blocks.push({ type: "divider" }, section(`*${escapeText(s.timeline)}*`));
  const room = LIMIT.messageBlocks - blocks.length - tail.length;
  blocks.push(
    ...sections(
      renderTimelineLines(policy, f.entries).map((l) => `• ${escapeText(l)}`),
      room,
      s.more,
    ),
  );
  blocks.push(...tail);
  return { text: fit(title, LIMIT.fallbackText), blocks };
}
