import { z } from "zod";
import { clockStateSchema, incidentSchema, type Incident } from "../../core/model.js";
import { parseEntry as parseEntryOf, type TimelineEntry } from "../../core/timeline.js";

// JSON columns are a boundary too: what is read back is parsed, not trusted,
// with the core's own schemas (there is no second definition to drift).

export { timerPayloadSchema } from "../../core/timers.js";

export function parseIncident(state: unknown): Incident {
  return incidentSchema.parse(upgrade(state));
}

/**
 * Documents written before a plan's acknowledgement was kept on the plan
 * (pages then had no generation): an acknowledged one counts its plan as
 * acknowledged when it was.
 */
function upgrade(state: unknown): unknown {
  const doc = state as { acknowledgedAt?: string; paging?: { ackedAt?: string }; pages?: Array<{ generation?: number }> } | null;
  if (!doc?.paging || doc.paging.ackedAt || !doc.acknowledgedAt || doc.pages?.some((p) => p.generation !== undefined)) return state;
  return { ...doc, paging: { ...doc.paging, ackedAt: doc.acknowledgedAt } };
}

export function parseEntry(row: { seq: number; at: Date; type: string; actor: unknown; data: unknown }): TimelineEntry {
  return parseEntryOf({ ...row, at: row.at.toISOString() });
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
  closed_at: z.string().nullable(),
  acceptance: jsonColumn(incidentSchema.shape.acceptance.unwrap().nullable()).nullable(),
  satisfaction: jsonColumn(z.number().nullable()).nullable(),
  clocks: jsonColumn(z.array(clockStateSchema)),
});
