import { UserError } from "../core/errors.js";
import { messages } from "../core/i18n/index.js";
import type { Actor } from "../core/model.js";
import { allowedFor, may, type Action } from "../core/policy/directory.js";
import type { Policy } from "../core/policy/schema.js";

export function requirePermission(policy: Policy, actor: Actor, action: Action): void {
  if (may(policy, actor.personId, action)) return;
  if (action === "oncall") throw new UserError("ONCALL.DENIED", { allowed: policy.permissions.oncall.join(", ") });
  const t = messages(policy.locale);
  throw new UserError("PERMISSION.DENIED", { action: t.action[action] ?? action, allowed: allowedFor(policy, action).join(", ") });
}
