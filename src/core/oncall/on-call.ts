import type { BusinessCalendar } from "../calendar/business-calendar.js";
import type { Policy } from "../policy/schema.js";
import { bindRotation, type Rotation } from "./rotation.js";

/** One rotation of the policy, bound to the calendar; undefined when the policy has no such rotation (any more). */
export function rotationOf(policy: Policy, cal: BusinessCalendar, id: string): Rotation | undefined {
  const spec = policy.rotations[id];
  return spec ? bindRotation(id, spec, cal) : undefined;
}
