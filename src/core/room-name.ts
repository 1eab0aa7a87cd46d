import { localDateKey } from "./calendar/zoned.js";
import type { Incident } from "./model.js";
import type { Policy } from "./policy/schema.js";

/** The longest room name, in characters (code points): the smallest platform limit (80). Each platform narrows it to its own rules. */
export const MAX_ROOM_NAME = 80;

/** Latin letters that have no decomposition to fold: ß → ss, æ → ae… */
const LATIN_LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h" };

/**
 * Letters of every script, readable: accents on Latin letters folded
 * ("très" → "tres", "Straße" → "strasse"), other scripts kept as written
 * (Chinese, Cyrillic, Hindi with its vowel signs), lower case.
 */
function foldLetters(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (c) => LATIN_LETTERS[c] ?? c);
}

/** At most `n` characters, never half a surrogate pair. */
const cut = (s: string, n: number) => [...s].slice(0, n).join("");

/** Letters and digits of any script joined by hyphens: everything else (spaces, punctuation, emoji) separates words. */
function hyphenate(s: string, keep = ""): string {
  return s
    .replace(new RegExp(`[^\\p{L}\\p{M}\\p{N}${keep}]+`, "gu"), "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A title as part of a room name: "Très urgent: checkout down!" → "tres-urgent-checkout-down"; "结账失败" stays "结账失败". */
function slugify(title: string): string {
  return cut(hyphenate(foldLetters(title)), 40).replace(/-+$/, "");
}

/**
 * The room name from the policy's template: {number}, {date} (YYYYMMDD in
 * the calendar zone), {slug}, {severity}. Letters of any script stay; each
 * platform narrows the name to what it allows (a platform whose channel names
 * are ASCII drops the rest).
 */
export function roomName(policy: Policy, incident: Incident): string {
  const date = localDateKey(new Date(incident.declaredAt), policy.calendar.timeZone).replace(/-/g, "");
  const name = hyphenate(
    foldLetters(
      policy.room.nameTemplate
        .replace("{number}", String(incident.number))
        .replace("{date}", date)
        .replace("{slug}", slugify(incident.title))
        .replace("{severity}", incident.severity),
    ),
    "_-",
  );
  return cut(incident.drill ? `drill-${name}` : name, MAX_ROOM_NAME).replace(/-+$/, "");
}

export function roomTopic(policy: Policy, incident: Incident): string {
  const sev = policy.severities[incident.severity]?.name[policy.locale] ?? incident.severity;
  return `${incident.drill ? "[DRILL] " : ""}INC-${incident.number} · ${sev} · ${incident.title}`.slice(0, 250);
}
