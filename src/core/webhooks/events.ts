import { z } from "zod";
import type { Change } from "../incident/change.js";
import { id } from "../policy/primitives.js";
import type { EntryType } from "../timeline.js";

// Events out: outbound webhooks as policy data, and the versioned event each
// subscribed timeline entry becomes. Events are added to the change that
// records their entry, as deliveries of the outbox: committed in the same
// transaction, sent after, retried, and recorded as failed after the last try.

/** The events a webhook may ask for, each named by the timeline entry it reports. */
export const EVENT_ENTRIES = {
  declared: "declared",
  acknowledged: "acknowledged",
  severity_changed: "severity_changed",
  deadline_missed: "deadline_missed",
  resolved: "resolved",
  accepted: "accepted",
  closed: "closed",
  follow_up_due: "followup_due",
} as const satisfies Record<string, EntryType>;

type EventName = keyof typeof EVENT_ENTRIES;
const eventNames = Object.keys(EVENT_ENTRIES) as [EventName, ...EventName[]];

export const webhookSchema = z.strictObject({
  key: id,
  url: z.url({ protocol: /^https?$/ }),
  events: z.array(z.enum(eventNames)).min(1),
  /** The environment variable holding the HMAC secret (never the secret itself). */
  secretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "an environment variable name like BEACON_WEBHOOK_SECRET"),
});
export type WebhookPolicy = z.infer<typeof webhookSchema>;

/** The version of the event body; a receiver checks it before reading the rest. */
export const EVENT_VERSION = 1;

/**
 * Add one `webhook` delivery per subscribed hook for each entry of the change
 * that reports an event. The event id (`<incident id>:<entry seq>`) is the
 * same on every retry, so a receiver that keeps the ids it has seen sees each
 * event once.
 */
export function addWebhookEvents(change: Change, hooks: readonly WebhookPolicy[]): void {
  if (!hooks.length) return;
  const inc = change.incident;
  const firstSeq = change.before?.nextSeq ?? 0;
  change.entries.forEach((entry, i) => {
    const name = eventNames.find((n) => EVENT_ENTRIES[n] === entry.type);
    if (!name) return;
    const body = JSON.stringify({
      version: EVENT_VERSION,
      id: `${inc.id}:${firstSeq + i}`,
      type: `incident.${name}`,
      at: entry.at,
      incident: {
        id: inc.id,
        number: inc.number,
        title: inc.title,
        severity: inc.severity,
        kind: inc.kind,
        status: inc.status,
        drill: inc.drill,
      },
      actor: entry.actor.personId ?? entry.actor.name,
      data: entry.data,
    });
    for (const hook of hooks) if (hook.events.includes(name)) change.deliver({ what: "webhook", hook: hook.key, body });
  });
}
