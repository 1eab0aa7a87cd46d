import type { AnyField } from "../../src/core/commands/fields.js";
import { readCommand } from "../../src/core/commands/read.js";
import { choicesOf } from "../../src/core/commands/usage.js";
import { GROUPS, VERBS, type Command, type Verb } from "../../src/core/commands/verbs.js";
import type { Policy } from "../../src/core/policy/schema.js";

// The /incident application command, derived from the verbs' specs: a verb of
// one word is a subcommand, a verb of two (`followup done`) a subcommand of a
// group; each field is a typed option (severity and kind as choices from the
// policy, a person as a user picker, a flag as a boolean), the incident an
// autocompleted number. Discord's limits apply: 25 subcommands or groups, 25
// options, 25 choices, 100-character descriptions, required options first.
// https://discord.com/developers/docs/interactions/application-commands

const TYPE = { SUB: 1, GROUP: 2, STRING: 3, INTEGER: 4, BOOLEAN: 5, USER: 6 } as const;

export interface Option {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: Array<{ name: string; value: string | number }>;
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
  max_length?: number;
  options?: Option[];
}

const cut = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join("") + "…" : s);

/** The option an incident is named by, inside its room implied. */
export const INCIDENT_OPTION = "incident";

function choiceName(policy: Policy, field: AnyField, value: string): string {
  if (field.kind === "severity") return policy.severities[value]?.name[policy.locale] ?? value;
  if (field.kind === "kind") return policy.kinds[value]?.name[policy.locale] ?? value;
  return value;
}

function fieldOption(policy: Policy, key: string, field: AnyField): Option {
  const base = { name: key, description: cut(field.help[policy.locale], 100), required: field.required };
  switch (field.kind) {
    case "severity":
    case "kind":
    case "choice":
      return {
        ...base,
        type: TYPE.STRING,
        choices: choicesOf(policy, field)!
          .slice(0, 25)
          .map((value) => ({ name: cut(choiceName(policy, field, value), 100), value })),
      };
    case "integer":
      return { ...base, type: TYPE.INTEGER, min_value: field.min, max_value: field.max };
    case "flag":
      return { ...base, type: TYPE.BOOLEAN };
    case "person":
      return { ...base, type: TYPE.USER };
    case "text":
    case "longText":
    case "word":
    case "date":
    case "when":
      return { ...base, type: TYPE.STRING, max_length: Math.min(field.maxLength ?? 6000, 6000) };
  }
}

function subcommand(policy: Policy, verb: Verb, name: string): Option {
  const fields = (Object.entries(verb.fields) as Array<[string, AnyField]>).map(([key, field]) => fieldOption(policy, key, field));
  // A declare's title may be left out to fill in a form instead.
  if (verb.form) for (const o of fields) if (o.type === TYPE.STRING && !o.choices) o.required = false;
  const options = [...fields.filter((o) => o.required), ...fields.filter((o) => !o.required)];
  if (verb.incident)
    options.push({
      type: TYPE.INTEGER,
      name: INCIDENT_OPTION,
      description: "Incident number (implied inside its room)",
      autocomplete: true,
    });
  return { type: TYPE.SUB, name, description: cut(verb.help[policy.locale], 100), options };
}

export function incidentCommand(policy: Policy) {
  const top: Option[] = [];
  for (const verb of VERBS) {
    if (verb.words.length === 1) {
      top.push(subcommand(policy, verb, verb.words[0]));
      continue;
    }
    const [groupName, sub] = verb.words;
    let group = top.find((o) => o.type === TYPE.GROUP && o.name === groupName);
    if (!group) {
      group = { type: TYPE.GROUP, name: groupName, description: cut((GROUPS[groupName] ?? verb.help)[policy.locale], 100), options: [] };
      top.push(group);
    }
    group.options!.push(subcommand(policy, verb, sub));
  }
  return { name: "incident", description: "Declare and run incidents", type: 1, options: top };
}

/** The verb a subcommand (and group) names. */
export function verbAt(group: string | null, sub: string): Verb | undefined {
  return VERBS.find((v) => (group ? v.words[0] === group && v.words[1] === sub : v.words.length === 1 && v.words[0] === sub));
}

/** The options of one invocation, as discord.js hands them over (name → value). */
export type Options = Record<string, string | number | boolean | undefined>;

/**
 * A subcommand and its options → the core's typed Command, through the same
 * reader as typed text. A user option becomes the policy person behind that
 * Discord user (or stays the user id, which the use-case then refuses by name).
 */
export function toCommand(verb: Verb, o: Options, personOf: (userId: string) => string | undefined): Command {
  const values: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(verb.fields) as Array<[string, AnyField]>) {
    const v = o[key];
    if (v === undefined) continue;
    values[key] = field.kind === "person" ? (personOf(String(v)) ?? String(v)) : v;
  }
  const number = typeof o[INCIDENT_OPTION] === "number" ? o[INCIDENT_OPTION] : undefined;
  return readCommand({ verb, values, ...(number !== undefined ? { number } : {}) });
}
