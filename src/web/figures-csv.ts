import { clockTarget, judgeMedian, judgeRate, timeTarget } from "../core/figure-targets.js";
import type { Rate } from "../core/figures.js";
import { words } from "../core/incident/context.js";
import type { Incident } from "../core/model.js";
import type { Policy } from "../core/policy/schema.js";
import { toZoned } from "../core/calendar/zoned.js";
import { csvRows, csvStart, fraction, toCsv, type Cell } from "./csv.js";
import type { FiguresView } from "./figures-data.js";
import { matchingClocks, type ListQuery } from "./incident-query.js";
import { CSV_TEXT } from "./pages/csv-text.js";

// Every figures table and the incident list as CSV, headers in the
// policy's language, times as "YYYY-MM-DD HH:MM" in the policy's zone (what a
// spreadsheet sorts and reads), rates as fractions.

export const FIGURE_TABLES = ["clocks", "severities", "kinds", "months", "times", "trend"] as const;
export type FigureTable = (typeof FIGURE_TABLES)[number];

const pad = (n: number) => String(n).padStart(2, "0");
function local(iso: string | undefined, zone: string): string | undefined {
  if (!iso) return undefined;
  const z = toZoned(new Date(iso), zone);
  return `${z.year}-${pad(z.month)}-${pad(z.day)} ${pad(z.hour)}:${pad(z.minute)}`;
}

const verdict = (met: boolean | undefined) => (met === undefined ? undefined : met ? "yes" : "no");

export function figuresCsv(policy: Policy, view: FiguresView, table: FigureTable): string {
  const c = CSV_TEXT[policy.locale];
  const w = words(policy);
  const t = policy.targets;
  const f = view.current;
  const rateRow = (key: string, name: string, r: Rate, target?: number): Cell[] => {
    const j = judgeRate(r, target);
    return [key, name, r.met, r.missed, r.waived, fraction(r.rate), fraction(target), verdict(j.met)];
  };
  const rates = (rows: Array<[string, string, Rate, number | undefined]>) =>
    toCsv(
      [c.key, c.name, c.met, c.missed, c.waived, c.rate, c.target, c.targetMet],
      rows.map(([k, n, r, tg]) => rateRow(k, n, r, tg)),
    );
  switch (table) {
    case "clocks":
      return rates(Object.entries(f.compliance.byClock).map(([k, r]) => [k, w.clock(k), r, clockTarget(t, k)]));
    case "severities":
      return rates(Object.entries(f.compliance.bySeverity).map(([k, r]) => [k, w.severity(k), r, t?.compliance]));
    case "kinds":
      return rates(Object.entries(f.compliance.byKind).map(([k, r]) => [k, w.kind(k), r, t?.compliance]));
    case "months":
      return rates(
        Object.entries(f.compliance.byMonth)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, r]) => [k, k, r, t?.compliance]),
      );
    case "times":
      return toCsv(
        [c.key, c.name, c.measure, c.n, c.median, c.p90, c.target, c.targetMet],
        Object.entries(f.times).flatMap(([sev, x]) =>
          (["acknowledge", "firstResponse", "resolve"] as const).map((m): Cell[] => {
            const j = judgeMedian(x[m], timeTarget(t, m, sev));
            return [sev, w.severity(sev), m, x[m].n, x[m].medianMinutes, x[m].p90Minutes, j.target, verdict(j.met)];
          }),
        ),
      );
    case "trend":
      return toCsv(
        [c.month, c.key, c.name, c.met, c.missed, c.waived, c.rate, c.target, c.targetMet],
        Object.entries(view.trend)
          .sort(([a], [b]) => a.localeCompare(b))
          .flatMap(([month, m]) => Object.entries(m.byClock).map(([k, r]) => [month, ...rateRow(k, w.clock(k), r, clockTarget(t, k))])),
      );
  }
}

/** The incident list's CSV header, in the policy's language. */
export function incidentsCsvStart(policy: Policy): string {
  const c = CSV_TEXT[policy.locale];
  return csvStart([
    c.number,
    c.title,
    c.severity,
    c.kind,
    c.status,
    c.drill,
    c.customer,
    c.declared,
    c.acknowledged,
    c.resolved,
    c.closed,
    c.deadlines,
  ]);
}

/** A batch of the incident list's CSV rows (the list streams every incident, a batch at a time). */
export function incidentsCsvRows(policy: Policy, incidents: Incident[], q: ListQuery, now: Date): string {
  const w = words(policy);
  const zone = policy.calendar.timeZone;
  return csvRows(
    incidents.map((i) => [
      `INC-${i.number}`,
      i.title,
      w.severity(i.severity),
      w.kind(i.kind),
      w.t.status[i.status] ?? i.status,
      i.drill ? "yes" : "no",
      i.customer,
      local(i.declaredAt, zone),
      local(i.acknowledgedAt, zone),
      local(i.resolvedAt, zone),
      local(i.closedAt, zone),
      matchingClocks(i, q, now)
        .map((m) => `${w.clock(m.clock.key)}: ${m.outcome}`)
        .join("; "),
    ]),
  );
}
