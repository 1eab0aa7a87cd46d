import { UserError } from "../errors.js";
import type { BusinessCalendar } from "../calendar/business-calendar.js";
import type { Policy } from "../policy/schema.js";
import { rotationOf } from "./on-call.js";
import { onCallSpans, type Rotation } from "./rotation.js";
import type { RotationOverride } from "./schema.js";

// Overrides and swaps as decisions: what to store for `oncall override` and
// `oncall swap`, what `oncall cancel` takes back, or the user error that says why not.

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

/** The short reference `oncall list` shows for an override, and `oncall cancel` takes: the end of its id. */
export const overrideRef = (id: string): string => id.replace(/-/g, "").slice(-6).toLowerCase();

/** What `oncall cancel` takes back: an override, or every half of a swap. */
export interface Cancellation {
  /** The overrides to take back (those not over yet). */
  ids: string[];
  rotation: string;
  /** The override named, or the first half of the swap. */
  first: RotationOverride;
  /** One of them is running: taking it back changes hands now. */
  running: boolean;
  /** For a swap: the two people, and how many shifts it swapped. */
  swap?: { a: string; b: string; shifts: number };
}

/**
 * `oncall cancel <ref>`: the override whose id ends with what is typed
 * (hyphens aside, four characters at least): the reference `oncall list`
 * shows, or more of the id when two share it, or the whole id.
 * The halves of one swap were added together (same rotation, author and
 * instant, each covering someone), so naming either takes back the swap.
 * Refused for an unknown reference and for one already over.
 */
export function cancellation(all: readonly RotationOverride[], typed: string, now: Date): Cancellation {
  const compact = (id: string) => id.replace(/-/g, "").toLowerCase();
  const ref = compact(typed.trim());
  const over = (o: RotationOverride) => Date.parse(o.to) <= now.getTime();
  let named = all.filter((o) => ref.length >= 4 && compact(o.id).endsWith(ref));
  if (named.length > 1) named = named.filter((o) => !over(o)); // an old override sharing the reference is not meant
  if (named.length > 1) throw new UserError("ONCALL.AMBIGUOUS_OVERRIDE", { value: typed });
  const target = named[0];
  if (!target) throw new UserError("ONCALL.UNKNOWN_OVERRIDE", { value: typed });
  const group = target.replaces
    ? all.filter(
        (o) => o.replaces && o.rotation === target.rotation && o.createdBy === target.createdBy && o.createdAt === target.createdAt,
      )
    : [target];
  const live = group.filter((o) => !over(o));
  if (!live.length) throw new UserError("ONCALL.OVERRIDE_OVER", { value: typed, rotation: target.rotation });
  const first = [...group].sort((a, b) => a.from.localeCompare(b.from))[0]!;
  return {
    ids: live.map((o) => o.id),
    rotation: target.rotation,
    first,
    running: live.some((o) => Date.parse(o.from) < now.getTime()),
    ...(target.replaces ? { swap: { a: first.personId, b: first.replaces!, shifts: group.length } } : {}),
  };
}
