// Slack's documented length limits, counted in UTF-16 code units as Slack
// counts them (https://api.slack.com/reference/block-kit/blocks,
// https://api.slack.com/methods/conversations.setTopic), and the one way
// Beacon shortens a text to fit them.

export const LIMIT = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a modal or the App Home. */
  viewBlocks: 100,
  header: 150,
  sectionText: 3000,
  fields: 10,
  field: 2000,
  contextElements: 10,
  buttonText: 75,
  topic: 250,
  /** The top-level `text` of a message with blocks (notifications): Slack truncates past 40,000; Beacon keeps it short. */
  fallbackText: 300,
} as const;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Lone surrogates (half of an emoji cut elsewhere) are dropped: Slack refuses text that is not well-formed. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` in at most `max` UTF-16 units: cut between whole characters (never
 * inside a surrogate pair or an emoji sequence), outside an `&amp;` entity
 * or a `<…>` link, with "…" at the end when something was cut.
 */
export function fit(text: string, max: number): string {
  const clean = text.replace(LONE_SURROGATE, "");
  if (clean.length <= max) return clean;
  let out = "";
  for (const { segment } of segmenter.segment(clean)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  // Do not leave half an entity or half a mention/link behind.
  out = out.replace(/&[a-z]*$/, "").replace(/<[^>]*$/, "");
  return `${out}…`;
}
