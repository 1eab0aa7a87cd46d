import type { AnyField } from "./fields.js";
import { UserError } from "../errors.js";
import type { Verb, Command } from "./verbs.js";

/**
 * A command as a platform's grammar hands it over, before its values are
 * read: the verb, the raw value of each field it was given (text, a number, a
 * boolean), and the incident it names, if any. Every platform builds one of
 * these; `readCommand` is the one place values are checked.
 */
export interface RawCommand {
  verb: Verb;
  values: Record<string, unknown>;
  number?: number;
}

/** The largest incident number the store can hold (PostgreSQL integer). */
export const MAX_INCIDENT_NUMBER = 2_147_483_647;

/** A number the store can hold: anything else names no incident (and must never reach the database). */
export const isIncidentNumber = (n: number): boolean => Number.isSafeInteger(n) && n >= 1 && n <= MAX_INCIDENT_NUMBER;

/** A usage problem: the message key names it, the verb gives the usage line that would have worked. */
export function usageError(verb: Verb | undefined, problem: string, params: Record<string, string> = {}): UserError {
  return new UserError("COMMAND.USAGE", { problem, ...params }, verb?.name);
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * A verb with a form, given without one of its required form fields (a
 * declare with no title): platforms with forms open the form instead of
 * refusing, prefilled with what was given.
 */
export function wantsForm(raw: RawCommand): boolean {
  const fields = raw.verb.fields as Record<string, AnyField>;
  return !!raw.verb.form && Object.entries(fields).some(([key, field]) => field.required && field.form && isBlank(raw.values[key]));
}

/** Check and convert every value by its field's schema; a missing required field or a bad value is a usage problem. */
export function readCommand(raw: RawCommand): Command {
  const { command, problems } = readAll(raw);
  if (problems.length) throw problems[0]!;
  return command;
}

/** Every field's problem at once (a form shows each under its field), and the command read from the rest. */
export function readAll(raw: RawCommand): { command: Command; problems: UserError[] } {
  const { verb } = raw;
  const fields = verb.fields as Record<string, AnyField>;
  const problems: UserError[] = [];
  for (const key of Object.keys(raw.values)) {
    if (!(key in fields)) problems.push(usageError(verb, "unknownOption", { option: key, options: Object.keys(fields).join(", ") }));
  }
  const out: Record<string, unknown> = { name: verb.name };
  if (verb.incident && raw.number !== undefined) out.number = raw.number;
  for (const [key, field] of Object.entries(fields)) {
    const value = raw.values[key];
    if (isBlank(value) && field.kind !== "flag") {
      if (field.required) problems.push(usageError(verb, "missing", { field: key }));
      continue;
    }
    if (value === undefined) continue;
    const parsed = field.schema.safeParse(value);
    if (!parsed.success) {
      const problem = parsed.error.issues[0]?.message ?? "badValue";
      problems.push(usageError(verb, problem, { field: key, value: String(value).slice(0, 80) }));
      continue;
    }
    if (parsed.data !== false || field.kind !== "flag") out[key] = parsed.data;
  }
  return { command: out as Command, problems };
}
