import { DEFAULT_POLICY_PATH, loadPolicyFile } from "../../src/infra/policy-file.js";
import type { Policy } from "../../src/core/policy/schema.js";

/** The built-in default policy (config/default-policy.yml), optionally in another locale. */
export function defaultPolicy(locale?: "en" | "zh"): Policy {
  return loadPolicyFile(DEFAULT_POLICY_PATH, locale);
}
