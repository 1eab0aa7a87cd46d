import type { AnyField } from "../../src/core/commands/fields.js";
import { readCommand } from "../../src/core/commands/read.js";
import { verbNamed, type Command, type Verb } from "../../src/core/commands/verbs.js";
import type { Policy } from "../../src/core/policy/schema.js";
import type { Options } from "./commands.js";

// A verb's form as a Discord modal: the free-text fields the person did not
// give as options become text inputs (a modal holds five); everything already
// chosen (severity, kind, flags, the incident) rides along in the modal's
// custom_id (100 characters at most), so the submission is one whole command.
// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal

const PREFIX = "beacon:form:";
const TEXT_KINDS = new Set<AnyField["kind"]>(["text", "longText"]);

/** Where a form's incident comes from: its number (typed), or its id (a card button). */
export interface FormIncident {
  number?: number;
  id?: string;
}

/** Does this invocation need the form: a required free-text field left out. */
export function needsForm(verb: Verb, given: Options): boolean {
  return (
    !!verb.form &&
    (Object.entries(verb.fields) as Array<[string, AnyField]>).some(
      ([k, f]) => f.required && TEXT_KINDS.has(f.kind) && !String(given[k] ?? "").trim(),
    )
  );
}

export function formModal(policy: Policy, verb: Verb, given: Options, incident: FormIncident = {}) {
  const params = new URLSearchParams();
  const inputs: Array<[string, AnyField]> = [];
  for (const [key, field] of Object.entries(verb.fields) as Array<[string, AnyField]>) {
    const v = given[key];
    if (TEXT_KINDS.has(field.kind) && field.form && !String(v ?? "").trim()) inputs.push([key, field]);
    else if (v !== undefined && v !== "") params.set(key, String(v));
  }
  if (incident.number !== undefined) params.set("#", String(incident.number));
  if (incident.id) params.set("@", incident.id);
  const customId = `${PREFIX}${verb.name}:${params.toString()}`;
  if (customId.length > 100) throw new Error(`form state too long for a Discord custom_id (${customId.length} > 100)`);
  return {
    custom_id: customId,
    title: [...(verb.form?.title ?? verb.help)[policy.locale]].slice(0, 45).join(""),
    components: inputs.slice(0, 5).map(([key, field]) => ({
      type: 1,
      components: [
        {
          type: 4,
          custom_id: key,
          label: [...field.label[policy.locale]].slice(0, 45).join(""),
          style: field.kind === "longText" ? 2 : 1,
          required: field.required,
          max_length: Math.min(field.maxLength ?? 4000, 4000),
        },
      ],
    })),
  };
}

export const isFormId = (customId: string) => customId.startsWith(PREFIX);

/** A submitted form → the command, read like any other; and where its incident is. */
export function readForm(customId: string, inputs: Record<string, string>): { command: Command; incident: FormIncident } {
  const [name, query = ""] = customId.slice(PREFIX.length).split(/:(.*)/s);
  const verb = verbNamed(name ?? "");
  if (!verb) throw new Error(`unknown form ${customId}`);
  const params = new URLSearchParams(query);
  const values: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(verb.fields) as Array<[string, AnyField]>) {
    const v = inputs[key] ?? params.get(key) ?? undefined;
    if (v === undefined) continue;
    values[key] = field.kind === "flag" ? v === "true" : field.kind === "integer" ? Number(v) : v;
  }
  const number = params.get("#");
  const incident: FormIncident = { ...(number ? { number: Number(number) } : {}), ...(params.get("@") ? { id: params.get("@")! } : {}) };
  return { command: readCommand({ verb, values, ...(incident.number !== undefined ? { number: incident.number } : {}) }), incident };
}
