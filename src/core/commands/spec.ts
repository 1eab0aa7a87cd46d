import type { Action } from "../policy/directory.js";
import type { AnyField, Field, Localized } from "./fields.js";

// What a verb is, as data. Every grammar of a command (the text after
// `/incident`, a command tree with typed options, a form) and its help are
// derived from one VerbSpec; the typed Command is inferred from it.

export type Fields = Record<string, AnyField>;

export interface VerbSpec<N extends string = string, F extends Fields = Fields, I extends boolean = boolean> {
  readonly name: N;
  /** The words that name it after `/incident`: one, or a group and a verb (`followup done`). */
  readonly words: readonly [string] | readonly [string, string];
  /** In a group, the verb the group's word alone names (`followup <text>` adds one). */
  readonly groupDefault?: boolean;
  /** Other words for it; each may preset fields (`drill` declares with `drill` set). */
  readonly aliases?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Takes an incident: `#12`, or implied by the room it is typed in. */
  readonly incident: I;
  /** Who may run it, by the policy's permissions. */
  readonly permission?: Action;
  /** Has a form on platforms that offer them, with the fields marked `form`: its title (24 characters at most) and submit button. */
  readonly form?: { readonly title: Localized; readonly submit: Localized };
  readonly help: Localized;
  readonly fields: F;
}

export function verb<const N extends string, const F extends Fields, const I extends boolean>(spec: VerbSpec<N, F, I>): VerbSpec<N, F, I> {
  return spec;
}

type Required<F extends Fields> = {
  [K in keyof F as F[K] extends Field<any, true> ? K : never]: F[K] extends Field<infer T, boolean> ? T : never;
};
type Optional<F extends Fields> = {
  [K in keyof F as F[K] extends Field<any, true> ? never : K]?: F[K] extends Field<infer T, boolean> ? T : never;
};
type Flatten<T> = { [K in keyof T]: T[K] };

/** The typed command a verb's spec describes. */
export type CommandOf<V> =
  V extends VerbSpec<infer N, infer F, infer I>
    ? Flatten<{ name: N } & Required<F> & Optional<F> & (I extends true ? { number?: number } : unknown)>
    : never;
