import { addLocalDays } from "../core/calendar/zoned.js";
import { computeFigures, monthOf, type FigureInput, type Figures } from "../core/figures.js";
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

function within(zone: string, p: { from?: string; to?: string }) {
  const lo = p.from ? dayStart(p.from, zone).getTime() : -Infinity;
  const hi = p.to ? dayStart(addLocalDays(p.to, 1), zone).getTime() : Infinity;
  return (i: FigureInput) => {
    const t = Date.parse(i.declaredAt);
    return t >= lo && t < hi;
  };
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
  const earliest = [q.from, prev?.from, `${trendStart}-01`].filter((d): d is string => Boolean(d)).sort()[0]!;
  const all = await store.figureInputs({ ...filter, from: q.from ? dayStart(earliest, zone) : undefined, limit: undefined });
  const current = q.from || q.to ? all.filter(within(zone, q)) : all;
  const trendInputs = all.filter(within(zone, { from: `${trendStart}-01`, to: monthRange(endMonth).to }));
  return {
    current: computeFigures(current, now, zone),
    previous: prev ? { period: prev, figures: computeFigures(all.filter(within(zone, prev)), now, zone) } : undefined,
    trend: computeFigures(trendInputs, now, zone).months,
  };
}

/** The incident's month and the month before, for the panel on the incident page. */
export async function loadMonth(store: IncidentStore, policy: Policy, incident: Incident, now: Date): Promise<MonthContext> {
  const zone = policy.calendar.timeZone;
  const month = monthOf(incident.declaredAt, zone);
  const before = previousMonth(month);
  const inputs = await store.figureInputs({
    from: dayStart(`${before}-01`, zone),
    to: dayStart(addLocalDays(monthRange(month).to, 1), zone),
  });
  const of = (m: string) =>
    computeFigures(
      inputs.filter((i) => monthOf(i.declaredAt, zone) === m),
      now,
      zone,
    );
  return { month, current: of(month), previous: { month: before, figures: of(before) } };
}
