import { addLocalDays } from "../../core/calendar/zoned.js";
import { judgeMedian, judgeRate, timeTarget } from "../../core/figure-targets.js";
import type { Figures } from "../../core/figures.js";
import { words } from "../../core/incident/context.js";
import type { Policy } from "../../core/policy/schema.js";
import { esc, pct } from "./html.js";
import { PAGE_TEXT } from "./text.js";
import { verdictOnly } from "./verdict-html.js";
import { CHART_TEXT } from "./chart-text.js";

// "How this month compares with the target", on the incident page: the
// compliance and the median time to acknowledge of the incident's month,
// against the policy's targets and beside the month before, with a link to
// that month's figures.

export interface MonthContext {
  /** YYYY-MM in the policy's zone. */
  month: string;
  current: Figures;
  previous?: { month: string; figures: Figures };
}

/** First and last day (YYYY-MM-DD) of a month, for the figures and list links. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { from, to: addLocalDays(next, -1) };
}

export function previousMonth(month: string): string {
  return addLocalDays(`${month}-01`, -1).slice(0, 7);
}

export function monthPanel(policy: Policy, severity: string, ctx: MonthContext): string {
  const lang = policy.locale;
  const t = PAGE_TEXT[lang];
  const w = words(policy);
  const { from, to } = monthRange(ctx.month);
  const name = t.month(ctx.month);
  const rate = judgeRate(ctx.current.compliance.overall, policy.targets?.compliance);
  const prevRate = ctx.previous ? t.previousMonth(t.month(ctx.previous.month), pct(ctx.previous.figures.compliance.overall.rate)) : "";
  const ack = judgeMedian(ctx.current.times[severity]?.acknowledge, timeTarget(policy.targets, "acknowledge", severity));
  const prevAck = ctx.previous?.figures.times[severity]?.acknowledge.medianMinutes;
  const minutes = (m?: number) => (m === undefined ? "—" : w.dur(m));
  const small = (target: string | undefined, previous: string) =>
    `<small>${[target, previous].filter(Boolean).map(esc).join(" · ")}</small>`;
  const c = CHART_TEXT[lang];
  return [
    `<div class="month"><b>${esc(t.monthCompliance(name))}</b><span class="value">${esc(pct(rate.value))}</span> ${verdictOnly(lang, rate)}`,
    small(rate.target === undefined ? undefined : `${c.target} ${pct(rate.target)}`, prevRate),
    `<a class="screen-only" href="/figures?from=${from}&amp;to=${to}">${esc(t.figuresLink)} →</a></div>`,
    `<div class="month"><b>${esc(t.monthAck(name))} · ${esc(w.severity(severity))}</b><span class="value">${esc(minutes(ack.value))}</span> ${verdictOnly(lang, ack)}`,
    small(
      ack.target === undefined ? undefined : `${c.target} ${w.dur(ack.target)}`,
      ctx.previous ? t.previousMonth(t.month(ctx.previous.month), minutes(prevAck)) : "",
    ),
    `</div>`,
  ].join("");
}
