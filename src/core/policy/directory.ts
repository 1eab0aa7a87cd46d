import type { Policy } from "./schema.js";

// Who is who in a policy: expanding page targets, finding a person from a
// platform identity, and the permission rules. Pure lookups.

export type Action = keyof Policy["permissions"];

/** Expand group and person ids into person ids, in order, without duplicates. */
export function expandTargets(policy: Policy, targets: string[]): string[] {
  const out: string[] = [];
  for (const t of targets) {
    const members = t in policy.groups ? policy.groups[t]!.members : t in policy.people ? [t] : [];
    for (const m of members) if (!out.includes(m)) out.push(m);
  }
  return out;
}

export function groupsOf(policy: Policy, personId: string): string[] {
  return Object.entries(policy.groups)
    .filter(([, g]) => g.members.includes(personId))
    .map(([id]) => id);
}

export function isLeader(policy: Policy, personId: string | undefined): boolean {
  return personId !== undefined && (policy.groups[policy.leadership]?.members.includes(personId) ?? false);
}

/** Who may do an action: the policy's list, or for `review` when left out, leadership, service desk and handling leads. */
export function allowedFor(policy: Policy, action: Action): string[] {
  const listed = policy.permissions[action];
  if (listed) return listed;
  return [policy.leadership, ...["service_desk", "handling_lead"].filter((g) => g in policy.groups)];
}

export function may(policy: Policy, personId: string | undefined, action: Action): boolean {
  const allowed = allowedFor(policy, action);
  if (allowed.includes("everyone")) return true;
  if (personId === undefined) return false;
  return allowed.includes(personId) || groupsOf(policy, personId).some((g) => allowed.includes(g));
}

/** The policy person behind a platform user id, if any. */
export function personByPlatformId(policy: Policy, platform: string, userId: string): string | undefined {
  for (const [id, person] of Object.entries(policy.people)) {
    const known = person.ids[platform];
    if (known !== undefined && known.toLowerCase() === userId.toLowerCase()) return id;
  }
  return undefined;
}

export function personName(policy: Policy, personId: string | undefined): string {
  if (personId === undefined) return "?";
  return policy.people[personId]?.name ?? personId;
}

/** Resolve what a user typed for a person: a person id, console name, or full name. */
export function findPerson(policy: Policy, text: string): string | undefined {
  const needle = text.replace(/^@/, "").trim().toLowerCase();
  for (const [id, p] of Object.entries(policy.people)) {
    if (id === needle || p.name.toLowerCase() === needle) return id;
    if (Object.values(p.ids).some((x) => x.toLowerCase() === needle)) return id;
  }
  return undefined;
}
