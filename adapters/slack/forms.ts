import { z } from "zod";
import type { AnyField } from "../../src/core/commands/fields.js";
import { readAll } from "../../src/core/commands/read.js";
import { choicesOf, describeUserError } from "../../src/core/commands/usage.js";
import { verbNamed, type Command, type Verb } from "../../src/core/commands/verbs.js";
import { messages } from "../../src/core/i18n/index.js";
import { personByPlatformId } from "../../src/core/policy/directory.js";
import type { Policy } from "../../src/core/policy/schema.js";
import type { Block } from "./blocks.js";

// A verb's form as a Slack modal, derived from its spec: one input block per
// field marked `form` (block_id = the field), the widget chosen by the field's
// kind. A submission is read by the same reader as typed text; a bad value
// comes back as an error under its field, and the modal stays open.
// https://api.slack.com/reference/block-kit/blocks#input

const CALLBACK = "beacon_";
const plain = (t: string, max: number) => ({ type: "plain_text" as const, text: [...t].slice(0, max).join(""), emoji: true });

/** What the modal carries back: where it was opened, so answers and the implied incident follow. */
export const metadataSchema = z.object({ c: z.string().optional(), i: z.string().optional() });
export type ViewMetadata = z.infer<typeof metadataSchema>;

const formFields = (verb: Verb) => (Object.entries(verb.fields) as Array<[string, AnyField]>).filter(([, f]) => f.form);

function choiceLabel(policy: Policy, field: AnyField, value: string): string {
  if (field.kind === "severity") return policy.severities[value]?.name[policy.locale] ?? value;
  if (field.kind === "kind") return policy.kinds[value]?.name[policy.locale] ?? value;
  return value;
}

function element(policy: Policy, field: AnyField, initial: unknown): Record<string, unknown> {
  switch (field.kind) {
    case "severity":
    case "kind":
    case "choice": {
      const options = choicesOf(policy, field)!
        .filter((v) => field.kind !== "kind" || !policy.kinds[v]?.drill) // drills are a checkbox, not a kind to pick
        .slice(0, 100)
        .map((value) => ({ text: plain(choiceLabel(policy, field, value), 75), value }));
      const picked = options.find((o) => o.value === initial);
      return { type: "static_select", options, ...(picked ? { initial_option: picked } : {}) };
    }
    case "flag": {
      const option = { text: plain(field.help[policy.locale], 75), value: "yes" };
      return { type: "checkboxes", options: [option], ...(initial === true ? { initial_options: [option] } : {}) };
    }
    case "person":
      return { type: "users_select" };
    case "date":
      return { type: "datepicker" };
    case "integer":
      return { type: "number_input", is_decimal_allowed: false, min_value: String(field.min), max_value: String(field.max) };
    case "text":
    case "word":
    case "when":
    case "longText":
      return {
        type: "plain_text_input",
        multiline: field.kind === "longText",
        max_length: Math.min(field.maxLength ?? 3000, 3000),
        ...(typeof initial === "string" && initial ? { initial_value: initial } : {}),
      };
  }
}

/** The modal view for a verb's form, prefilled with what the person already typed. */
export function formView(policy: Policy, verb: Verb, meta: ViewMetadata, initial: Record<string, unknown> = {}): Record<string, unknown> {
  const t = messages(policy.locale).form;
  const form = verb.form!;
  return {
    type: "modal",
    callback_id: `${CALLBACK}${verb.name}`,
    private_metadata: JSON.stringify(meta),
    title: plain(form.title[policy.locale], 24),
    submit: plain(form.submit[policy.locale], 24),
    close: plain(t.cancel, 24),
    blocks: formFields(verb).map(([key, field]): Block => ({
      type: "input",
      block_id: key,
      optional: !field.required,
      label: plain(field.label[policy.locale], 2000),
      ...(field.kind !== "flag" ? { hint: plain(field.help[policy.locale], 2000) } : {}),
      element: { action_id: "v", ...element(policy, field, initial[key]) },
    })),
  };
}

/** The verb a modal's callback_id names, if it is one of Beacon's forms. */
export function formVerb(callbackId: string): Verb | undefined {
  return callbackId.startsWith(CALLBACK) ? verbNamed(callbackId.slice(CALLBACK.length)) : undefined;
}

// view.state.values[block_id][action_id], as Slack sends it.
const valueSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
  selected_user: z.string().nullish(),
  selected_date: z.string().nullish(),
});
const stateSchema = z.record(z.string(), z.record(z.string(), valueSchema));

/** A submission as a typed command, or the errors Slack shows under each field. */
export function readFormSubmission(policy: Policy, verb: Verb, state: unknown): { command: Command } | { errors: Record<string, string> } {
  const blocks = stateSchema.parse(state);
  const values: Record<string, unknown> = {};
  for (const [key, field] of formFields(verb)) {
    const v = blocks[key]?.v;
    if (!v) continue;
    if (field.kind === "flag") values[key] = (v.selected_options ?? []).some((o) => o.value === "yes");
    else if (field.kind === "person")
      values[key] = v.selected_user ? (personByPlatformId(policy, "slack", v.selected_user) ?? v.selected_user) : undefined;
    else values[key] = v.value ?? v.selected_option?.value ?? v.selected_date ?? undefined;
  }
  const { command, problems } = readAll({ verb, values });
  if (!problems.length) return { command };
  const errors: Record<string, string> = {};
  for (const e of problems) {
    const block = e.params.field && formFields(verb).some(([k]) => k === e.params.field) ? e.params.field : formFields(verb)[0]![0];
    errors[block] ??= describeUserError(policy, e).split("\n")[0]!;
  }
  return { errors };
}
