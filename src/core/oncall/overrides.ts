import { UserError } from "../errors.js";
import type { BusinessCalendar } from "../calendar/business-calendar.js";
import type { Policy } from "../policy/schema.js";
import { rotationOf } from "./on-call.js";
import { onCallSpans, type Rotation } from "./rotation.js";
import type { RotationOverride } from "./schema.js";

// Overrides and swaps as decisions: what to store for `oncall override` and
// `oncall swap`, or the user error that says why not.

/** Who adds it, when, and the ids to give what is added. */
export interface OverrideMeta {
  createdBy: string;
  now: Date;
  newId: () => string;
}

/** At most this long an override or swap may last. */
const MAX_DAYS = 92;

export function requireRotation(policy: Policy, cal: BusinessCalendar, id: string): Rotation {
  const key = id.toLowerCase();
  const rotation = rotationOf(policy, cal, key);
  if (!rotation) throw new UserError("ROTATION.UNKNOWN", { value: id, choices: Object.keys(policy.rotations).join(", ") || "-" });
  return rotation;
}

function checkWindow(from: Date, to: Date, now: Date): void {
  const span = (to.getTime() - from.getTime()) / 86_400_000;
  if (!(to > from) || to <= now || span > MAX_DAYS)
    throw new UserError("ONCALL.BAD_WINDOW", { from: from.toISOString(), to: to.toISOString(), max: String(MAX_DAYS) });
}

/** `oncall override`: the person covers the rotation over [from, to). */
export function overrideFor(rotation: Rotation, personId: string, from: Date, to: Date, meta: OverrideMeta): RotationOverride {
  checkWindow(from, to, meta.now);
  return {
    id: meta.newId(),
    rotation: rotation.id,
    personId,
    from: from.toISOString(),
    to: to.toISOString(),
    createdBy: meta.createdBy,
    createdAt: meta.now.toISOString(),
  };
}

/**
 * `oncall swap`: over [from, to), wherever the schedule (overrides included)
 * has one of the two on call, the other covers it. Refused when neither has a
 * shift in the window.
 */
export function swapFor(
  rotation: Rotation,
  overrides: readonly RotationOverride[],
  a: string,
  b: string,
  from: Date,
  to: Date,
  meta: OverrideMeta,
): RotationOverride[] {
  checkWindow(from, to, meta.now);
  if (a === b) throw new UserError("ONCALL.SWAP_SELF", { value: a });
  const out: RotationOverride[] = [];
  for (const span of onCallSpans(rotation, overrides, from, to)) {
    const other = span.personId === a ? b : span.personId === b ? a : undefined;
    if (!other) continue;
    out.push({
      id: meta.newId(),
      rotation: rotation.id,
      personId: other,
      from: span.start.toISOString(),
      to: span.end.toISOString(),
      replaces: span.personId!,
      createdBy: meta.createdBy,
      createdAt: meta.now.toISOString(),
    });
  }
  if (!out.length) throw new UserError("ONCALL.NOTHING_TO_SWAP", { rotation: rotation.id });
  return out;
}
