import type { Alert } from "../../src/core/alerts/normalize.js";
import { policySchema } from "../../src/core/policy/schema.js";
import { defaultPolicy } from "./default-policy.js";

/** The default policy with one generic alert source, `mon`, and a 10-minute storm window. */
export function alertPolicy() {
  return policySchema.parse({
    ...defaultPolicy(),
    alerts: { sources: { mon: { name: "Monitor", format: "generic", secretEnv: "MON_SECRET" } }, stormWindow: "10m" },
  });
}

/** A firing alert whose fingerprint is `id`. */
export const firing = (id: string): Alert => ({
  status: "firing",
  fingerprint: id,
  labels: { alertname: `Probe ${id} down`, probe: id },
  annotations: {},
  links: [],
});
