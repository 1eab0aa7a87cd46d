import type { Policy, PolicyProblem } from "./schema.js";

/**
 * How a platform names people and groups in the policy: under `ids`, keyed by
 * the platform's name. The platform owning the key says what a valid id looks
 * like; the answer describes the expected form, or is undefined when the id is fine.
 */
export interface PlatformIdentity {
  name: string;
  checkUserId(id: string): string | undefined;
  checkGroupId(id: string): string | undefined;
}

/** Every `ids` entry must name a platform Beacon has, and hold an id of that platform's form. */
export function platformIdProblems(policy: Policy, platforms: PlatformIdentity[]): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const names = platforms.map((p) => p.name).join(", ");
  const check = (kind: "people" | "groups", key: string, ids: Record<string, string>) => {
    for (const [platform, id] of Object.entries(ids)) {
      const identity = platforms.find((p) => p.name === platform);
      if (!identity) {
        out.push({ path: [kind, key, "ids", platform], message: `unknown platform "${platform}" (platforms: ${names})` });
        continue;
      }
      const wrong = kind === "people" ? identity.checkUserId(id) : identity.checkGroupId(id);
      if (wrong) out.push({ path: [kind, key, "ids", platform], message: `"${id}" is not ${wrong}` });
    }
  };
  for (const [key, person] of Object.entries(policy.people)) check("people", key, person.ids);
  for (const [key, group] of Object.entries(policy.groups)) check("groups", key, group.ids);
  return out;
}
