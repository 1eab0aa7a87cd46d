import type { BusinessCalendar } from "../calendar/business-calendar.js";
import { formatDuration } from "../calendar/duration.js";
import { formatLocal } from "../calendar/zoned.js";
import { messages, type Messages } from "../i18n/index.js";
import type { Policy } from "../policy/schema.js";
import { personName } from "../policy/directory.js";
import { userMention, type Actor } from "../model.js";
import type { RotationOverride } from "../oncall/schema.js";

/** What every decision needs besides the incident: the policy, its calendar and "now". */
export interface DecisionContext {
  policy: Policy;
  cal: BusinessCalendar;
  now: Date;
  /** The on-call overrides in force (none when left out). */
  overrides?: readonly RotationOverride[];
}

/** Presentation helpers bound to the policy's language and time zone. */
export interface Words {
  t: Messages;
  time(at: string | Date): string;
  dur(minutes: number): string;
  name(personId: string | undefined): string;
  who(actor: Actor): string;
  /** The actor as mentioned in a room: a policy person by name, anyone else as their own platform's mention (`@{platform:userId}`). */
  mention(actor: Actor): string;
  names(personIds: string[]): string;
  mentions(personIds: string[]): string;
  severity(key: string): string;
  kind(key: string): string;
  clock(key: string): string;
  rotation(key: string): string;
}

export function words(policy: Policy): Words {
  const t = messages(policy.locale);
  const loc = policy.locale;
  return {
    t,
    time: (at) => formatLocal(typeof at === "string" ? new Date(at) : at, policy.calendar.timeZone, loc),
    dur: (m) => formatDuration(Math.round(Math.abs(m)), loc),
    name: (p) => personName(policy, p),
    who: (a) => (a.personId ? personName(policy, a.personId) : a.name),
    mention: (a) => (a.personId ? personName(policy, a.personId) : userMention(a)),
    names: (ps) => (ps.length ? ps.map((p) => personName(policy, p)).join(", ") : t.none),
    mentions: (ps) => (ps.length ? ps.map((p) => `@{${p}}`).join(" ") : t.none),
    severity: (k) => policy.severities[k]?.name[loc] ?? k,
    kind: (k) => policy.kinds[k]?.name[loc] ?? k,
    clock: (k) => policy.clocks.find((c) => c.key === k)?.name[loc] ?? k,
    rotation: (k) => policy.rotations[k]?.name[loc] ?? k,
  };
}

export const minutesBetween = (from: string | Date, to: string | Date): number =>
  (new Date(to).getTime() - new Date(from).getTime()) / 60_000;
