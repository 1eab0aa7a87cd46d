import type { Localized } from "./fields.js";
import { type CommandOf } from "./spec.js";
import { accessList, accessRevoke, accessToken } from "./verbs/access.js";
import { accept, callback, followupAdd, followupDone, refuse } from "./verbs/customer.js";
import {
  ack,
  claimVerb,
  close,
  declare,
  done,
  escalate,
  note,
  onsiteVisit,
  reopen,
  resolve,
  role,
  sev,
  update,
  waive,
} from "./verbs/incident.js";
import { oncallCancel, oncallList, oncallNow, oncallOverride, oncallSwap } from "./verbs/oncall.js";
import { help, list, plan, status, summary, timeline } from "./verbs/reading.js";

// Every verb of `/incident`, defined once, each in the file of its area under
// verbs/. Adding a verb: add its spec there and to VERBS below, and its
// handler in src/app/handlers.ts (the type checker asks for it); the text
// grammar, the help, Discord's options and the forms follow.

/** What each group of two-word verbs is about (command trees show it). */
export const GROUPS: Record<string, Localized> = {
  customer: { en: "The customer's verdict on the fix, and the return call", zh: "客户验收与回访" },
  followup: { en: "Corrective actions after the incident", zh: "事后整改措施" },
  oncall: { en: "On-call rotations: who is on, overrides and swaps", zh: "值班轮值：当前值班、替班与换班" },
};

/** Every verb, in the order help lists them. */
export const VERBS = [
  declare,
  ack,
  escalate,
  sev,
  note,
  role,
  update,
  done,
  waive,
  claimVerb,
  onsiteVisit,
  resolve,
  accept,
  refuse,
  close,
  callback,
  reopen,
  followupAdd,
  followupDone,
  status,
  timeline,
  summary,
  list,
  plan,
  accessList,
  accessRevoke,
  accessToken,
  oncallNow,
  oncallList,
  oncallOverride,
  oncallSwap,
  oncallCancel,
  help,
] as const;

export type Verb = (typeof VERBS)[number];
export type Command = CommandOf<Verb>;
export type CommandName = Command["name"];
export type CommandFor<N extends CommandName> = Extract<Command, { name: N }>;

export function verbNamed(name: string): Verb | undefined {
  return VERBS.find((v) => v.name === name);
}
