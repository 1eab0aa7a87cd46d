import { z } from "zod";
import type { ClockOutcome } from "../core/clock-outcome.js";
import { addLocalDays, fromZoned } from "../core/calendar/zoned.js";
import { drilledClocks } from "../core/figure-drill.js";
import type { ClockState, Incident } from "../core/model.js";
import type { Policy } from "../core/policy/schema.js";
import type { IncidentFilter, ListCursor } from "../ports/incident-store.js";

// The query every list, figures page and CSV shares: severity, kind,
// status, period, and the drill-down from a figure (one clock, one outcome,
// resolved or not). The drill-down asks clockOutcome exactly as the figures
// did, so "2 missed" opens the two deadlines that were counted. Lists come a
// page at a time: `before` / `after` name the incident a page ends at.

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
/** A page boundary in a link: `<declared at, ms since 1970>.<number>`. */
const cursor = z
  .string()
  .regex(/^-?\d{1,15}\.\d{1,10}$/)
  .optional()
  .catch(undefined);
const querySchema = z.object({
  severity: z.string().optional(),
  kind: z.string().optional(),
  status: z.enum(["declared", "acknowledged", "resolved", "closed"]).optional().catch(undefined),
  from: date,
  to: date,
  clock: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/)
    .optional()
    .catch(undefined),
  outcome: z.enum(["met", "missed", "waived", "running"]).optional().catch(undefined),
  resolved: z.enum(["yes", "no"]).optional().catch(undefined),
  /** Drills only (the list of drills, apart from the incidents). */
  drill: z.enum(["yes"]).optional().catch(undefined),
  before: cursor,
  after: cursor,
});

export type ListQuery = z.infer<typeof querySchema>;

/** Midnight starting a local day (YYYY-MM-DD) in the policy's zone. */
export function dayStart(day: string, zone: string): Date {
  const [year, month, d] = day.split("-").map(Number) as [number, number, number];
  return fromZoned({ year, month, day: d, hour: 0, minute: 0 }, zone);
}

export function parseQuery(policy: Policy, url: URL): { q: ListQuery; filter: IncidentFilter } {
  const zone = policy.calendar.timeZone;
  const q = querySchema.parse(Object.fromEntries(url.searchParams));
  const filter: IncidentFilter = {};
  if (q.severity && q.severity in policy.severities) filter.severity = [q.severity];
  else q.severity = undefined;
  if (q.kind && q.kind in policy.kinds) filter.kind = [q.kind];
  else q.kind = undefined;
  if (q.status) filter.status = [q.status];
  if (q.from) filter.from = dayStart(q.from, zone);
  if (q.to) filter.to = dayStart(addLocalDays(q.to, 1), zone);
  if (q.drill) filter.drill = true;
  return { q, filter };
}

/** The incident a page boundary names, as the store reads it (`undefined` when absent or out of range). */
export function cursorOf(value: string | undefined): ListCursor | undefined {
  if (!value) return undefined;
  const [ms, number] = value.split(".").map(Number) as [number, number];
  const declaredAt = new Date(ms);
  return Number.isNaN(declaredAt.getTime()) || number > 2_147_483_647 ? undefined : { declaredAt, number };
}

/** The page boundary at an incident, for a link. */
export const cursorAt = (i: Pick<Incident, "declaredAt" | "number">): string => `${Date.parse(i.declaredAt)}.${i.number}`;

/** The drill-down as the store filters it (`undefined` for the plain list). */
export function behindOf(q: ListQuery, now: Date): IncidentFilter["behind"] {
  if (!drillsDown(q)) return undefined;
  return { clock: q.clock, outcome: q.outcome, resolved: q.resolved === undefined ? undefined : q.resolved === "yes", now };
}

/** Does the query drill into figures (so drills, which figures leave out, are left out too)? */
export const drillsDown = (q: ListQuery): boolean => Boolean(q.clock || q.outcome || q.resolved);

/** The deadlines of an incident that the drill-down names (every latest clock when it names none). */
export function matchingClocks(incident: Incident, q: ListQuery, now: Date): Array<{ clock: ClockState; outcome: ClockOutcome }> {
  return drilledClocks(incident.clocks, { clock: q.clock, outcome: q.outcome }, now);
}

/** The query as a URL search string, for links between pages and to the CSV. */
export function queryString(q: Partial<ListQuery>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}
