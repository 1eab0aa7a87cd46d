import type { BusinessCalendar } from "../calendar/business-calendar.js";
import { words } from "../incident/context.js";
import type { Policy } from "../policy/schema.js";
import { rotationOf } from "./on-call.js";
import { overrideRef } from "./overrides.js";
import { nowAndNext } from "./rotation.js";
import type { RotationOverride } from "./schema.js";

// What `oncall` and `oncall list` answer, as text in the policy's language.

/** One line per rotation (or the one named): who is on now, until when, and who comes next. */
export function renderOnCall(
  policy: Policy,
  cal: BusinessCalendar,
  overrides: readonly RotationOverride[],
  now: Date,
  only?: string,
): string {
  const w = words(policy);
  const ids = only ? [only] : Object.keys(policy.rotations);
  if (!ids.length) return w.t.oncall.none;
  return ids
    .map((id) => {
      const rotation = rotationOf(policy, cal, id)!;
      const { now: current, next } = nowAndNext(rotation, overrides, now);
      const who = (p?: string) => (p ? w.name(p) : w.t.oncall.nobody);
      if (!next) return w.t.oncall.always(w.rotation(id), who(current.personId));
      const upcoming = next ? w.t.oncall.next(who(next.personId), w.time(next.end)) : "";
      return `${w.t.oncall.now(w.rotation(id), who(current.personId), w.time(current.end))}${upcoming}`;
    })
    .join("\n");
}

/** The overrides running or to come, one a line, in order of start, each with the reference `oncall cancel` takes. */
export function renderOverrides(policy: Policy, overrides: readonly RotationOverride[]): string {
  const w = words(policy);
  if (!overrides.length) return w.t.oncall.noOverrides;
  return [...overrides]
    .sort((a, b) => a.from.localeCompare(b.from))
    .map((o) => {
      const line = w.t.oncall.override(
        overrideRef(o.id),
        w.rotation(o.rotation),
        w.name(o.personId),
        w.time(o.from),
        w.time(o.to),
        w.name(o.createdBy),
      );
      return o.replaces ? `${line}, ${w.t.oncall.covers(w.name(o.replaces))}` : line;
    })
    .join("\n");
}
