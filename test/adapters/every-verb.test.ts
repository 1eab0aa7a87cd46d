import { describe, expect, it } from "vitest";
import { incidentCommand, INCIDENT_OPTION, toCommand, type Option } from "../../adapters/discord/commands.js";
import { formView, readFormSubmission } from "../../adapters/slack/forms.js";
import type { AnyField } from "../../src/core/commands/fields.js";
import { parseCommand } from "../../src/core/commands/parse.js";
import { VERBS, type Verb } from "../../src/core/commands/verbs.js";
import type { Policy } from "../../src/core/policy/schema.js";
import { defaultPolicy } from "../helpers/default-policy.js";
import { commandProblems } from "../fakes/discord/command-rules.js";

// Every verb of the command spec, every field of every verb, through every
// grammar: typed text, Discord's typed options, and Slack's form where the
// verb has one. Each must read to the same command.

const base = defaultPolicy();
const policy: Policy = {
  ...base,
  people: Object.fromEntries(
    Object.entries(base.people).map(([id, p], i) => [
      id,
      { ...p, ids: { slack: `U${id.toUpperCase()}`, discord: `10000000000000000${i}` } },
    ]),
  ),
};

/** A value a person could give for a field of this kind, as text and as what the command holds. */
function sample(key: string, field: AnyField): { typed: string; value: unknown } {
  switch (field.kind) {
    case "text":
    case "longText":
      return { typed: `The ${key} here`, value: `The ${key} here` };
    case "word":
      return { typed: "onsite_local", value: "onsite_local" };
    case "severity":
      return { typed: "important", value: "important" };
    case "kind":
      return { typed: "system", value: "system" };
    case "person":
      return { typed: "lee", value: "lee" };
    case "choice":
      return { typed: field.choices!.at(-1)!, value: field.choices!.at(-1)! };
    case "integer":
      return { typed: String(field.max), value: field.max };
    case "date":
      return { typed: "2026-12-01", value: "2026-12-01" };
    case "flag":
      return { typed: "", value: true };
    case "when":
      return { typed: "fri 17:30", value: "fri 17:30" };
  }
}

const fieldsOf = (verb: Verb) => Object.entries(verb.fields) as Array<[string, AnyField]>;
const quote = (s: string) => (/\s/.test(s) ? `"${s}"` : s);

/** The command every grammar must produce: every field given. */
function expected(verb: Verb, only?: (f: AnyField) => boolean, number = verb.incident): Record<string, unknown> {
  const out: Record<string, unknown> = { name: verb.name };
  if (number) out.number = 7;
  for (const [key, field] of fieldsOf(verb)) if (!only || only(field)) out[key] = sample(key, field).value;
  return out;
}

function typedLine(verb: Verb): string {
  const words: string[] = [...verb.words];
  if (verb.incident) words.push("#7");
  for (const [key, field] of fieldsOf(verb)) if (field.positional) words.push(quote(sample(key, field).typed));
  for (const [key, field] of fieldsOf(verb)) {
    if (field.positional) continue;
    words.push(field.kind === "flag" ? `--${key}` : `--${key} ${quote(sample(key, field).typed)}`);
  }
  return words.join(" ");
}

function discordSubcommand(verb: Verb): Option {
  const top = incidentCommand(policy).options.find((o) => o.name === verb.words[0])!;
  return verb.words.length === 2 ? top.options!.find((o) => o.name === verb.words[1])! : top;
}

describe("every verb of the command spec", () => {
  it("registers on Discord within Discord's limits, nested in groups where a verb has two words", () => {
    const cmd = incidentCommand(policy);
    expect(commandProblems(cmd as unknown as Record<string, unknown>)).toEqual([]);
    expect(cmd.options.length).toBeLessThanOrEqual(25);
  });

  for (const verb of VERBS) {
    describe(`/incident ${verb.words.join(" ")}`, () => {
      it("reads every field from typed text", () => {
        expect(parseCommand(typedLine(verb))).toEqual(expected(verb));
      });

      it("reads every field from Discord's typed options", () => {
        const sub = discordSubcommand(verb);
        const names = sub.options!.map((o) => o.name);
        expect(names.sort()).toEqual([...fieldsOf(verb).map(([k]) => k), ...(verb.incident ? [INCIDENT_OPTION] : [])].sort());
        const discordIdOf = (personId: string) => policy.people[personId]!.ids.discord!;
        const options: Record<string, string | number | boolean> = verb.incident ? { [INCIDENT_OPTION]: 7 } : {};
        for (const [key, field] of fieldsOf(verb)) {
          const { value } = sample(key, field);
          options[key] = field.kind === "person" ? discordIdOf(String(value)) : (value as string | number | boolean);
          const option = sub.options!.find((o) => o.name === key)!;
          const type = { flag: 5, integer: 4, person: 6 }[field.kind as string] ?? 3;
          expect(option.type, `${verb.name}.${key}`).toBe(type);
        }
        const personOf = (userId: string) => Object.entries(policy.people).find(([, p]) => p.ids.discord === userId)?.[0];
        expect(toCommand(verb, options, personOf)).toEqual(expected(verb));
      });

      if (verb.form) {
        it("reads every form field from Slack's form", () => {
          const view = formView(policy, verb, {}) as { blocks: Array<{ block_id: string; element: { type: string } }> };
          const inForm = fieldsOf(verb).filter(([, f]) => f.form);
          expect(view.blocks.map((b) => b.block_id)).toEqual(inForm.map(([k]) => k));
          const state: Record<string, Record<string, unknown>> = {};
          for (const [key, field] of inForm) {
            const { value } = sample(key, field);
            const element = view.blocks.find((b) => b.block_id === key)!.element;
            const v =
              element.type === "static_select"
                ? { type: element.type, selected_option: { value } }
                : element.type === "checkboxes"
                  ? { type: element.type, selected_options: [{ value: "yes" }] }
                  : element.type === "users_select"
                    ? { type: element.type, selected_user: policy.people[String(value)]!.ids.slack }
                    : element.type === "datepicker"
                      ? { type: element.type, selected_date: value }
                      : { type: element.type, value: String(value) };
            state[key] = { v };
          }
          expect(readFormSubmission(policy, verb, state)).toEqual({ command: expected(verb, (f) => f.form, false) });
        });
      }
    });
  }
});
