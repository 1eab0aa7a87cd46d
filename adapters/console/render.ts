import type { Policy } from "../../src/core/policy/schema.js";
import { alertLines, type IncidentCard, type PageView } from "../../src/core/views.js";

// Plain-text rendering for the terminal: mentions become @Name, the card a box.

export function renderMentions(policy: Policy, text: string): string {
  return text
    .replace(/@\{([^}]+)\}/g, (_, id: string) => `@${policy.people[id]?.name ?? id.replace(/^[a-z][a-z0-9_-]*:/, "")}`)
    .replace(/#\{([^}]+)\}/g, "#$1") // a room link: the console's rooms are named by their id
    .replace(/\*([^*\n]+)\*/g, "$1");
}

export function renderCard(card: IncidentCard): string[] {
  const title = `${card.drill ? "[DRILL] " : ""}${card.label} ${card.title}`;
  const lines = [title, ...card.fields.map((f) => `${f.label}: ${f.value}`), ...(card.alert ? alertLines(card.alert) : [])];
  for (const d of card.deadlines) lines.push(`  • ${d.name}: ${d.dueText}`);
  for (const w of card.warnings) lines.push(w);
  if (card.actions.length) lines.push(`[ ${card.actions.map((a) => a.label).join(" ] [ ")} ]`);
  const width = Math.min(100, Math.max(...lines.map(displayWidth)) + 2);
  const bar = "─".repeat(width);
  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l}${" ".repeat(Math.max(0, width - 1 - displayWidth(l)))}│`), `└${bar}┘`];
}

export function renderPage(view: PageView, number: string): string {
  if (view.acknowledged) return `${view.text} — ${view.acknowledged.by} ✅`;
  return `${view.text}  [ ${view.ackLabel}: /incident ack #${number} ]`;
}

/** CJK characters take two terminal columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
