import { z } from "zod";
import { CONTROL, neutraliseBidi } from "../text.js";

// The kinds of value a command field holds, each with the one zod schema that
// reads it whatever the platform sent: text typed after `/incident`, a
// Discord option (already a number or a boolean), a Slack form value.
// Platforms pick their widget by `kind` (a select for a severity, a user
// picker for a person, a checkbox for a flag); what a value means is decided
// here, once.

export type Localized = { en: string; zh: string };

export type FieldKind =
  | "text" // one line of free text
  | "longText" // free text that may span lines
  | "word" // one token: a deadline key, a follow-up id
  | "severity" // a severity of the policy, by key, level or name (resolved by the use-case)
  | "kind" // an incident kind of the policy
  | "person" // a person of the policy, by id, name or platform identity
  | "choice" // one of a fixed list
  | "integer"
  | "date" // YYYY-MM-DD, a real calendar date
  | "flag" // present or not
  | "when"; // a moment typed by a person ("fri 17:30"), read by the use-case in the policy's time zone

export interface Field<T = unknown, R extends boolean = boolean> {
  readonly kind: FieldKind;
  readonly required: R;
  /** Text grammar: a positional word, or everything left; otherwise `--name value`. */
  readonly positional?: "word" | "rest";
  /** Other `--names` the text grammar accepts for this field. */
  readonly aliases: readonly string[];
  /** A few words naming the field: form labels, "Missing title". */
  readonly label: Localized;
  /** One sentence for `/incident help <verb>` and option descriptions (at most 100 characters). */
  readonly help: Localized;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** Shown on the platforms' forms (Slack modal, Discord modal) of a verb that has one. */
  readonly form: boolean;
  /** Reads a raw value; refuses it with a message key of `usageProblems`. */
  readonly schema: z.ZodType<T>;
}

// A field of any value type (zod schemas are invariant in their output type).
export type AnyField = Field<any, boolean>;

interface FieldOptions<R extends boolean> {
  label: Localized;
  help: Localized;
  required?: R;
  positional?: "word" | "rest";
  aliases?: string[];
  form?: boolean;
}

// Control characters other than line breaks and tabs are refused: they break
// rendering on every platform and carry nothing a person means to type.
// Bidirectional overrides are dropped (core/text.ts).
const clean = (maxLength: number, multiline: boolean) =>
  z
    .string()
    .transform((s) => neutraliseBidi(multiline ? s.trim() : s.replace(/\s*[\r\n]+\s*/g, " ").trim()))
    .refine((s) => !CONTROL.test(s), { message: "controlCharacters" })
    .refine((s) => s.length > 0, { message: "empty" })
    .refine((s) => [...s].length <= maxLength, { message: "tooLong" });

// NoInfer: `required` is read from the options, never from where the field is used.
function make<T, R extends boolean>(
  kind: FieldKind,
  schema: z.ZodType<T>,
  o: FieldOptions<R>,
  extra: Partial<AnyField> = {},
): Field<T, NoInfer<R>> {
  return {
    kind,
    schema,
    required: (o.required ?? false) as R,
    positional: o.positional,
    aliases: o.aliases ?? [],
    label: o.label,
    help: o.help,
    form: o.form ?? false,
    ...extra,
  } as Field<T, R>;
}

const decimal = (min: number, max: number) =>
  z.union([z.number(), z.string().trim()]).transform((v, ctx) => {
    const n = typeof v === "number" ? v : /^\d{1,9}$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: "badNumber" });
      return z.NEVER;
    }
    return n;
  });

const calendarDate = z
  .string()
  .trim()
  .refine(
    (s) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const at = new Date(Date.UTC(y, mo - 1, d));
      return y >= 1900 && at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
    },
    { message: "badDate" },
  );

const flag = z.union([z.boolean(), z.string()]).transform((v, ctx) => {
  if (typeof v === "boolean") return v;
  const s = v.trim().toLowerCase();
  if (["", "yes", "true", "y", "1", "on", "是"].includes(s)) return true;
  if (["no", "false", "n", "0", "off", "否"].includes(s)) return false;
  ctx.addIssue({ code: "custom", message: "badFlag" });
  return z.NEVER;
});

/** The field builders: `f.text({ help, required: true, positional: "rest" })`. */
export const f = {
  text: <R extends boolean = false>(o: FieldOptions<R> & { maxLength?: number }) =>
    make<string, R>("text", clean(o.maxLength ?? 200, false), o, { maxLength: o.maxLength ?? 200 }),
  longText: <R extends boolean = false>(o: FieldOptions<R> & { maxLength?: number }) =>
    make<string, R>("longText", clean(o.maxLength ?? 3000, true), o, { maxLength: o.maxLength ?? 3000 }),
  word: <R extends boolean = false>(o: FieldOptions<R>) =>
    make<string, R>(
      "word",
      clean(64, false).refine((s) => !/\s/.test(s), { message: "oneWord" }),
      o,
      { maxLength: 64 },
    ),
  severity: <R extends boolean = false>(o: FieldOptions<R>) => make<string, R>("severity", clean(40, false), o, { maxLength: 40 }),
  kind: <R extends boolean = false>(o: FieldOptions<R>) => make<string, R>("kind", clean(40, false), o, { maxLength: 40 }),
  person: <R extends boolean = false>(o: FieldOptions<R>) => make<string, R>("person", clean(80, false), o, { maxLength: 80 }),
  choice: <const C extends readonly [string, ...string[]], R extends boolean = false>(choices: C, o: FieldOptions<R>) =>
    make<C[number], R>(
      "choice",
      z
        .string()
        .trim()
        .transform((s) => s.toLowerCase())
        .pipe(z.enum(choices, { message: "badChoice" })) as unknown as z.ZodType<C[number]>,
      o,
      { choices },
    ),
  integer: <R extends boolean = false>(o: FieldOptions<R> & { min: number; max: number }) =>
    make<number, R>("integer", decimal(o.min, o.max), o, { min: o.min, max: o.max }),
  date: <R extends boolean = false>(o: FieldOptions<R>) => make<string, R>("date", calendarDate, o, { maxLength: 10 }),
  flag: (o: FieldOptions<false>) => make<boolean, false>("flag", flag, o),
  when: <R extends boolean = false>(o: FieldOptions<R>) => make<string, R>("when", clean(40, false), o, { maxLength: 40 }),
};
