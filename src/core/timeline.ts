import { z } from "zod";
import { actorSchema, type Actor } from "./model.js";

// Every entry type the timeline knows, with the data each carries, defined
// once as zod schemas (the types are inferred; the store parses what it reads
// back by type). The after-action summary is built from these entries alone,
// so an entry carries what a reader needs (names, due times) rather than a
// pointer to mutable state.

const clockPlan = z.array(z.strictObject({ key: z.string(), dueAt: z.string(), basis: z.string() }));

export const entryDataSchemas = {
  declared: z.strictObject({
    title: z.string(),
    severity: z.string(),
    kind: z.string(),
    drill: z.boolean(),
    customer: z.string().optional(),
    clocks: clockPlan,
  }),
  paged: z.strictObject({
    step: z.number(),
    personIds: z.array(z.string()),
    notified: z.array(z.string()),
    groups: z.array(z.string()),
    /** Who each rotation the step named resolved to when it fired (nobody: no one on call). */
    onCall: z.array(z.strictObject({ rotation: z.string(), personId: z.string().optional() })).optional(),
  }),
  acknowledged: z.strictObject({ personId: z.string(), pageId: z.string().optional(), afterMinutes: z.number() }),
  escalated: z.strictObject({ fromStep: z.number(), toStep: z.number(), reason: z.enum(["timeout", "manual", "deadline_missed"]) }),
  escalation_exhausted: z.strictObject({ step: z.number() }),
  severity_changed: z.strictObject({
    from: z.string(),
    to: z.string(),
    reason: z.string(),
    /** Deadlines running after the change (new or recomputed), and those that no longer apply. */
    clocks: clockPlan,
    dropped: z.array(z.string()),
  }),
  kind_changed: z.strictObject({ from: z.string(), to: z.string() }),
  note: z.strictObject({
    text: z.string(),
    source: z.enum(["command", "pinned", "reaction"]).optional(),
    permalink: z.string().optional(),
    author: z.string().optional(),
    /** The chat message a captured note came from, so it is captured once. */
    messageId: z.string().optional(),
  }),
  role_assigned: z.strictObject({ role: z.enum(["lead", "liaison", "handler"]), personId: z.string() }),
  update_posted: z.strictObject({
    audience: z.enum(["customer", "internal"]),
    text: z.string(),
    /** The formal answer to the complaint (stops the answer clock). */
    answer: z.boolean().optional(),
  }),
  reminder_posted: z.strictObject({ clock: z.string(), dueAt: z.string(), overdue: z.boolean(), late: z.boolean().optional() }),
  deadline_met: z.strictObject({ clock: z.string(), dueAt: z.string(), metAt: z.string(), marginMinutes: z.number() }),
  deadline_missed: z.strictObject({
    clock: z.string(),
    dueAt: z.string(),
    late: z.boolean().optional(),
    /** Who the miss was reported to. */
    reportedTo: z.array(z.string()).optional(),
  }),
  /** The incident closed with this clock still running and not yet due. */
  deadline_not_met: z.strictObject({ clock: z.string(), dueAt: z.string() }),
  deadline_waived: z.strictObject({ clock: z.string(), dueAt: z.string(), reason: z.string() }),
  clock_stopped: z.strictObject({ clock: z.string(), dueAt: z.string(), overdueMinutes: z.number() }),
  resolved: z.strictObject({ summary: z.string().optional() }),
  /** The customer accepted the fix (验收). */
  accepted: z.strictObject({ satisfaction: z.number().optional(), comment: z.string().optional() }),
  /** The customer refused the fix: the incident is reopened. */
  refused: z.strictObject({ reason: z.string() }),
  /** The return call after closing (回访): reached or not, and what the customer said. */
  return_call: z.strictObject({ reached: z.boolean(), satisfaction: z.number().optional(), comment: z.string().optional() }),
  claim_added: z.strictObject({}),
  /** Deadlines started after the declaration (by the resolve, a reopen, the close, a claim or a visit). */
  clocks_started: z.strictObject({ clocks: clockPlan }),
  onsite_set: z.strictObject({ onsite: z.enum(["local", "remote"]) }),
  /** People paged at a plan that no longer applies, told they are released. */
  stood_down: z.strictObject({ personIds: z.array(z.string()) }),
  reopened: z.strictObject({ reason: z.string() }),
  closed: z.strictObject({ satisfaction: z.number().optional() }),
  followup_added: z.strictObject({ id: z.string(), text: z.string(), ownerId: z.string().optional(), due: z.string().optional() }),
  followup_done: z.strictObject({ id: z.string() }),
  /** A follow-up's due day came (its first reminder went to its owner); later reminders record nothing. */
  followup_due: z.strictObject({ id: z.string(), text: z.string(), ownerId: z.string(), due: z.string().optional() }),
  /** A rotation covering the incident changed hands, and the incoming person was told (`key`: the handoff timer's). */
  handoff: z.strictObject({ key: z.string(), rotation: z.string(), at: z.string(), from: z.string().optional(), to: z.string() }),
  room_opened: z.strictObject({ channelId: z.string(), name: z.string().optional(), url: z.string().optional() }),
  delivery_failed: z.strictObject({ what: z.string(), target: z.string().optional(), error: z.string() }),
  /** An alert from a source: firing (the first, a repeat, or one folded in from a storm) or resolved. */
  alert: z.strictObject({
    source: z.string(),
    status: z.enum(["firing", "resolved"]),
    fingerprint: z.string(),
    title: z.string(),
    labels: z.record(z.string(), z.string()),
    links: z.array(z.string()),
    repeat: z.boolean(),
  }),
  timer_late: z.strictObject({ timer: z.string(), dueAt: z.string(), lateMinutes: z.number() }),
};

export type EntryData = { [K in keyof typeof entryDataSchemas]: z.infer<(typeof entryDataSchemas)[K]> };
export type EntryType = keyof EntryData;

export type TimelineEntry = {
  [K in EntryType]: { seq: number; at: string; type: K; actor: Actor; data: EntryData[K] };
}[EntryType];

export type NewEntry = {
  [K in EntryType]: { at: string; type: K; actor: Actor; data: EntryData[K] };
}[EntryType];

export const ENTRY_TYPES = Object.keys(entryDataSchemas) as EntryType[];

/** A stored entry, read back: its data checked against its own type's schema. */
export function parseEntry(raw: { seq: number; at: string; type: string; actor: unknown; data: unknown }): TimelineEntry {
  const type = z.enum(ENTRY_TYPES as [EntryType, ...EntryType[]]).parse(raw.type);
  return {
    seq: raw.seq,
    at: raw.at,
    type,
    actor: actorSchema.parse(raw.actor),
    data: entryDataSchemas[type].parse(raw.data),
  } as TimelineEntry;
}
