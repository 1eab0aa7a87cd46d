import { z } from "zod";
import type { Command } from "../../src/core/commands/command.js";
import { messages } from "../../src/core/i18n/index.js";
import type { Policy } from "../../src/core/policy/schema.js";
import type { Block } from "./blocks.js";

// The declare and note modals, and the zod parsing of their submissions.

export const VIEW = { declare: "beacon_declare", note: "beacon_note" } as const;

const text = (t: string) => ({ type: "plain_text" as const, text: t.slice(0, 24), emoji: true });
const label = (t: string) => ({ type: "plain_text" as const, text: t.slice(0, 2000), emoji: true });

function input(blockId: string, title: string, element: Record<string, unknown>, optional = false): Block {
  return { type: "input", block_id: blockId, optional, label: label(title), element: { action_id: "v", ...element } };
}

function select(options: Array<[string, string]>): Record<string, unknown> {
  return { type: "static_select", options: options.map(([value, name]) => ({ text: label(name.slice(0, 75)), value })) };
}

/** What the modal carries back: where it was opened, so answers and the implied incident follow. */
export const metadataSchema = z.object({ c: z.string().optional(), i: z.string().optional() });
export type ViewMetadata = z.infer<typeof metadataSchema>;

export function declareModal(policy: Policy, meta: ViewMetadata, drill = false): Record<string, unknown> {
  const t = messages(policy.locale).form;
  const severities = Object.entries(policy.severities).map(([k, s]) => [k, s.name[policy.locale] ?? k] as [string, string]);
  const kinds = Object.entries(policy.kinds)
    .filter(([, v]) => !v.drill) // drills are a checkbox, not a kind to pick
    .map(([k, v]) => [k, v.name[policy.locale] ?? k] as [string, string]);
  return {
    type: "modal",
    callback_id: VIEW.declare,
    private_metadata: JSON.stringify(meta),
    title: text(drill ? t.drillTitle : t.declareTitle),
    submit: text(t.submit),
    close: text(t.cancel),
    blocks: [
      input("title", t.title, { type: "plain_text_input", max_length: 150, placeholder: label(t.titleHint) }),
      input("severity", t.severity, select(severities)),
      input("kind", t.kind, select(kinds), true),
      input("customer", t.customer, { type: "plain_text_input", max_length: 150 }, true),
      input("region", t.region, { type: "plain_text_input", max_length: 80 }, true),
      input("description", t.description, { type: "plain_text_input", multiline: true, max_length: 2000 }, true),
      input(
        "drill",
        " ",
        {
          type: "checkboxes",
          options: [{ text: label(t.drill), value: "drill" }],
          ...(drill ? { initial_options: [{ text: label(t.drill), value: "drill" }] } : {}),
        },
        true,
      ),
    ],
  };
}

export function noteModal(policy: Policy, meta: ViewMetadata): Record<string, unknown> {
  const t = messages(policy.locale).form;
  return {
    type: "modal",
    callback_id: VIEW.note,
    private_metadata: JSON.stringify(meta),
    title: text(t.noteTitle),
    submit: text(t.save),
    close: text(t.cancel),
    blocks: [input("note", t.note, { type: "plain_text_input", multiline: true, max_length: 3000 })],
  };
}

// view.state.values[block_id][action_id], as Slack sends it.
const valueSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
});
const stateSchema = z.record(z.string(), z.record(z.string(), valueSchema));

function read(values: z.infer<typeof stateSchema>, block: string): string | undefined {
  const v = values[block]?.v;
  const s = v?.value ?? v?.selected_option?.value ?? v?.selected_options?.[0]?.value;
  return s && s.trim() ? s.trim() : undefined;
}

/** A declare submission as a typed command, or the field errors Slack shows in the modal. */
export function parseDeclare(
  policy: Policy,
  values: unknown,
): { command: Extract<Command, { name: "declare" }> } | { errors: Record<string, string> } {
  const state = stateSchema.parse(values);
  const title = read(state, "title");
  const severity = read(state, "severity");
  const required = messages(policy.locale).form.required;
  const errors: Record<string, string> = {};
  if (!title) errors.title = required;
  if (!severity || !(severity in policy.severities)) errors.severity = required;
  if (Object.keys(errors).length) return { errors };
  const kind = read(state, "kind");
  return {
    command: {
      name: "declare",
      drill: read(state, "drill") === "drill",
      severity: severity!,
      title: title!,
      ...(kind ? { kind } : {}),
      ...(read(state, "customer") ? { customer: read(state, "customer") } : {}),
      ...(read(state, "region") ? { region: read(state, "region") } : {}),
      ...(read(state, "description") ? { description: read(state, "description") } : {}),
    },
  };
}

export function parseNote(values: unknown): string | undefined {
  return read(stateSchema.parse(values), "note");
}
