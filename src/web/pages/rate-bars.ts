import { judgeRate } from "../../core/figure-targets.js";
import type { Rate } from "../../core/figures.js";
import { queryString, type ListQuery } from "../incident-query.js";
import { CHART_TEXT } from "./chart-text.js";
import { esc, pct } from "./html.js";
import type { PageText } from "./text.js";
import { verdictHtml, verdictOnly } from "./verdict-html.js";

// Compliance rates as HTML bars (real text, so labels wrap at phone width
// instead of being cut off, and print sharp) with the value written out and
// the target marked on the track; then the table behind them, where every
// count links to the incidents it counts and each rate stands beside the
// previous period's.

export interface RateRow {
  name: string;
  rate: Rate;
  target?: number;
  previous?: Rate;
  /** The list query that selects this row's incidents (outcome is added per count). */
  drill: Partial<ListQuery>;
}

const link = (drill: Partial<ListQuery>, outcome: "met" | "missed" | "waived", n: number) =>
  n ? `<a href="/incidents${esc(queryString({ ...drill, outcome }))}">${n}</a>` : "0";

/** "+2.5 pp ▲" / "−3.0 pp ▼": the change in percentage points, symbol and sign both. */
export function change(now?: number, before?: number): string {
  if (now === undefined || before === undefined) return "—";
  const pp = (now - before) * 100;
  if (Math.abs(pp) < 0.05) return "± 0 pp";
  return `${pp > 0 ? "+" : "−"}${Math.abs(pp).toFixed(1)} pp ${pp > 0 ? "▲" : "▼"}`;
}

export function rateBars(lang: "en" | "zh", rows: RateRow[]): string {
  const c = CHART_TEXT[lang];
  return `<ul class="rates">${rows
    .map((r) => {
      const j = judgeRate(r.rate, r.target);
      const width = r.rate.rate === undefined ? 0 : r.rate.rate * 100;
      const cls = j.met === undefined ? "" : j.met ? " met" : " missed";
      const goal =
        r.target === undefined
          ? ""
          : `<span class="goal" style="left:${f(r.target * 100)}%" title="${esc(`${c.target} ${pct(r.target)}`)}"></span>`;
      return `<li><span class="rate-name">${esc(r.name)}</span> <span class="rate-value">${esc(pct(r.rate.rate))}</span> <small>(${r.rate.met}/${r.rate.met + r.rate.missed})</small> ${verdictHtml(lang, j, pct)}<span class="track" aria-hidden="true"><span class="fill${cls}" style="width:${f(width)}%"></span>${goal}</span></li>`;
    })
    .join("")}</ul>`;
}

const f = (n: number) => (Math.round(n * 10) / 10).toString();

export function rateTable(t: PageText, lang: "en" | "zh", first: string, rows: RateRow[], withPrevious: boolean): string {
  const head = [first, t.metCount, t.missedCount, t.waivedCount, t.rate, t.target, ...(withPrevious ? [t.versus, t.change] : [])];
  return `<div class="scroll"><table class="rates-table"><thead><tr>${head.map((h, i) => `<th scope="col"${i ? ' class="num"' : ""}>${esc(i ? h : "")}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => {
      const j = judgeRate(r.rate, r.target);
      const cells = [
        link(r.drill, "met", r.rate.met),
        link(r.drill, "missed", r.rate.missed),
        link(r.drill, "waived", r.rate.waived),
        esc(pct(r.rate.rate)),
        r.target === undefined ? "—" : `${esc(pct(r.target))} ${verdictOnly(lang, j)}`,
        ...(withPrevious ? [esc(pct(r.previous?.rate)), esc(change(r.rate.rate, r.previous?.rate))] : []),
      ];
      return `<tr><th scope="row">${esc(r.name)}</th>${cells.map((x) => `<td class="num">${x}</td>`).join("")}</tr>`;
    })
    .join("")}</tbody></table></div>`;
}
