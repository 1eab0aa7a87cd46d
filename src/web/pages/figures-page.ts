import { clockTarget, headline, judgeMedian, timeTarget } from "../../core/figure-targets.js";
import type { Figures, Rate, Spread } from "../../core/figures.js";
import { words } from "../../core/incident/context.js";
import type { Policy } from "../../core/policy/schema.js";
import { FIGURE_TABLES } from "../figures-csv.js";
import type { FiguresView } from "../figures-data.js";
import { queryString, type ListQuery } from "../incident-query.js";
import { esc, layout, pct } from "./html.js";
import { monthRange } from "./month-panel.js";
import { change, rateBars, rateTable, type RateRow } from "./rate-bars.js";
import { PAGE_TEXT } from "./text.js";
import { trendPanel } from "./trend-panel.js";
import { verdictHtml } from "./verdict-html.js";

/**
 * What reviewers measure, each figure beside its target and the previous
 * period: headline cards, the monthly trend with the target drawn, compliance
 * per deadline, severity, kind and month (every count a link to its
 * incidents), times per severity, counts by kind, drills apart, and a CSV of
 * every table.
 */
export function figuresPage(policy: Policy, view: FiguresView, q: ListQuery): string {
  const f = view.current;
  const before = view.previous?.figures;
  const period = [q.from, q.to].filter(Boolean).join(" – ");
  const lang = policy.locale;
  const t = PAGE_TEXT[lang];
  const w = words(policy);
  const targets = policy.targets;
  const base: Partial<ListQuery> = { from: q.from, to: q.to, severity: q.severity, kind: q.kind };
  const qs = esc(queryString(base));
  const csv = (table: string) => `<a href="/figures/${table}.csv${qs}" download>${esc(t.csv)}</a>`;
  const section = (title: string, first: string, table: string, rows: RateRow[]) =>
    rows.length
      ? `<h2>${esc(t.compliance)} · ${esc(title)} <small class="exports">${csv(table)}</small></h2>${rateBars(lang, rows)}${rateTable(t, lang, first, rows, Boolean(before))}`
      : "";
  const rows = <K extends string>(
    table: Record<K, Rate>,
    prev: Record<string, Rate> | undefined,
    name: (k: K) => string,
    target: (k: K) => number | undefined,
    drill: (k: K) => Partial<ListQuery>,
  ) =>
    (Object.entries(table) as Array<[K, Rate]>).map(([k, rate]): RateRow => ({
      name: name(k),
      rate,
      target: target(k),
      previous: prev?.[k],
      drill: { ...base, ...drill(k) },
    }));
  const monthDrill = (m: string) => {
    const r = monthRange(m);
    return { from: q.from && q.from > r.from ? q.from : r.from, to: q.to && q.to < r.to ? q.to : r.to };
  };
  const h = headline(f, targets);
  const card = (label: string, value: string, verdict: string, prev?: string, count?: { text: string; href: string }) =>
    `<div><b>${esc(label)}</b><span class="value">${esc(value)}</span>${count ? ` <a href="${esc(count.href)}">${esc(count.text)}</a>` : ""} ${verdict}${prev ? `<small>${esc(prev)}</small>` : ""}</div>`;
  const vs = (now?: number, then?: number) => (before ? `${t.versus}: ${pct(then)} (${change(now, then)})` : undefined);
  const minutes = (s: Spread, k: "medianMinutes" | "p90Minutes") => (s[k] === undefined ? "—" : w.dur(s[k]!));
  const body = [
    `<h1>${esc(t.figures)}${period ? ` · ${esc(period)}` : ""}</h1>`,
    `<form class="filters" method="get" action="/figures"><label>${esc(t.from)}<input type="date" name="from" value="${esc(q.from ?? "")}"></label><label>${esc(t.to)}<input type="date" name="to" value="${esc(q.to ?? "")}"></label><button>${esc(t.filter)}</button></form>`,
    `<div class="facts">`,
    card(
      t.compliance,
      pct(h.compliance.value),
      verdictHtml(lang, h.compliance, pct),
      vs(f.compliance.overall.rate, before?.compliance.overall.rate),
    ),
    card(t.resolution, pct(h.resolution.value), verdictHtml(lang, h.resolution, pct), vs(f.resolution.rate, before?.resolution.rate), {
      text: `(${f.resolution.resolved}/${f.resolution.total})`,
      href: `/incidents${queryString({ ...base, resolved: "yes" })}`,
    }),
    card(
      t.satisfaction,
      f.satisfaction.mean === undefined ? t.noData : `${f.satisfaction.mean.toFixed(2)} / 5 (${f.satisfaction.n} ${t.responses})`,
      verdictHtml(lang, h.satisfaction, (v) => v.toFixed(1)),
    ),
    card(t.drills, String(f.drills.count), ""),
    `</div>`,
    trendPanel(policy, view, base),
    section(
      t.perClock,
      t.deadline,
      "clocks",
      rows(
        f.compliance.byClock,
        before?.compliance.byClock,
        (k) => w.clock(k),
        (k) => clockTarget(targets, k),
        (k) => ({ clock: k }),
      ),
    ),
    section(
      t.perSeverity,
      t.severity,
      "severities",
      rows(
        f.compliance.bySeverity,
        before?.compliance.bySeverity,
        (k) => w.severity(k),
        () => targets?.compliance,
        (k) => ({ severity: k }),
      ),
    ),
    section(
      t.perKind,
      t.kind,
      "kinds",
      rows(
        f.compliance.byKind,
        before?.compliance.byKind,
        (k) => w.kind(k),
        () => targets?.compliance,
        (k) => ({ kind: k }),
      ),
    ),
    section(
      t.perMonth,
      t.period,
      "months",
      rows(
        sorted(f.compliance.byMonth),
        undefined,
        (k) => t.month(k),
        () => targets?.compliance,
        monthDrill,
      ),
    ),
    `<h2>${esc(t.times)} <small class="exports">${csv("times")}</small></h2><div class="scroll"><table class="times"><thead><tr><th scope="col">${esc(t.severity)}</th><th scope="col">${esc(t.acknowledge)}</th><th scope="col">${esc(t.firstResponse)}</th><th scope="col">${esc(t.resolve)}</th></tr></thead><tbody>`,
    ...Object.entries(f.times).map(
      ([sev, x]) =>
        `<tr><th scope="row">${esc(w.severity(sev))}</th>${(["acknowledge", "firstResponse", "resolve"] as const)
          .map((m) => {
            const j = judgeMedian(x[m], timeTarget(targets, m, sev));
            return `<td>${esc(t.median)} ${esc(minutes(x[m], "medianMinutes"))} · ${esc(t.p90)} ${esc(minutes(x[m], "p90Minutes"))} (n=<a href="/incidents${esc(queryString({ ...base, severity: sev }))}">${x[m].n}</a>) ${verdictHtml(lang, j, (v) => w.dur(v))}</td>`;
          })
          .join("")}</tr>`,
    ),
    `</tbody></table></div>`,
    `<h2>${esc(t.byKind)}</h2><table><tbody>${Object.entries(f.byKind)
      .map(
        ([k, n]) =>
          `<tr><th scope="row">${esc(w.kind(k))}</th><td class="num"><a href="/incidents${esc(queryString({ ...base, kind: k }))}">${n}</a></td></tr>`,
      )
      .join("")}</tbody></table>`,
    `<h2>${esc(t.drillsApart)}</h2><p>${f.drills.numbers.length ? f.drills.numbers.map((n) => `<a href="/incidents/${n}">INC-${n}</a>`).join(", ") : esc(t.noData)}</p>`,
    `<p class="exports">CSV: ${FIGURE_TABLES.map((x) => `<a href="/figures/${x}.csv${qs}" download>${esc(x)}</a>`).join(" ")}</p>`,
  ].join("");
  return layout(t, lang, t.figures, body, "figures");
}

const sorted = (r: Figures["compliance"]["byMonth"]) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
