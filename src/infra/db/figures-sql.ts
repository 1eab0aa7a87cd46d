import { z } from "zod";
import type { Figures, MonthFigures, Rate, Spread } from "../../core/figures.js";
import type { IncidentFilter } from "../../ports/incident-store.js";
import { CLOCK_COLUMNS, clockOutcomeSql } from "./clock-outcome-sql.js";
import { Prisma, type PrismaClient } from "./generated/client.js";
import { whereSql } from "./incident-filter-sql.js";

// `computeFigures` (core/figures.ts) computed in the database: one statement
// reads each incident document once (jsonb_to_record), and answers with the
// groups already counted (rates per clock, severity, kind and month; medians
// and p90s by percentile_disc, the same nearest rank as `spread`). Only the
// rounding to a tenth of a minute and the assembling happen here, so 100,000
// incidents never come into memory. A contract test holds the result equal to
// computeFigures over the same rows.

const json = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" ? JSON.parse(v) : v), schema);
const count = z.coerce.number();
const ms = z.coerce.number().nullable();

const rateRow = z.object({
  g: count,
  key: z.string().nullable(),
  severity: z.string().nullable(),
  kind: z.string().nullable(),
  month: z.string().nullable(),
  met: count,
  missed: count,
  not_met: count,
  waived: count,
});
const spreadRow = z.object({
  g: count,
  severity: z.string().nullable(),
  month: z.string().nullable(),
  incidents: count,
  ack_n: count,
  ack_50: ms,
  ack_90: ms,
  first_n: count,
  first_50: ms,
  first_90: ms,
  resolve_n: count,
  resolve_50: ms,
  resolve_90: ms,
});
const figuresRow = z.object({
  incidents: count,
  resolved: count,
  drills: json(z.array(count).nullable()),
  by_kind: json(z.array(z.object({ k: z.string(), n: count })).nullable()),
  rates: json(z.array(rateRow).nullable()),
  spreads: json(z.array(spreadRow).nullable()),
  scores: json(z.array(z.object({ score: count, n: count })).nullable()),
});

// GROUPING(key, severity, kind, month): a bit set for each column a row is NOT grouped by.
const OVERALL = 0b1111;
const BY_CLOCK = 0b0111;
const BY_SEVERITY = 0b1011;
const BY_KIND = 0b1101;
const BY_MONTH = 0b1110;
const MONTH_CLOCK = 0b0110;
// GROUPING(severity, month)
const SPREAD_BY_SEVERITY = 0b01;

const millis = (col: string) => Prisma.raw(`(EXTRACT(EPOCH FROM ${col}) - EXTRACT(EPOCH FROM declared_at)) * 1000`);

export async function figuresInSql(
  prisma: Pick<PrismaClient, "$queryRaw">,
  filter: IncidentFilter,
  now: Date,
  timeZone: string,
): Promise<Figures> {
  const rows = await prisma.$queryRaw<unknown[]>`
    WITH inc AS MATERIALIZED (
      SELECT number, drill, kind, severity, declared_at,
             to_char(declared_at AT TIME ZONE ${timeZone}, 'YYYY-MM') AS month,
             s."acknowledgedAt" AS ack, s."firstResponseAt" AS first, s."resolvedAt" AS resolve,
             (s."closedAt" <> '' OR jsonb_typeof(s.acceptance) = 'object') AS resolved, s.satisfaction, s.clocks
      FROM incident, jsonb_to_record(state) AS s(
        "acknowledgedAt" timestamptz, "firstResponseAt" timestamptz, "resolvedAt" timestamptz, "closedAt" text,
        acceptance jsonb, satisfaction float8, clocks jsonb)
      WHERE ${whereSql({ ...filter, limit: undefined })}
    ),
    counted AS (
      SELECT i.severity, i.kind, i.month, c.key, ${clockOutcomeSql(now)} AS outcome
      FROM inc i, jsonb_to_recordset(i.clocks) AS ${CLOCK_COLUMNS}
      WHERE NOT i.drill
    ),
    rates AS (
      SELECT GROUPING(key, severity, kind, month) AS g, key, severity, kind, month,
             count(*) FILTER (WHERE outcome = 'met') AS met, count(*) FILTER (WHERE outcome = 'missed') AS missed,
             count(*) FILTER (WHERE outcome = 'notMet') AS not_met, count(*) FILTER (WHERE outcome = 'waived') AS waived
      FROM counted WHERE outcome IN ('met', 'missed', 'notMet', 'waived')
      GROUP BY GROUPING SETS ((), (key), (severity), (kind), (month), (month, key))
    ),
    times AS (
      SELECT severity, month, ${millis("ack")} AS ack, ${millis("first")} AS first, ${millis("resolve")} AS resolve
      FROM inc WHERE NOT drill
    ),
    spreads AS (
      SELECT GROUPING(severity, month) AS g, severity, month, count(*) AS incidents,
             count(ack) AS ack_n, percentile_disc(0.5) WITHIN GROUP (ORDER BY ack) AS ack_50,
             percentile_disc(0.9) WITHIN GROUP (ORDER BY ack) AS ack_90,
             count(first) AS first_n, percentile_disc(0.5) WITHIN GROUP (ORDER BY first) AS first_50,
             percentile_disc(0.9) WITHIN GROUP (ORDER BY first) AS first_90,
             count(resolve) AS resolve_n, percentile_disc(0.5) WITHIN GROUP (ORDER BY resolve) AS resolve_50,
             percentile_disc(0.9) WITHIN GROUP (ORDER BY resolve) AS resolve_90
      FROM times GROUP BY GROUPING SETS ((severity), (month))
    )
    SELECT
      (SELECT count(*) FROM inc WHERE NOT drill) AS incidents,
      (SELECT count(*) FROM inc WHERE NOT drill AND resolved) AS resolved,
      (SELECT jsonb_agg(number ORDER BY number) FROM inc WHERE drill) AS drills,
      (SELECT jsonb_agg(jsonb_build_object('k', kind, 'n', n)) FROM (SELECT kind, count(*) AS n FROM inc WHERE NOT drill GROUP BY kind) k) AS by_kind,
      (SELECT jsonb_agg(to_jsonb(r)) FROM rates r) AS rates,
      (SELECT jsonb_agg(to_jsonb(s)) FROM spreads s) AS spreads,
      (SELECT jsonb_agg(jsonb_build_object('score', satisfaction, 'n', n))
         FROM (SELECT satisfaction, count(*) AS n FROM inc WHERE NOT drill AND satisfaction IS NOT NULL GROUP BY satisfaction) x) AS scores`;
  return assemble(figuresRow.parse(rows[0]));
}

/** A tenth of a minute, as `spread` rounds (the same double: milliseconds / 60,000, then rounded). */
const minutes = (v: number | null) => (v === null ? undefined : Math.round((v / 60_000) * 10) / 10);
function spread(n: number, p50: number | null, p90: number | null): Spread {
  return n ? { n, medianMinutes: minutes(p50), p90Minutes: minutes(p90) } : { n: 0 };
}

function rate(r: z.infer<typeof rateRow>): Rate {
  const out: Rate = { met: r.met, missed: r.missed, notMet: r.not_met, waived: r.waived };
  const total = r.met + r.missed + r.not_met;
  return total ? { ...out, rate: r.met / total } : out;
}

function assemble(row: z.infer<typeof figuresRow>): Figures {
  const f: Figures = {
    incidents: row.incidents,
    drills: { count: row.drills?.length ?? 0, numbers: row.drills ?? [] },
    compliance: { overall: { met: 0, missed: 0, notMet: 0, waived: 0 }, byClock: {}, bySeverity: {}, byKind: {}, byMonth: {} },
    resolution: { resolved: row.resolved, total: row.incidents, ...(row.incidents ? { rate: row.resolved / row.incidents } : {}) },
    times: {},
    byKind: {},
    bySeverity: {},
    satisfaction: { n: 0, scores: {} },
    months: {},
  };
  for (const k of row.by_kind ?? []) f.byKind[k.k] = k.n;
  const month = (m: string): MonthFigures =>
    (f.months[m] ??= { incidents: 0, byClock: {}, acknowledge: { n: 0 }, firstResponse: { n: 0 }, resolve: { n: 0 } });
  for (const s of row.spreads ?? []) {
    const spreads = {
      acknowledge: spread(s.ack_n, s.ack_50, s.ack_90),
      firstResponse: spread(s.first_n, s.first_50, s.first_90),
      resolve: spread(s.resolve_n, s.resolve_50, s.resolve_90),
    };
    if (s.g === SPREAD_BY_SEVERITY) {
      f.times[s.severity!] = spreads;
      f.bySeverity[s.severity!] = s.incidents;
    } else Object.assign(month(s.month!), { incidents: s.incidents, ...spreads });
  }
  const c = f.compliance;
  for (const r of row.rates ?? []) {
    if (r.g === OVERALL) c.overall = rate(r);
    else if (r.g === BY_CLOCK) c.byClock[r.key!] = rate(r);
    else if (r.g === BY_SEVERITY) c.bySeverity[r.severity!] = rate(r);
    else if (r.g === BY_KIND) c.byKind[r.kind!] = rate(r);
    else if (r.g === BY_MONTH) c.byMonth[r.month!] = rate(r);
    else if (r.g === MONTH_CLOCK) month(r.month!).byClock[r.key!] = rate(r);
  }
  // The mean as computeFigures takes it: the sum of the scores over their number.
  let sum = 0;
  for (const s of (row.scores ?? []).sort((a, b) => a.score - b.score)) {
    f.satisfaction.n += s.n;
    f.satisfaction.scores[String(s.score)] = s.n;
    sum += s.score * s.n;
  }
  if (f.satisfaction.n) f.satisfaction.mean = sum / f.satisfaction.n;
  return f;
}
