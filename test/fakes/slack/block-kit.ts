// Block Kit as Slack checks it before accepting a message or a view
// (https://api.slack.com/reference/block-kit/blocks,
// https://api.slack.com/reference/block-kit/block-elements,
// https://api.slack.com/reference/block-kit/composition-objects): lengths in
// UTF-16 code units, well-formed text only (half a surrogate pair is refused),
// known block types only. The first problem found is returned, worded like
// the `errors` Slack sends with `invalid_blocks`; undefined when valid.

type Json = Record<string, unknown>;

export const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

function text(value: unknown, max: number, where: string, plainOnly = false): string | undefined {
  const t = value as { type?: string; text?: unknown } | undefined;
  if (!t || typeof t.text !== "string") return `${where} must be a text object`;
  if (t.type !== "plain_text" && (plainOnly || t.type !== "mrkdwn"))
    return `${where} must be ${plainOnly ? "plain_text" : "a text object"}`;
  if (!t.text.length) return `${where} must be at least 1 character`;
  if (t.text.length > max) return `${where} must be less than ${max + 1} characters`;
  if (!wellFormed(t.text)) return `${where} is not valid UTF-16 (a lone surrogate)`;
  return undefined;
}

function element(e: Json, where: string): string | undefined {
  if (e.type === "button") {
    const problem = text(e.text, 75, `${where}.text`, true);
    if (problem) return problem;
    if (typeof e.value === "string" && e.value.length > 2000) return `${where}.value must be less than 2001 characters`;
    if (typeof e.url === "string" && e.url.length > 3000) return `${where}.url must be less than 3001 characters`;
    if (typeof e.action_id === "string" && e.action_id.length > 255) return `${where}.action_id must be less than 256 characters`;
    return undefined;
  }
  return undefined; // other elements (inputs in modals) are checked by the forms tests
}

const TYPES = new Set(["section", "header", "context", "actions", "divider", "input", "image", "rich_text", "table"]);

function block(b: Json, where: string): string | undefined {
  if (!TYPES.has(String(b.type))) return `${where}.type "${String(b.type)}" is not a block type`;
  if (typeof b.block_id === "string" && b.block_id.length > 255) return `${where}.block_id must be less than 256 characters`;
  switch (b.type) {
    case "header":
      return text(b.text, 150, `${where}.text`, true);
    case "section": {
      if (b.text === undefined && b.fields === undefined) return `${where} must have text or fields`;
      if (b.text !== undefined) {
        const problem = text(b.text, 3000, `${where}.text`);
        if (problem) return problem;
      }
      if (b.fields !== undefined) {
        const fields = b.fields as unknown[];
        if (!Array.isArray(fields) || !fields.length) return `${where}.fields must not be empty`;
        if (fields.length > 10) return `${where}.fields must have at most 10 items`;
        for (const [i, f] of fields.entries()) {
          const problem = text(f, 2000, `${where}.fields[${i}]`);
          if (problem) return problem;
        }
      }
      if (b.accessory) return element(b.accessory as Json, `${where}.accessory`);
      return undefined;
    }
    case "context": {
      const elements = b.elements as Json[];
      if (!Array.isArray(elements) || !elements.length) return `${where}.elements must not be empty`;
      if (elements.length > 10) return `${where}.elements must have at most 10 items`;
      for (const [i, e] of elements.entries()) {
        const problem = text(e, 3000, `${where}.elements[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    case "actions": {
      const elements = b.elements as Json[];
      if (!Array.isArray(elements) || !elements.length) return `${where}.elements must not be empty`;
      if (elements.length > 25) return `${where}.elements must have at most 25 items`;
      for (const [i, e] of elements.entries()) {
        const problem = element(e, `${where}.elements[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    case "table": {
      // https://docs.slack.dev/reference/block-kit/blocks/table-block: at most 100 rows of at most 20 cells, raw_text or rich_text.
      const rows = b.rows as Json[][];
      if (!Array.isArray(rows) || !rows.length) return `${where}.rows must not be empty`;
      if (rows.length > 100) return `${where}.rows must have at most 100 items`;
      for (const [r, row] of rows.entries()) {
        if (!Array.isArray(row) || !row.length || row.length > 20) return `${where}.rows[${r}] must have 1 to 20 cells`;
        for (const [c, cell] of row.entries()) {
          if (cell.type === "rich_text") continue;
          if (cell.type !== "raw_text" || typeof cell.text !== "string" || !cell.text.length)
            return `${where}.rows[${r}][${c}] must be a raw_text cell with text`;
          if (!wellFormed(cell.text)) return `${where}.rows[${r}][${c}] is not valid UTF-16 (a lone surrogate)`;
        }
      }
      if (Array.isArray(b.column_settings) && b.column_settings.length > 20) return `${where}.column_settings must have at most 20 items`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Problems with a message's or a view's blocks (`max`: 50 for a message, 100 for a modal or Home tab). */
export function blockKitProblem(blocks: unknown, max: number): string | undefined {
  if (!Array.isArray(blocks)) return "blocks must be an array";
  if (blocks.length > max) return `must have at most ${max} blocks`;
  if (blocks.filter((b) => (b as Json).type === "table").length > 1) return "only one table block is allowed per message";
  for (const [i, b] of blocks.entries()) {
    const problem = block(b as Json, `[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}
