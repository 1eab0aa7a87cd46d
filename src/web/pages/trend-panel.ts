import { clockTarget, judgeMedian, judgeRate } from "../../core/figure-targets.js";
import type { Rate } from "../../core/figures.js";
import { words } from "../../core/incident/context.js";
import type { Policy } from "../../core/policy/schema.js";
import type { FiguresView } from "../figures-data.js";
import { queryString, type ListQuery } from "../incident-query.js";
import { CHART_TEXT } from "./chart-text.js";
import { esc, pct } from "./html.js";
import { monthRange } from "./month-panel.js";
import { PAGE_TEXT } from "./text.js";
import { trendSvg, type TrendPoint } from "./trend-svg.js";

// The monthly trend: compliance month by month against its target, the
// median time to acknowledge against its target (when the policy sets one
// for every severity), and a table of each deadline's monthly rate, every
// cell a link to that month's misses of that deadline.

export function trendPanel(policy: Policy, view: FiguresView, base: Partial<ListQuery>): string {
  const lang = policy.locale;
  const t = PAGE_TEXT[lang];
  const c = CHART_TEXT[lang];
  const w = words(policy);
  const months = Object.keys(view.trend).sort();
  if (!months.length) return "";
  const first = months[0]!;
  const last = months.at(-1)!;
  const all: string[] = [];
  for (let m = first; m <= last; m = next(m)) all.push(m);
  const short = (m: string) => (lang === "zh" ? `${Number(m.slice(5))}月` : t.month(m).slice(0, 3));
  const drill = (m: string, more: Partial<ListQuery>) => `/incidents${queryString({ ...base, ...monthRange(m), ...more })}`;
  const overall = (m: string): Rate => {
    const r = { met: 0, missed: 0, notMet: 0, waived: 0 };
    for (const x of Object.values(view.trend[m]?.byClock ?? {})) {
      r.met += x.met;
      r.missed += x.missed;
      r.notMet += x.notMet;
      r.waived += x.waived;
    }
    const decided = r.met + r.missed + r.notMet;
    return decided ? { ...r, rate: r.met / decided } : r;
  };
  const target = policy.targets?.compliance;
  const points: TrendPoint[] = all.map((m) => {
    const r = overall(m);
    const j = judgeRate(r, target);
    return {
      label: short(m),
      value: r.rate,
      met: j.met,
      href: r.missed ? drill(m, { outcome: "missed" }) : undefined,
      title: `${t.month(m)}: ${pct(r.rate)} (${r.met}/${r.met + r.missed})${target === undefined ? "" : ` · ${c.target} ${pct(target)}`}`,
    };
  });
  const ackTarget = policy.targets?.medianMinutes.acknowledge;
  const ackAll = typeof ackTarget === "number" ? ackTarget : undefined;
  const ackPoints: TrendPoint[] = all.map((m) => {
    const s = view.trend[m]?.acknowledge;
    const j = judgeMedian(s, ackAll);
    return {
      label: short(m),
      value: s?.medianMinutes,
      met: j.met,
      title: `${t.month(m)}: ${s?.medianMinutes === undefined ? "—" : w.dur(s.medianMinutes)}`,
    };
  });
  // Rates: from a round tenth below the lowest value or target up to 100 %, so the months' differences show.
  const lowest = Math.min(target ?? 1, ...points.map((p) => p.value ?? 1));
  const minRate = Math.max(0, Math.floor((lowest - 0.05) * 10) / 10);
  const maxAck = Math.max(ackAll ?? 0, ...ackPoints.map((p) => p.value ?? 0)) * 1.2 || 10;
  const clocks = [...new Set(all.flatMap((m) => Object.keys(view.trend[m]?.byClock ?? {})))];
  const cell = (m: string, k: string) => {
    const r = view.trend[m]?.byClock[k];
    if (!r || r.rate === undefined) return `<td class="num">—</td>`;
    const j = judgeRate(r, clockTarget(policy.targets, k));
    const mark = j.met === undefined ? "" : ` <span class="sym ${j.met ? "met" : "missed"}">${j.met ? "✓" : "✕"}</span>`;
    const missed = r.missed ? ` <a href="${esc(drill(m, { clock: k, outcome: "missed" }))}">${r.missed} ${esc(t.missed)}</a>` : "";
    return `<td class="num">${esc(pct(r.rate))}${mark}${missed}</td>`;
  };
  return [
    `<h2>${esc(t.trend)} <small class="exports"><a href="/figures/trend.csv${esc(queryString(base))}" download>${esc(t.csv)}</a></small></h2>`,
    `<h3>${esc(t.compliance)}</h3>`,
    trendSvg({
      points,
      target,
      min: minRate,
      max: 1,
      format: (v) => `${Math.round(v * 100)}%`,
      targetLabel: (v) => `${c.target} ${pct(v)}`,
      label: `${c.trendLabel}: ${t.compliance}`,
    }),
    `<h3>${esc(t.acknowledge)} · ${esc(t.median)}</h3>`,
    trendSvg({
      points: ackPoints,
      target: ackAll,
      min: 0,
      max: maxAck,
      format: (v) => w.dur(v),
      targetLabel: (v) => `${c.target} ${w.dur(v)}`,
      label: `${c.trendLabel}: ${t.acknowledge}`,
    }),
    `<div class="scroll"><table class="trend-table"><thead><tr><th scope="col">${esc(t.deadline)}</th>${all.map((m) => `<th scope="col" class="num">${esc(short(m))}</th>`).join("")}</tr></thead><tbody>`,
    ...clocks.map((k) => `<tr><th scope="row">${esc(w.clock(k))}</th>${all.map((m) => cell(m, k)).join("")}</tr>`),
    `</tbody></table></div>`,
  ].join("");
}

function next(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
