import { UserError } from "../errors.js";
import type { Policy } from "./schema.js";
import { findPerson } from "./directory.js";
import { severitiesBySeriousness } from "../planning/paging-plan.js";

// Turn what a user typed into policy keys: "urgent", "1", "sev1", "紧急" all
// name the same severity.

export function resolveSeverity(policy: Policy, text: string): string {
  const needle = text
    .trim()
    .toLowerCase()
    .replace(/^(sev|p)(\d)$/, "$2");
  for (const [key, sev] of Object.entries(policy.severities)) {
    if (key === needle || String(sev.level) === needle || sev.name.en.toLowerCase() === needle || sev.name.zh === text.trim()) return key;
  }
  throw new UserError("SEVERITY.UNKNOWN", { value: text, choices: severitiesBySeriousness(policy).join(", ") });
}

export function resolveKind(policy: Policy, text: string | undefined): string {
  if (text === undefined) return policy.defaultKind;
  const needle = text.trim().toLowerCase();
  for (const [key, kind] of Object.entries(policy.kinds)) {
    if (key === needle || kind.name.en.toLowerCase() === needle || kind.name.zh === text.trim()) return key;
  }
  throw new UserError("KIND.UNKNOWN", { value: text, choices: Object.keys(policy.kinds).join(", ") });
}

export function resolvePerson(policy: Policy, text: string): string {
  const id = findPerson(policy, text);
  if (!id) throw new UserError("PERSON.UNKNOWN", { value: text });
  return id;
}
