import { addLocalDays } from "../core/calendar/zoned.js";
import { monthOf, type Figures } from "../core/figures.js";
import type { Incident } from "../core/model.js";
import type { Policy } from "../core/policy/schema.js";
import type { IncidentFilter, IncidentStore } from "../ports/incident-store.js";
import { dayStart, type ListQuery } from "./incident-query.js";
import { monthRange, previousMonth, type MonthContext } from "./pages/month-panel.js";

// What the figures page and the incident page's month panel read, in one
// store read each: the chosen period, the period of the same length before
// it (period over period), and twelve months up to the period's end for the
// trend lines.

export interface Period {
  from: string;
  to: string;
}

export interface FiguresView {
  current: Figures;
  previous?: { period: Period; figures: Figures };
  /** Month by month, the twelve months up to the period's end (or now). */
  trend: Figures["months"];
}

const TREND_MONTHS = 12;

/** The period of the same number of days just before [from, to]. */
export function previousPeriod(p: Period): Period {
  const days = Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) + 1;
  return { from: addLocalDays(p.from, -days), to: addLocalDays(p.from, -1) };
}

export async function loadFigures(
  store: IncidentStore,
  policy: Policy,
  q: ListQuery,
  filter: IncidentFilter,
  now: Date,
): Promise<FiguresView> {
  const zone = policy.calendar.timeZone;
  const endMonth = q.to ? q.to.slice(0, 7) : monthOf(now.toISOString(), zone);
  let trendStart = endMonth;
  for (let i = 1; i < TREND_MONTHS; i++) trendStart = previousMonth(trendStart);
  const prev = q.from && q.to ? previousPeriod({ from: q.from, to: q.to }) : undefined;
  // Each set of figures computed by the store over its own period: no incident is read into memory.
  const over = (p: { from?: string; to?: string }) =>
    store.figures(
      {
        ...filter,
        from: p.from ? dayStart(p.from, zone) : undefined,
        to: p.to ? dayStart(addLocalDays(p.to, 1), zone) : undefined,
        limit: undefined,
      },
      now,
      zone,
    );
  // The trend ends with the period (its last month cut at the period's last day). When the period starts no later
  // than the trend, each trend month is whole in the period, so its figures are the period's own for that month.
  const trendFrom = `${trendStart}-01`;
  const inPeriod = !q.from || q.from <= trendFrom;
  const [current, previous, trend] = await Promise.all([
    over(q),
    prev ? over(prev) : undefined,
    inPeriod ? undefined : over({ from: trendFrom, to: q.to ?? monthRange(endMonth).to }),
  ]);
  const months = trend?.months ?? Object.fromEntries(Object.entries(current.months).filter(([m]) => m >= trendStart && m <= endMonth));
  return { current, previous: prev && previous ? { period: prev, figures: previous } : undefined, trend: months };
}

/** The incident's month and the month before, for the panel on the incident page. */
export async function loadMonth(store: IncidentStore, policy: Policy, incident: Incident, now: Date): Promise<MonthContext> {
  const zone = policy.calendar.timeZone;
  const month = monthOf(incident.declaredAt, zone);
  const before = previousMonth(month);
  const of = (m: string) =>
    store.figures({ from: dayStart(`${m}-01`, zone), to: dayStart(addLocalDays(monthRange(m).to, 1), zone) }, now, zone);
  const [current, previous] = await Promise.all([of(month), of(before)]);
  return { month, current, previous: { month: before, figures: previous } };
}
