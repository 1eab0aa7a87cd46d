import type { UserError } from "../errors.js";
import { printable } from "../text.js";
import { messages } from "../i18n/index.js";
import { severitiesBySeriousness } from "../planning/paging-plan.js";
import type { Policy } from "../policy/schema.js";
import type { AnyField } from "./fields.js";
import { VERBS, verbNamed, type Verb } from "./verbs.js";

// Usage lines, help and usage problems, all read off the verbs' specs, in the
// policy's language and with the policy's own severities and kinds as choices.

const fieldsOf = (verb: Verb) => Object.entries(verb.fields) as Array<[string, AnyField]>;

/** The values a field accepts, where they are a short list: fixed choices, or the policy's severities and kinds. */
export function choicesOf(policy: Policy, field: AnyField): string[] | undefined {
  if (field.choices) return [...field.choices];
  if (field.kind === "severity") return severitiesBySeriousness(policy);
  if (field.kind === "kind") return Object.keys(policy.kinds);
  return undefined;
}

function placeholder(policy: Policy, key: string, field: AnyField): string {
  const choices = field.kind === "choice" || field.kind === "severity" ? choicesOf(policy, field) : undefined;
  if (choices) return choices.join("|");
  if (field.kind === "date") return "YYYY-MM-DD";
  if (field.kind === "integer") return `${field.min}-${field.max}`;
  return key;
}

/** `/incident declare <urgent|important|general> <title> [--kind kind] … [--claim]` */
export function usageLine(policy: Policy, verb: Verb): string {
  const parts = ["/incident", ...verb.words];
  if (verb.incident) parts.push("[#number]");
  for (const [key, field] of fieldsOf(verb)) {
    if (!field.positional) continue;
    const p = placeholder(policy, key, field);
    parts.push(field.required ? `<${p}>` : `[${p}]`);
  }
  for (const [key, field] of fieldsOf(verb)) {
    if (field.positional) continue;
    const p = placeholder(policy, key, field);
    parts.push(field.kind === "flag" ? `[--${key}]` : `[--${key} ${p === key ? `<${p}>` : p}]`);
  }
  return parts.join(" ");
}

/** `/incident help`: every verb with what it does; `/incident help declare`: its usage and each field explained. */
export function helpText(policy: Policy, topic: string | undefined): string | undefined {
  const t = messages(policy.locale);
  const loc = policy.locale;
  if (!topic) return [t.help.head, ...VERBS.map((v) => `  ${usageLine(policy, v)}\n      ${v.help[loc]}`)].join("\n");
  const words = topic.trim().toLowerCase().split(/\s+/);
  const verb =
    VERBS.find((v) => v.words.join(" ") === words.join(" ")) ??
    VERBS.find((v) => v.words[0] === words[0] || (v.aliases && Object.hasOwn(v.aliases, words[0]!)));
  if (!verb) return undefined;
  const lines = [usageLine(policy, verb), `  ${verb.help[loc]}`];
  if (verb.incident) lines.push(`  #number  ${t.help.incident}`);
  for (const [key, field] of fieldsOf(verb)) {
    const choices = choicesOf(policy, field);
    const name = field.positional ? key : `--${key}${field.aliases.map((a) => `, --${a}`).join("")}`;
    const required = field.required ? ` (${t.help.required})` : "";
    lines.push(`  ${name}${required}  ${field.help[loc]}${choices ? `. ${t.help.choices}: ${choices.join(", ")}` : ""}`);
  }
  const aliases = Object.keys(verb.aliases ?? {});
  if (aliases.length) lines.push(`  ${t.help.aliases}: ${aliases.join(", ")}`);
  return lines.join("\n");
}

/** One short line naming the problem, and the usage that would have worked. */
export function describeUserError(policy: Policy, e: UserError): string {
  const t = messages(policy.locale);
  const verb = e.verb ? verbNamed(e.verb) : undefined;
  const field = verb && e.params.field ? (verb.fields as Record<string, AnyField>)[e.params.field] : undefined;
  // What the person typed is echoed back on one line, its control characters shown, never passed on.
  const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, printable(String(v))]));
  if (field) {
    params.field = field.label[policy.locale];
    params.choices = choicesOf(policy, field)?.join(", ") ?? "";
    params.min = String(field.min ?? "");
    params.max = String(field.max ?? field.maxLength ?? "");
  }
  if (e.code === "COMMAND.UNKNOWN")
    params.verbs = VERBS.map((v) => v.words[0])
      .filter((w, i, all) => all.indexOf(w) === i)
      .join(", ");
  const line = t.error[e.code]?.(params) ?? e.code;
  return verb ? `${line}\n${t.usagePrefix} ${usageLine(policy, verb)}` : line;
}
