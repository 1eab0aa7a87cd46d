import { z } from "zod";
import { clockOutcome, type ClockOutcome } from "../core/clock-outcome.js";
import { addLocalDays, fromZoned } from "../core/calendar/zoned.js";
import type { ClockState, Incident } from "../core/model.js";
import type { Policy } from "../core/policy/schema.js";
import { latestClocks } from "../core/views.js";
import type { IncidentFilter } from "../ports/incident-store.js";

// The query every list, figures page and CSV shares: severity, kind,
// status, period, and the drill-down from a figure (one clock, one outcome,
// resolved or not). The drill-down asks clockOutcome exactly as the figures
// did, so "2 missed" opens the two deadlines that were counted.

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
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
});

export type ListQuery = z.infer<typeof querySchema>;

/** The most incidents a list or figures request reads (figures over more are for the JSON API with a period). */
const MAX = 100_000;

/** Midnight starting a local day (YYYY-MM-DD) in the policy's zone. */
export function dayStart(day: string, zone: string): Date {
  const [year, month, d] = day.split("-").map(Number) as [number, number, number];
  return fromZoned({ year, month, day: d, hour: 0, minute: 0 }, zone);
}

export function parseQuery(policy: Policy, url: URL): { q: ListQuery; filter: IncidentFilter } {
  const zone = policy.calendar.timeZone;
  const q = querySchema.parse(Object.fromEntries(url.searchParams));
  const filter: IncidentFilter = { limit: MAX };
  if (q.severity && q.severity in policy.severities) filter.severity = [q.severity];
  else q.severity = undefined;
  if (q.kind && q.kind in policy.kinds) filter.kind = [q.kind];
  else q.kind = undefined;
  if (q.status) filter.status = [q.status];
  if (q.from) filter.from = dayStart(q.from, zone);
  if (q.to) filter.to = dayStart(addLocalDays(q.to, 1), zone);
  return { q, filter };
}

/** Does the query drill into figures (so drills, which figures leave out, are left out too)? */
export const drillsDown = (q: ListQuery): boolean => Boolean(q.clock || q.outcome || q.resolved);

/** The deadlines of an incident that the drill-down names (every latest clock when it names none). */
export function matchingClocks(incident: Incident, q: ListQuery, now: Date): Array<{ clock: ClockState; outcome: ClockOutcome }> {
  return latestClocks(incident.clocks)
    .map((clock) => ({ clock, outcome: clockOutcome(clock, now) }))
    .filter((c) => (!q.clock || c.clock.key === q.clock) && (!q.outcome || c.outcome === q.outcome));
}

/** The incidents behind a figure: not drills, resolved or not as asked, with at least one matching deadline when one is asked for. */
export function drillDown(incidents: Incident[], q: ListQuery, now: Date): Incident[] {
  if (!drillsDown(q)) return incidents;
  return incidents.filter(
    (i) =>
      !i.drill &&
      (q.resolved === undefined || Boolean(i.resolvedAt) === (q.resolved === "yes")) &&
      (!q.clock && !q.outcome ? true : matchingClocks(i, q, now).length > 0),
  );
}

/** The query as a URL search string, for links between pages and to the CSV. */
export function queryString(q: Partial<ListQuery>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}
