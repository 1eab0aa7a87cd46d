import type { Incident } from "../model.js";
import { may } from "../policy/directory.js";
import type { Policy } from "../policy/schema.js";
import type { TimelineEntry } from "../timeline.js";

// Who may read what on the reviewer pages. A reviewer (the policy's `review`
// permission) reads everything; anyone else in the policy who took part in
// an incident reads that incident only; nobody outside the policy reads
// anything. Checked on every request against the policy as it is now.

/** A person of the policy who reads every incident, the list and the figures. */
export function isReviewer(policy: Policy, personId: string): boolean {
  return personId in policy.people && may(policy, personId, "review");
}

/** Declared it, was paged for it, held a role on it, or wrote on its timeline. */
export function tookPart(incident: Incident, entries: readonly TimelineEntry[], personId: string): boolean {
  const { roles } = incident;
  return (
    incident.declaredBy.personId === personId ||
    incident.pages.some((p) => p.personId === personId) ||
    roles.lead === personId ||
    roles.liaison === personId ||
    roles.handlers.includes(personId) ||
    entries.some((e) => e.actor.personId === personId)
  );
}

/** May this person read this incident's page, summary and timeline? */
export function mayRead(policy: Policy, personId: string, incident: Incident, entries: readonly TimelineEntry[]): boolean {
  if (!(personId in policy.people)) return false;
  return isReviewer(policy, personId) || tookPart(incident, entries, personId);
}
