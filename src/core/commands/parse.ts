import type { AnyField } from "./fields.js";
import { UserError } from "../errors.js";
import { MAX_INCIDENT_NUMBER, readCommand, usageError, type RawCommand } from "./read.js";
import { optionName, tokenize, type Token } from "./tokenize.js";
import { VERBS, type Command, type Verb } from "./verbs.js";

// Text after `/incident` -> a typed Command, or a UserError that names the
// problem and the verb whose usage would have worked. The grammar comes from
// the verbs' specs: positional fields in order, the rest as `--options`.

export function parseCommand(input: string): Command {
  return readCommand(parseText(input));
}

/** The verb and the raw values typed, before they are read (platforms with forms prefill them). */
export function parseRaw(input: string): RawCommand {
  return parseText(input);
}

/** Find the verb the first words name, with any fields its alias presets. */
export function findVerb(words: string[]): { verb: Verb; used: number; preset: Record<string, unknown> } | undefined {
  const first = (words[0] ?? "help").toLowerCase();
  const second = words[1]?.toLowerCase();
  for (const verb of VERBS) {
    // An alias names the whole verb, whatever its words (`accept` is `customer accept`).
    const alias = verb.aliases && Object.hasOwn(verb.aliases, first) ? verb.aliases[first] : undefined;
    if (alias || (verb.words.length === 1 && verb.words[0] === first)) return { verb, used: 1, preset: { ...alias } };
  }
  const group = VERBS.filter((v) => v.words.length === 2 && v.words[0] === first);
  if (!group.length) return undefined;
  const named = group.find((v) => v.words[1] === second);
  if (named) return { verb: named, used: 2, preset: {} };
  const fallback = group.find((v) => v.groupDefault);
  return fallback ? { verb: fallback, used: 1, preset: {} } : undefined;
}

/** `#12` or `INC-12`: the incident a command names. */
export function incidentNumber(word: string | undefined): number | undefined {
  const m = word ? /^(?:#|inc-?)(\d{1,20})$/i.exec(word) : null;
  if (!m) return undefined;
  // Beyond what the store holds: still a number, and simply no such incident.
  return Math.min(Number(m[1]), MAX_INCIDENT_NUMBER + 1);
}

function parseText(input: string): RawCommand {
  const tokens = tokenize(input);
  const found = findVerb(tokens.slice(0, 2).map((t) => t.text));
  if (!found) throw new UserError("COMMAND.UNKNOWN", { word: tokens[0]!.text.slice(0, 40) });
  const { verb } = found;
  const rest = tokens.slice(found.used);
  const values: Record<string, unknown> = { ...found.preset };
  const words = takeOptions(verb, rest, values);
  let number: number | undefined;
  if (verb.incident) {
    number = incidentNumber(words[0]);
    if (number !== undefined) words.shift();
  }
  takePositionals(verb, words, values);
  return { verb, values, ...(number !== undefined ? { number } : {}) };
}

/** Pull `--name value` options out; what is left are the positional words, in order. */
function takeOptions(verb: Verb, tokens: Token[], values: Record<string, unknown>): string[] {
  const fields = Object.entries(verb.fields) as Array<[string, AnyField]>;
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const opt = optionName(tokens[i]!);
    if (!opt) {
      words.push(tokens[i]!.text);
      continue;
    }
    const entry = fields.find(([key, field]) => !field.positional && (key === opt.name || field.aliases.includes(opt.name)));
    if (!entry) {
      const options = fields.filter(([, field]) => !field.positional).map(([key]) => `--${key}`);
      throw usageError(verb, "unknownOption", { option: `--${opt.name}`, options: options.join(", ") || "-" });
    }
    const [key, field] = entry;
    if (opt.value !== undefined) values[key] = opt.value;
    else if (field.kind === "flag") values[key] = true;
    else if (i + 1 < tokens.length && !optionName(tokens[i + 1]!)) values[key] = tokens[++i]!.text;
    else throw usageError(verb, "missing", { field: key });
  }
  return words;
}

function takePositionals(verb: Verb, words: string[], values: Record<string, unknown>): void {
  for (const [key, field] of Object.entries(verb.fields) as Array<[string, AnyField]>) {
    if (field.positional === "word" && words.length) values[key] = words.shift();
    else if (field.positional === "rest" && words.length) values[key] = words.splice(0).join(" ");
  }
  if (words.length) throw usageError(verb, "unexpectedWords", { words: words.join(" ").slice(0, 80) });
}
