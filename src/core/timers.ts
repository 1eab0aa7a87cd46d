import { z } from "zod";
import { alertSchema } from "./alerts/normalize.js";

// Durable timers: every reminder, escalation step and chat delivery is a row
// in the timer ledger, written in the same transaction as the change that
// caused it. Keys are deterministic so that re-adding a timer is a no-op.

export type TimerState = "pending" | "fired" | "cancelled";

/** What Beacon must post when a delivery timer fires. Text may hold `@{personId}` mentions. */
export const deliverySchema = z.discriminatedUnion("what", [
  z.strictObject({ what: z.literal("open_room") }),
  z.strictObject({ what: z.literal("card") }),
  z.strictObject({ what: z.literal("page"), pageId: z.string() }),
  z.strictObject({ what: z.literal("page_update"), pageId: z.string() }),
  z.strictObject({
    what: z.literal("post"),
    text: z.string(),
    mentions: z.array(z.string()),
    /** A button the post carries: the same action as the card's button (the platform without buttons shows the command). */
    action: z.strictObject({ action: z.literal("resolve"), label: z.string() }).optional(),
  }),
  z.strictObject({ what: z.literal("notify"), personId: z.string(), text: z.string() }),
  z.strictObject({ what: z.literal("archive") }),
  /** The after-action summary, posted in the room when the incident is closed. */
  z.strictObject({ what: z.literal("summary") }),
  /** An event for an outbound webhook (policy `webhooks[].key`): the versioned JSON body, signed when sent. */
  z.strictObject({ what: z.literal("webhook"), hook: z.string(), body: z.string() }),
]);
export type Delivery = z.infer<typeof deliverySchema>;

export const timerPayloadSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("escalate"), incidentId: z.string(), generation: z.number().int(), step: z.number().int() }),
  z.strictObject({ kind: z.literal("remind"), incidentId: z.string(), clock: z.string(), run: z.number().int(), index: z.number().int() }),
  z.strictObject({ kind: z.literal("deadline"), incidentId: z.string(), clock: z.string(), run: z.number().int() }),
  z.strictObject({ kind: z.literal("overdue"), incidentId: z.string(), clock: z.string(), run: z.number().int(), n: z.number().int() }),
  z.strictObject({ kind: z.literal("deliver"), incidentId: z.string(), delivery: deliverySchema, attempt: z.number().int() }),
  z.strictObject({ kind: z.literal("followup_due"), incidentId: z.string(), followUpId: z.string(), n: z.number().int().optional() }),
  /** Alerts a source posted, kept until processed (declared, folded or recorded): not tied to an incident. */
  z.strictObject({ kind: z.literal("alert"), source: z.string(), alerts: z.array(alertSchema) }),
  /** A rotation changes hands at `at`: the incoming person hears which open incidents they now cover. */
  z.strictObject({ kind: z.literal("handoff"), rotation: z.string(), at: z.string() }),
]);
export type TimerPayload = z.infer<typeof timerPayloadSchema>;

export interface TimerSpec {
  key: string;
  dueAt: string; // ISO
  payload: TimerPayload;
}

export interface TimerRow extends TimerSpec {
  state: TimerState;
  firedAt?: string;
}

export const timerKeys = {
  /** `request`: a digest of the request, so a replayed request is stored once. */
  alert: (source: string, request: string) => `alert:${source}:${request}`,
  handoff: (rotation: string, at: string) => `oncall:${rotation}:handoff:${at}`,
  escalate: (id: string, generation: number, step: number) => `incident:${id}:escalate:${generation}.${step}`,
  remind: (id: string, clock: string, run: number, index: number) => `incident:${id}:remind:${clock}.${run}.${index}`,
  deadline: (id: string, clock: string, run: number) => `incident:${id}:deadline:${clock}.${run}`,
  overdue: (id: string, clock: string, run: number, n: number) => `incident:${id}:overdue:${clock}.${run}.${n}`,
  deliver: (id: string, seq: number, n: number) => `incident:${id}:deliver:${seq}.${n}`,
  /** n: 0 on the due day, then 1, 2… for each working day it is overdue. */
  followupDue: (id: string, followUpId: string, n = 0) => `incident:${id}:followup:${followUpId}${n ? `.${n}` : ""}`,
};

/** The incident a delivery timer's key names (see `timerKeys.deliver`), or undefined for any other key. */
export function deliveryIncident(key: string): string | undefined {
  return /^incident:(.+):deliver:\d+\.\d+$/.exec(key)?.[1];
}
