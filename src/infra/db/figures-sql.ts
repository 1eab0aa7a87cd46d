import { z } from "zod";
import type { Figures, MonthFigures, Rate, Spread } from "../../core/figures.js";
import type { IncidentFilter } from "../../ports/incident-store.js";
import { Prisma, type PrismaClient } from "./generated/client.js";
import { whereSql } from "./incident-filter-sql.js";

// `computeFigures` (core/figures.ts) computed in the database: one statement
// reads the figure columns each incident row keeps beside its document (stored
// generated columns, migration 20261211010000), and answers with the
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
const tallyRow = z.object({
  g: count,
  kind: z.string().nullable(),
  satisfaction: z.number().nullable(),
  n: count,
  resolved: count,
});
const figuresRow = z.object({
  tallies: json(z.array(tallyRow)),
  rates: json(z.array(rateRow).nullable()),
  spreads: json(z.array(spreadRow).nullable()),
  drills: json(z.array(count).nullable()),
});

// GROUPING(kind, satisfaction)
const TOTAL = 0b11;
const BY_KIND_COUNT = 0b01;
const BY_SCORE = 0b10;
// GROUPING(key, severity, kind, month): a bit set for each column a row is NOT grouped by.
const OVERALL = 0b1111;
const BY_CLOCK = 0b0111;
const BY_SEVERITY = 0b1011;
const BY_KIND = 0b1101;
const BY_MONTH = 0b1110;
const MONTH_CLOCK = 0b0110;
// GROUPING(severity, month)
const SPREAD_BY_SEVERITY = 0b01;

export async function figuresInSql(prisma: PrismaClient, filter: IncidentFilter, now: Date, timeZone: string): Promise<Figures> {
  // The medians sort 100,000 values per measure: with the default 4 MB they spill to disk, a third of the time.
  const [, rows] = await prisma.$transaction([
    prisma.$executeRaw`SET LOCAL work_mem = '32MB'`,
    prisma.$queryRaw<unknown[]>(figuresStatement(filter, now, timeZone)),
  ]);
  return figuresOfRow(rows[0]);
}

/** The one statement (the bench runs the same text on the bare driver). */
export function figuresStatement(filter: IncidentFilter, now: Date, timeZone: string): Prisma.Sql {
  return Prisma.sql`
    WITH inc AS MATERIALIZED (
      SELECT number, drill, kind, severity, to_char(declared_at AT TIME ZONE ${timeZone}, 'YYYY-MM') AS month,
             acknowledge_ms AS ack, first_response_ms AS first, resolve_ms AS resolve, accepted_or_closed AS resolved,
             satisfaction, clock_keys, clock_settled, clock_due
      FROM incident WHERE ${whereSql({ ...filter, limit: undefined })}
    ),
    clocks AS (
      -- Each counted clock: its outcome settled at the last write, else running until now passes its due time (then missed).
      SELECT severity, kind, month, unnest(clock_keys) AS key, unnest(clock_settled) AS settled, unnest(clock_due) AS due
      FROM inc WHERE NOT drill
    ),
    counted AS (
      -- One row per (clock, severity, kind, month, outcome) with how many: the grouping sets then add up few rows.
      SELECT key, severity, kind, month, COALESCE(settled, CASE WHEN ${now}::timestamptz > due THEN 'missed' ELSE 'running' END) AS outcome,
             count(*) AS n
      FROM clocks GROUP BY 1, 2, 3, 4, 5
    ),
    rates AS (
      SELECT GROUPING(key, severity, kind, month) AS g, key, severity, kind, month,
             sum(n) FILTER (WHERE outcome = 'met') AS met, sum(n) FILTER (WHERE outcome = 'missed') AS missed,
             sum(n) FILTER (WHERE outcome = 'notMet') AS not_met, sum(n) FILTER (WHERE outcome = 'waived') AS waived
      FROM counted WHERE outcome IN ('met', 'missed', 'notMet', 'waived')
      GROUP BY GROUPING SETS ((), (key), (severity), (kind), (month), (month, key))
    ),
    spreads AS (
      SELECT GROUPING(severity, month) AS g, severity, month, count(*) AS incidents,
             count(ack) AS ack_n, percentile_disc(0.5) WITHIN GROUP (ORDER BY ack) AS ack_50,
             percentile_disc(0.9) WITHIN GROUP (ORDER BY ack) AS ack_90,
             count(first) AS first_n, percentile_disc(0.5) WITHIN GROUP (ORDER BY first) AS first_50,
             percentile_disc(0.9) WITHIN GROUP (ORDER BY first) AS first_90,
             count(resolve) AS resolve_n, percentile_disc(0.5) WITHIN GROUP (ORDER BY resolve) AS resolve_50,
             percentile_disc(0.9) WITHIN GROUP (ORDER BY resolve) AS resolve_90
      FROM inc WHERE NOT drill GROUP BY GROUPING SETS ((severity), (month))
    ),
    tallies AS (
      -- One hashed pass for the counts: the totals, per kind, per satisfaction score.
      SELECT GROUPING(kind, satisfaction) AS g, kind, satisfaction, count(*) AS n, count(*) FILTER (WHERE resolved) AS resolved
      FROM inc WHERE NOT drill GROUP BY GROUPING SETS ((), (kind), (satisfaction))
    )
    SELECT (SELECT jsonb_agg(to_jsonb(t)) FROM tallies t) AS tallies, (SELECT jsonb_agg(to_jsonb(r)) FROM rates r) AS rates,
           (SELECT jsonb_agg(to_jsonb(s)) FROM spreads s) AS spreads,
           (SELECT jsonb_agg(number ORDER BY number) FROM inc WHERE drill) AS drills`;
}

/** The statement's one row, checked, as Figures. */
export const figuresOfRow = (row: unknown): Figures => assemble(figuresRow.parse(row));

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
  const total = row.tallies.find((t) => t.g === TOTAL);
  const incidents = total?.n ?? 0;
  const resolved = total?.resolved ?? 0;
  const drills = row.drills ?? [];
  const f: Figures = {
    incidents,
    drills: { count: drills.length, numbers: drills },
    compliance: { overall: { met: 0, missed: 0, notMet: 0, waived: 0 }, byClock: {}, bySeverity: {}, byKind: {}, byMonth: {} },
    resolution: { resolved, total: incidents, ...(incidents ? { rate: resolved / incidents } : {}) },
    times: {},
    byKind: {},
    bySeverity: {},
    satisfaction: { n: 0, scores: {} },
    months: {},
  };
  for (const t of row.tallies) if (t.g === BY_KIND_COUNT) f.byKind[t.kind!] = t.n;
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
  const scores = row.tallies.filter((t) => t.g === BY_SCORE && t.satisfaction !== null);
  for (const s of scores.sort((a, b) => a.satisfaction! - b.satisfaction!)) {
    f.satisfaction.n += s.n;
    f.satisfaction.scores[String(s.satisfaction)] = s.n;
    sum += s.satisfaction! * s.n;
  }
  if (f.satisfaction.n) f.satisfaction.mean = sum / f.satisfaction.n;
  return f;
}
