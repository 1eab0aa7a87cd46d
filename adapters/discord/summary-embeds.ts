// The after-action summary as Discord embeds: the headline facts and the
// figures as inline fields, each deadline as a field (name, then due time and
// outcome), the other sections (severity changes, timeline, follow-ups) as
// embed descriptions, the title linking to the full incident page. Read from
// the core's Markdown document, whose shape is fixed: `# title`, `## section`,
// `- **label**: value` and `- label: value` lines, `| a | b | c |` tables.
// Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
// 10 embeds a message, 6,000 characters across them, 25 fields, title 256,
// description 4,096, field name 256 and value 1,024.

export const EMBED = { perMessage: 10, total: 6000, fields: 25, title: 256, description: 4096, fieldName: 256, fieldValue: 1024 };

export interface Embed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  fields?: Array<{ name: string; value: string; inline: boolean }>;
}

/** At most `max` UTF-16 units (the stricter count), never half a character, "…" when cut. */
export function fit(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = "";
  for (const c of s) {
    if (out.length + c.length > max - 1) break;
    out += c;
  }
  return `${out}…`;
}

const size = (e: Embed) =>
  (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

type Field = { name: string; value: string; inline: boolean };
const field = (name: string, value: string, inline = true): Field => ({
  name: fit(name.trim() || "—", EMBED.fieldName),
  value: fit(value.trim() || "—", EMBED.fieldValue),
  inline,
});

/** A section's lines → fields (label: value lines, or table rows), or else its text. */
function readSection(lines: string[]): { fields: Field[]; text: string[] } {
  const body = lines.filter((l) => l.trim());
  const labelled = body.map((l) => /^- (?:\*\*(.+?)\*\*|([^:[\]]+)): (.*)$/.exec(l));
  if (body.length && labelled.every(Boolean)) return { fields: labelled.map((m) => field(m![1] ?? m![2]!, m![3]!)), text: [] };
  if (body.length && body.every((l) => l.startsWith("|"))) {
    const rows = body.filter((l) => !/^\|\s*-/.test(l)).slice(1);
    const cells = (l: string) =>
      l
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((c) => c.trim());
    return { fields: rows.map((r) => cells(r)).map(([name = "", ...rest]) => field(name, rest.join(" · "), false)), text: [] };
  }
  const text = body.map((l) =>
    l
      .replace(/^- \[x\] /, "☑ ")
      .replace(/^- \[ \] /, "☐ ")
      .replace(/^- /, "• ")
      .replace(/^> /, ""),
  );
  return { fields: [], text };
}

/** Fields in groups an embed can hold: 25 at most, and (with a title and a description beside them) within the message total. */
function fieldGroups(fields: Field[]): Field[][] {
  const room = EMBED.total - EMBED.title - EMBED.description;
  const groups: Field[][] = [];
  let current: Field[] = [];
  let used = 0;
  for (const f of fields) {
    const n = f.name.length + f.value.length;
    if (current.length && (current.length === EMBED.fields || used + n > room)) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(f);
    used += n;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Lines joined into descriptions of at most `max` units, split between lines. */
function paragraphs(lines: string[], max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = fit(raw, max);
    if (current && current.length + 1 + line.length > max) {
      out.push(current);
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(current);
  return out;
}

export function summaryEmbeds(markdown: string, link?: string): Embed[] {
  const sections: Array<{ heading?: string; lines: string[] }> = [{ lines: [] }];
  let title = "";
  for (const line of markdown.split("\n")) {
    if (!title && line.startsWith("# ")) title = line.slice(2);
    else if (line.startsWith("## ")) sections.push({ heading: line.slice(3), lines: [] });
    else sections.at(-1)!.lines.push(line);
  }
  const embeds: Embed[] = [];
  for (const [i, s] of sections.entries()) {
    const head = i === 0;
    const notes = head ? s.lines.filter((l) => l.startsWith("> ")) : [];
    const { fields, text } = readSection(head ? s.lines.filter((l) => !l.startsWith("> ")) : s.lines);
    const name = head ? title : (s.heading ?? "");
    const texts = paragraphs([...notes.map((l) => l.slice(2)), ...text], EMBED.description);
    const groups = fieldGroups(fields);
    const chunks = Math.max(groups.length, texts.length, 1);
    for (let n = 0; n < chunks; n++) {
      const e: Embed = {};
      if (n === 0) e.title = fit(name, EMBED.title);
      if (head && n === 0) {
        e.color = 0x546e7a;
        if (link) e.url = link;
      }
      if (texts[n]) e.description = texts[n];
      const part = groups[n];
      if (part?.length) e.fields = part;
      if (e.title || e.description || e.fields) embeds.push(e);
    }
  }
  return embeds;
}

/** Embeds packed into messages: 10 at most, 6,000 characters at most across a message's embeds. */
export function packEmbeds(embeds: Embed[]): Embed[][] {
  const messages: Embed[][] = [];
  let current: Embed[] = [];
  let total = 0;
  for (const e of embeds) {
    if (current.length && (current.length === EMBED.perMessage || total + size(e) > EMBED.total)) {
      messages.push(current);
      current = [];
      total = 0;
    }
    current.push(e);
    total += size(e);
  }
  if (current.length) messages.push(current);
  return messages;
}
