import type { PagingStep } from "../model.js";
import { expandTargets } from "../policy/directory.js";
import type { Policy } from "../policy/schema.js";
import { parseDuration } from "../calendar/duration.js";

/**
 * The escalation plan for a severity and kind, expanded to people and frozen
 * onto the incident: editing the policy later does not change a running
 * escalation. A rotation is frozen as its id: who is on call for it is
 * decided when the step fires (`stepPeople`). A kind may add people to page or inform at the first step,
 * whatever the severity (a system failure informs the leadership at once).
 */
export function planPaging(policy: Policy, severity: string, kind?: string): PagingStep[] {
  const sev = policy.severities[severity];
  if (!sev) return [];
  const extra = (kind && policy.kinds[kind]?.paging) || { page: [], notify: [] };
  return sev.paging.map((step, i) => {
    const pageTargets = i === 0 ? [...step.page, ...extra.page] : step.page;
    const notifyTargets = i === 0 ? [...step.notify, ...extra.notify] : step.notify;
    const page = expandTargets(policy, pageTargets);
    const isRotation = (t: string) => t in policy.rotations;
    const rotations = { page: pageTargets.filter(isRotation), notify: notifyTargets.filter(isRotation) };
    return {
      page,
      notify: expandTargets(policy, notifyTargets).filter((p) => !page.includes(p)),
      groups: [...new Set([...pageTargets, ...notifyTargets].filter((t) => !isRotation(t)))],
      waitMinutes: parseDuration(step.wait),
      ...(rotations.page.length || rotations.notify.length ? { rotations } : {}),
    };
  });
}

/** The kind an incident runs as: a drill kind runs the flow of the kind it rehearses. */
export function effectiveKind(policy: Policy, kind: string): { kind: string; drill: boolean } {
  const k = policy.kinds[kind];
  if (!k?.drill) return { kind, drill: false };
  return { kind: k.rehearses ?? policy.defaultKind, drill: true };
}

/** Severity keys ordered from most to least severe (level 1 first). */
export function severitiesBySeriousness(policy: Policy): string[] {
  return Object.entries(policy.severities)
    .sort(([, a], [, b]) => a.level - b.level)
    .map(([k]) => k);
}
