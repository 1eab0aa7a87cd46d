import { clockOutcome, type ClockOutcome } from "./clock-outcome.js";
import type { Incident } from "./model.js";

// What reviewers measure (the plans' 考核指标), computed from
// incidents alone: response-time compliance per clock, severity, kind and
// month; resolution rate; time to acknowledge / first response / resolve
// (median and p90) per severity; counts by kind; satisfaction. Drills are
// counted apart and never in a figure.

export interface Rate {
  met: number;
  missed: number;
  /** Still open when the incident closed, not yet due: nothing met it. Counted against the rate. */
  notMet: number;
  /** Waived with a reason: reported, never counted in the rate. */
  waived: number;
  /** met / (met + missed + notMet); undefined when nothing has been decided yet. */
  rate?: number;
}

export interface Spread {
  n: number;
  medianMinutes?: number;
  p90Minutes?: number;
}

/** One month of the trend: what the monthly lines draw. */
export interface MonthFigures {
  incidents: number;
  byClock: Record<string, Rate>;
  acknowledge: Spread;
  firstResponse: Spread;
  resolve: Spread;
}

export interface Figures {
  incidents: number;
  drills: { count: number; numbers: number[] };
  compliance: {
    overall: Rate;
    byClock: Record<string, Rate>;
    bySeverity: Record<string, Rate>;
    byKind: Record<string, Rate>;
    byMonth: Record<string, Rate>;
  };
  resolution: { resolved: number; total: number; rate?: number };
  times: Record<string, { acknowledge: Spread; firstResponse: Spread; resolve: Spread }>;
  byKind: Record<string, number>;
  bySeverity: Record<string, number>;
  satisfaction: { n: number; mean?: number; scores: Record<string, number> };
  /** Month by month (the team's time zone), for trend lines: compliance per clock and the median times. */
  months: Record<string, MonthFigures>;
}

const emptyRate = (): Rate => ({ met: 0, missed: 0, notMet: 0, waived: 0 });

/** Count one outcome (clockOutcome decides it); running and cancelled clocks count nowhere yet. */
function count(rates: Record<string, Rate>, key: string, outcome: ClockOutcome): void {
  if (outcome !== "met" && outcome !== "missed" && outcome !== "notMet" && outcome !== "waived") return;
  const r = (rates[key] ??= emptyRate());
  r[outcome]++;
}

function finish(r: Rate): Rate {
  const total = r.met + r.missed + r.notMet;
  return total ? { ...r, rate: r.met / total } : r;
}

function spread(xs: number[]): Spread {
  if (!xs.length) return { n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { n: s.length, medianMinutes: Math.round(at(0.5) * 10) / 10, p90Minutes: Math.round(at(0.9) * 10) / 10 };
}

const minutes = (from: string, to?: string) => (to ? (Date.parse(to) - Date.parse(from)) / 60_000 : undefined);

interface Samples {
  acknowledge: number[];
  firstResponse: number[];
  resolve: number[];
}

function sample(into: Map<string, Samples>, key: string, inc: FigureInput): void {
  let s = into.get(key);
  if (!s) into.set(key, (s = { acknowledge: [], firstResponse: [], resolve: [] }));
  const ack = minutes(inc.declaredAt, inc.acknowledgedAt);
  const first = minutes(inc.declaredAt, inc.firstResponseAt);
  const resolve = minutes(inc.declaredAt, inc.resolvedAt);
  if (ack !== undefined) s.acknowledge.push(ack);
  if (first !== undefined) s.firstResponse.push(first);
  if (resolve !== undefined) s.resolve.push(resolve);
}

const spreads = (s: Samples) => ({
  acknowledge: spread(s.acknowledge),
  firstResponse: spread(s.firstResponse),
  resolve: spread(s.resolve),
});

/** `YYYY-MM` of an instant in the team's time zone. */
export function monthOf(iso: string, timeZone: string): string {
  // Building a formatter costs far more than using one: keep one per zone (100,000 incidents make it matter).
  let f = monthFormats.get(timeZone);
  if (!f) monthFormats.set(timeZone, (f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" })));
  return f.format(new Date(iso)).slice(0, 7);
}
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** What the figures read of an incident (a store can fetch just this). */
export type FigureInput = Pick<
  Incident,
  | "number"
  | "drill"
  | "kind"
  | "severity"
  | "declaredAt"
  | "acknowledgedAt"
  | "firstResponseAt"
  | "resolvedAt"
  | "closedAt"
  | "acceptance"
  | "satisfaction"
  | "clocks"
>;

export function computeFigures(incidents: Iterable<FigureInput>, now: Date, timeZone: string): Figures {
  const f: Figures = {
    incidents: 0,
    drills: { count: 0, numbers: [] },
    compliance: { overall: emptyRate(), byClock: {}, bySeverity: {}, byKind: {}, byMonth: {} },
    resolution: { resolved: 0, total: 0 },
    times: {},
    byKind: {},
    bySeverity: {},
    satisfaction: { n: 0, scores: {} },
    months: {},
  };
  const samples = new Map<string, Samples>();
  const monthSamples = new Map<string, Samples>();
  let satisfactionSum = 0;
  for (const inc of incidents) {
    if (inc.drill) {
      f.drills.count++;
      f.drills.numbers.push(inc.number);
      continue;
    }
    f.incidents++;
    f.byKind[inc.kind] = (f.byKind[inc.kind] ?? 0) + 1;
    f.bySeverity[inc.severity] = (f.bySeverity[inc.severity] ?? 0) + 1;
    f.resolution.total++;
    // Resolved, as the plans count it: the customer accepted the fix (or it was closed where acceptance is not asked).
    if (inc.acceptance || inc.closedAt) f.resolution.resolved++;
    const month = monthOf(inc.declaredAt, timeZone);
    const m = (f.months[month] ??= { incidents: 0, byClock: {}, acknowledge: { n: 0 }, firstResponse: { n: 0 }, resolve: { n: 0 } });
    m.incidents++;
    // Every run of every clock that applied (a re-planned run is cancelled, so counted once).
    for (const c of inc.clocks.filter((c) => !c.cancelledAt)) {
      const o = clockOutcome(c, now);
      count({ overall: f.compliance.overall }, "overall", o);
      count(f.compliance.byClock, c.key, o);
      count(f.compliance.bySeverity, inc.severity, o);
      count(f.compliance.byKind, inc.kind, o);
      count(f.compliance.byMonth, month, o);
      count(m.byClock, c.key, o);
    }
    sample(samples, inc.severity, inc);
    sample(monthSamples, month, inc);
    if (inc.satisfaction !== undefined) {
      f.satisfaction.n++;
      f.satisfaction.scores[String(inc.satisfaction)] = (f.satisfaction.scores[String(inc.satisfaction)] ?? 0) + 1;
      satisfactionSum += inc.satisfaction;
    }
  }
  // The sum over the number, not a running mean: the same double whatever order the incidents come in (a store sums in SQL).
  if (f.satisfaction.n) f.satisfaction.mean = satisfactionSum / f.satisfaction.n;
  f.compliance.overall = finish(f.compliance.overall);
  const tables = [f.compliance.byClock, f.compliance.bySeverity, f.compliance.byKind, f.compliance.byMonth];
  for (const table of [...tables, ...Object.values(f.months).map((m) => m.byClock)])
    for (const k of Object.keys(table)) table[k] = finish(table[k]!);
  if (f.resolution.total) f.resolution.rate = f.resolution.resolved / f.resolution.total;
  for (const [sev, s] of samples) f.times[sev] = spreads(s);
  for (const [month, s] of monthSamples) Object.assign(f.months[month]!, spreads(s));
  f.drills.numbers.sort((a, b) => a - b);
  return f;
}
