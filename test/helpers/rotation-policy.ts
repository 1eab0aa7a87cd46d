import { policySchema, type Policy } from "../../src/core/policy/schema.js";
import { defaultPolicy } from "./default-policy.js";

/**
 * The default policy with two rotations: `ops` hands over daily at 17:45
 * Shanghai time (Lee on Friday 27 November until 17:45, then Eva), and
 * `duty`, Liu alone. Urgent pages `ops` and informs `duty`, then after 16
 * minutes pages `ops` again: one minute after the handoff.
 */
export function rotationPolicy(): Policy {
  const base = defaultPolicy();
  return policySchema.parse({
    ...base,
    rotations: {
      ops: {
        name: { en: "Ops", zh: "运维" },
        layers: [{ members: ["lee", "eva"], shift: "daily", handoff: "17:45", start: "2026-11-26" }],
      },
      duty: { name: { en: "Duty", zh: "值班经理" }, layers: [{ members: ["liu"], start: "2026-11-02" }] },
    },
    severities: {
      ...base.severities,
      urgent: {
        ...base.severities.urgent,
        paging: [
          { page: ["ops"], notify: ["duty"], wait: "16m" },
          { page: ["ops"], wait: "10m" },
        ],
      },
    },
  });
}
