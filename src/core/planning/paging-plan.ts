import type { PagingStep } from "../model.js";
import { expandTargets } from "../policy/directory.js";
import type { Policy } from "../policy/schema.js";
import { parseDuration } from "../calendar/duration.js";

/**
 * The escalation plan for a severity, expanded to people and frozen onto the
 * incident: editing the policy later does not change a running escalation.
 */
export function planPaging(policy: Policy, severity: string): PagingStep[] {
  const sev = policy.severities[severity];
  if (!sev) return [];
  return sev.paging.map((step) => ({
    page: expandTargets(policy, step.page),
    notify: expandTargets(policy, step.notify).filter((p) => !expandTargets(policy, step.page).includes(p)),
    groups: [...step.page, ...step.notify],
    waitMinutes: parseDuration(step.wait),
  }));
}

/** Severity keys ordered from most to least severe (level 1 first). */
export function severitiesBySeriousness(policy: Policy): string[] {
  return Object.entries(policy.severities)
    .sort(([, a], [, b]) => a.level - b.level)
    .map(([k]) => k);
}
