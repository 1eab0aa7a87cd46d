import { createHmac, timingSafeEqual } from "node:crypto";
import type { BusinessCalendar } from "../core/calendar/business-calendar.js";
import { words } from "../core/incident/context.js";
import { icalFeed, type IcalEvent } from "../core/oncall/ical.js";
import { rotationOf } from "../core/oncall/on-call.js";
import { onCallSpans } from "../core/oncall/rotation.js";
import type { RotationOverride } from "../core/oncall/schema.js";
import type { Policy } from "../core/policy/schema.js";

// Subscribable calendars of on-call shifts, one per rotation and one per
// person. A calendar program cannot log in, so the link carries a signature
// of what it shows: a signature for one feed opens that feed and nothing else
// (it is not a reviewer session). Changing BEACON_LINK_SECRET revokes them all.

export type FeedSubject = { kind: "rotation" | "person"; id: string };

const FEED = /^\/oncall\/(rotation|person)\/([a-z0-9][a-z0-9_-]*)\.ics$/;

const mac = (secret: string, s: FeedSubject) => createHmac("sha256", secret).update(`oncall-feed\n${s.kind}\n${s.id}`).digest("base64url");

/** The path (with its signature) of a feed. */
export function feedPath(secret: string, s: FeedSubject): string {
  return `/oncall/${s.kind}/${s.id}.ics?sig=${mac(secret, s)}`;
}

/** The feed a request names, if its signature is right. */
export function feedOf(secret: string, url: URL): FeedSubject | "denied" | undefined {
  const m = FEED.exec(url.pathname);
  if (!m) return undefined;
  const subject = { kind: m[1] as FeedSubject["kind"], id: m[2]! };
  const given = Buffer.from(url.searchParams.get("sig") ?? "");
  const expected = Buffer.from(mac(secret, subject));
  return given.length === expected.length && timingSafeEqual(given, expected) ? subject : "denied";
}

/** How far back and ahead a feed reaches. */
const PAST_DAYS = 14;
const AHEAD_DAYS = 90;

/** The feed's iCalendar text, or undefined when the policy has no such rotation or person. */
export function feedText(
  policy: Policy,
  cal: BusinessCalendar,
  overrides: readonly RotationOverride[],
  s: FeedSubject,
  now: Date,
): string | undefined {
  const w = words(policy);
  const from = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const to = new Date(now.getTime() + AHEAD_DAYS * 86_400_000);
  const ids = s.kind === "rotation" ? [s.id] : Object.keys(policy.rotations);
  if (s.kind === "rotation" ? !(s.id in policy.rotations) : !(s.id in policy.people)) return undefined;
  const events: IcalEvent[] = ids.flatMap((id) =>
    onCallSpans(rotationOf(policy, cal, id)!, overrides, from, to)
      .filter((span) => span.personId && (s.kind === "rotation" || span.personId === s.id))
      .map((span) => ({
        uid: `${id}-${span.personId}-${span.start.getTime()}@beacon`,
        start: span.start,
        end: span.end,
        summary: s.kind === "rotation" ? `${w.rotation(id)}: ${w.name(span.personId)}` : `${w.t.oncall.feedSummary(w.rotation(id))}`,
      })),
  );
  const name = s.kind === "rotation" ? w.rotation(s.id) : `${w.t.oncall.feedSummary(w.name(s.id))}`;
  return icalFeed(name, events, now);
}
