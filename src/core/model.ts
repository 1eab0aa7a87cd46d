import { z } from "zod";
import { basisSchema } from "./calendar/deadline.js";

// The incident aggregate and its parts, defined once as zod schemas: the
// TypeScript types are inferred from them, and the store parses every
// document it reads back with the same schemas (strict: an unknown key is an
// error, so nothing written can silently vanish on a read).

const iso = z.string();

export const statusSchema = z.enum(["declared", "acknowledged", "resolved", "closed"]);
export type Status = z.infer<typeof statusSchema>;

/** Who did something. `personId` is set when the platform user is a person of the policy. */
export const actorSchema = z.strictObject({
  personId: z.string().optional(),
  platform: z.string(),
  userId: z.string(),
  name: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;

export const SYSTEM_ACTOR: Actor = { platform: "beacon", userId: "beacon", name: "Beacon" };

/** A place on a chat platform, opaque to the core. */
export const chatRefSchema = z.strictObject({
  platform: z.string(),
  channelId: z.string(),
  messageId: z.string().optional(),
  name: z.string().optional(),
  url: z.string().optional(),
});
export type ChatRef = z.infer<typeof chatRefSchema>;

/**
 * Core text mentions people as `@{personId}`; someone the policy does not know
 * is mentioned by their platform user id, `@{platform:userId}` (a person id
 * never holds a colon). Each adapter renders both in its own syntax.
 */
export const userMention = (actor: Actor): string => `@{${actor.platform}:${actor.userId}}`;

/** A link to a room in core text, `#{channelId}`, rendered by the room's platform (`<#C…>` on Slack). */
export const roomLink = (room: ChatRef): string => `#{${room.channelId}}`;

/** One paging step, frozen onto the incident when it is declared or re-planned. */
export const pagingStepSchema = z.strictObject({
  /** Person ids, expanded from groups at planning time. */
  page: z.array(z.string()),
  /** Informed (FYI), no acknowledgement expected. */
  notify: z.array(z.string()),
  /** Group ids the step named, for the record. */
  groups: z.array(z.string()),
  /** How long to wait for an acknowledgement before the next step. */
  waitMinutes: z.number(),
  /** Rotation ids the step names: whoever is on call for each when the step fires is paged (or informed). */
  rotations: z.strictObject({ page: z.array(z.string()), notify: z.array(z.string()) }).optional(),
});
export type PagingStep = z.infer<typeof pagingStepSchema>;

export const pageSchema = z.strictObject({
  /** `<incidentId>:p<n>` */
  id: z.string(),
  step: z.number().int(),
  /** The paging plan it belongs to (a severity change starts a new one); absent on pages of the first plan. */
  generation: z.number().int().optional(),
  /** Released: the plan it belonged to no longer applies (a lowered severity). */
  stoodDownAt: iso.optional(),
  personId: z.string(),
  pagedAt: iso,
  ackedAt: iso.optional(),
  /** Person id. */
  ackedBy: z.string().optional(),
  /** The page message, once delivered. */
  ref: chatRefSchema.optional(),
  /** Delivery finally failed. */
  failed: z.boolean().optional(),
});

/**
 * What ends a clock, each by its own event (a clock is never met by another
 * one): an acknowledgement, an update to the customer, the formal answer to a
 * complaint, a `done` by hand (on-site arrival, forwarded, compensation
 * settled), the resolve, the customer's acceptance, the return call.
 */
export const stopEventSchema = z.enum(["acknowledge", "customer_update", "answer", "done", "resolve", "accept", "return_call"]);
export type StopEvent = z.infer<typeof stopEventSchema>;

export const clockStateSchema = z.strictObject({
  key: z.string(),
  /** Incremented when the clock is re-planned (severity change), so its timer keys never collide. */
  run: z.number().int(),
  basis: basisSchema,
  startedAt: iso,
  dueAt: iso,
  stopOn: stopEventSchema,
  /** ISO instants at which a reminder is posted before the deadline. */
  remindAt: z.array(iso),
  overdueEveryMinutes: z.number().optional(),
  maxOverdueReminders: z.number().int(),
  escalateOnMiss: z.boolean(),
  stoppedAt: iso.optional(),
  missedAt: iso.optional(),
  /** Set when the clock no longer applies (severity or kind changed). */
  cancelledAt: iso.optional(),
  /** Waived by someone with permission, with a reason: reported apart, never counted. */
  waivedAt: iso.optional(),
  waivedBy: z.string().optional(),
  waiveReason: z.string().optional(),
  /** Still running, and not yet due, when the incident was closed: recorded as not met. */
  notMetAt: iso.optional(),
  /** Who missing it was reported to (once). */
  reportedTo: z.array(z.string()).optional(),
});
export type ClockState = z.infer<typeof clockStateSchema>;

export const followUpSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  ownerId: z.string().optional(),
  /** YYYY-MM-DD */
  due: z.string().optional(),
  status: z.enum(["open", "done"]),
  createdAt: iso,
  /** Reminders sent so far (due day, then each working day overdue): names the pending reminder timer. */
  reminded: z.number().int().optional(),
});

export const incidentSchema = z.strictObject({
  id: z.string(),
  number: z.number().int(),
  requestKey: z.string(),
  title: z.string(),
  kind: z.string(),
  severity: z.string(),
  status: statusSchema,
  drill: z.boolean(),
  declaredAt: iso,
  declaredBy: actorSchema,
  customer: z.string().optional(),
  region: z.string().optional(),
  onsite: z.enum(["local", "remote"]).optional(),
  claim: z.boolean().optional(),
  description: z.string().optional(),
  /** Declared from alerts: their source, the fingerprints folded into it, and the first alert's labels and links. */
  alert: z
    .strictObject({
      source: z.string(),
      fingerprints: z.array(z.string()),
      /** Those still firing (a resolved alert leaves this list). */
      firing: z.array(z.string()),
      labels: z.record(z.string(), z.string()),
      links: z.array(z.string()),
      /** The alert batches (ledger timer keys) last recorded on it, each with the index of its last alert recorded: a batch run again after a crash skips those. */
      recorded: z.array(z.strictObject({ batch: z.string(), through: z.number().int() })).optional(),
    })
    .optional(),
  roles: z.strictObject({ lead: z.string().optional(), liaison: z.string().optional(), handlers: z.array(z.string()) }),
  paging: z.strictObject({
    steps: z.array(pagingStepSchema),
    current: z.number().int(),
    startedAt: iso,
    generation: z.number().int(),
    /** This plan was acknowledged (a raise starts a new plan that must be acknowledged again). */
    ackedAt: iso.optional(),
  }),
  pages: z.array(pageSchema),
  clocks: z.array(clockStateSchema),
  room: chatRefSchema.optional(),
  card: chatRefSchema.optional(),
  followUps: z.array(followUpSchema),
  /** Per rotation, the instant of the last handoff its incoming person heard of for this incident (so a re-run is silent). */
  handoffs: z.record(z.string(), iso).optional(),
  acknowledgedAt: iso.optional(),
  firstResponseAt: iso.optional(),
  resolvedAt: iso.optional(),
  closedAt: iso.optional(),
  /** The customer accepted the fix (验收). */
  acceptance: z.strictObject({ at: iso, by: z.string(), satisfaction: z.number().optional(), comment: z.string().optional() }).optional(),
  /** The return call after closing (回访). */
  returnCall: z
    .strictObject({ at: iso, by: z.string(), reached: z.boolean(), satisfaction: z.number().optional(), comment: z.string().optional() })
    .optional(),
  /** The customer's satisfaction, 1–5: from the return call, else from the acceptance; one score per incident. */
  satisfaction: z.number().optional(),
  version: z.number().int(),
  nextSeq: z.number().int(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const incidentLabel = (incident: Pick<Incident, "number">): string => `INC-${incident.number}`;
