import { z } from "zod";
import type { Incident } from "../../core/model.js";
import { ENTRY_TYPES, type TimelineEntry } from "../../core/timeline.js";
import type { TimerPayload } from "../../core/timers.js";

// JSON columns are a boundary too: what is read back is parsed, not trusted.

const iso = z.string();
const actor = z.object({ personId: z.string().optional(), platform: z.string(), userId: z.string(), name: z.string() });
const chatRef = z.object({
  platform: z.string(),
  channelId: z.string(),
  messageId: z.string().optional(),
  name: z.string().optional(),
  url: z.string().optional(),
});

export const clockSchema = z.object({
  key: z.string(),
  run: z.number().int(),
  basis: z.enum(["wall", "working", "working_days"]),
  startedAt: iso,
  dueAt: iso,
  stopOn: z.enum(["acknowledge", "customer_update", "resolve", "done"]),
  remindAt: z.array(iso),
  overdueEveryMinutes: z.number().optional(),
  maxOverdueReminders: z.number().int(),
  escalateOnMiss: z.boolean(),
  stoppedAt: iso.optional(),
  missedAt: iso.optional(),
  cancelledAt: iso.optional(),
});

export const incidentSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  requestKey: z.string(),
  title: z.string(),
  kind: z.string(),
  severity: z.string(),
  status: z.enum(["declared", "acknowledged", "resolved", "closed"]),
  drill: z.boolean(),
  declaredAt: iso,
  declaredBy: actor,
  customer: z.string().optional(),
  region: z.string().optional(),
  onsite: z.enum(["local", "remote"]).optional(),
  claim: z.boolean().optional(),
  description: z.string().optional(),
  roles: z.object({ lead: z.string().optional(), liaison: z.string().optional(), handlers: z.array(z.string()) }),
  paging: z.object({
    steps: z.array(
      z.object({ page: z.array(z.string()), notify: z.array(z.string()), groups: z.array(z.string()), waitMinutes: z.number() }),
    ),
    current: z.number().int(),
    startedAt: iso,
    generation: z.number().int(),
  }),
  pages: z.array(
    z.object({
      id: z.string(),
      step: z.number().int(),
      personId: z.string(),
      pagedAt: iso,
      ackedAt: iso.optional(),
      ackedBy: z.string().optional(),
      ref: chatRef.optional(),
      failed: z.boolean().optional(),
    }),
  ),
  clocks: z.array(clockSchema),
  room: chatRef.optional(),
  card: chatRef.optional(),
  followUps: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      ownerId: z.string().optional(),
      due: z.string().optional(),
      status: z.enum(["open", "done"]),
      createdAt: iso,
      reminded: z.number().int().optional(),
    }),
  ),
  acknowledgedAt: iso.optional(),
  firstResponseAt: iso.optional(),
  resolvedAt: iso.optional(),
  closedAt: iso.optional(),
  satisfaction: z.number().optional(),
  version: z.number().int(),
  nextSeq: z.number().int(),
}) satisfies z.ZodType<Incident>;

const delivery = z.discriminatedUnion("what", [
  z.object({ what: z.literal("open_room") }),
  z.object({ what: z.literal("card") }),
  z.object({ what: z.literal("page"), pageId: z.string() }),
  z.object({ what: z.literal("page_update"), pageId: z.string() }),
  z.object({ what: z.literal("post"), text: z.string(), mentions: z.array(z.string()) }),
  z.object({ what: z.literal("notify"), personId: z.string(), text: z.string() }),
  z.object({ what: z.literal("archive") }),
  z.object({ what: z.literal("summary") }),
]);

export const timerPayloadSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("escalate"), incidentId: z.string(), generation: z.number().int(), step: z.number().int() }),
  z.object({ kind: z.literal("remind"), incidentId: z.string(), clock: z.string(), run: z.number().int(), index: z.number().int() }),
  z.object({ kind: z.literal("deadline"), incidentId: z.string(), clock: z.string(), run: z.number().int() }),
  z.object({ kind: z.literal("overdue"), incidentId: z.string(), clock: z.string(), run: z.number().int(), n: z.number().int() }),
  z.object({ kind: z.literal("deliver"), incidentId: z.string(), delivery, attempt: z.number().int() }),
  z.object({ kind: z.literal("followup_due"), incidentId: z.string(), followUpId: z.string(), n: z.number().int().optional() }),
]) satisfies z.ZodType<TimerPayload>;

export const entryTypeSchema = z.enum(ENTRY_TYPES as [string, ...string[]]);
export const actorSchema = actor;

export function parseIncident(state: unknown): Incident {
  return incidentSchema.parse(state);
}

export function parseEntry(row: { seq: number; at: Date; type: string; actor: unknown; data: unknown }): TimelineEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    type: entryTypeSchema.parse(row.type),
    actor: actorSchema.parse(row.actor),
    data: z.record(z.string(), z.unknown()).parse(row.data),
  } as TimelineEntry;
}

const jsonColumn = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" ? JSON.parse(v) : v), schema);

/** A row of the figures' lean read (prisma-incident-store figureInputs). */
export const figureRowSchema = z.object({
  number: z.number().int(),
  drill: z.boolean(),
  kind: z.string(),
  severity: z.string(),
  declared_at: z.coerce.date(),
  acknowledged_at: z.string().nullable(),
  first_response_at: z.string().nullable(),
  resolved_at: z.string().nullable(),
  satisfaction: jsonColumn(z.number().nullable()).nullable(),
  clocks: jsonColumn(z.array(clockSchema)),
});
