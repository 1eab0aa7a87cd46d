import type { ClockOutcome } from "../../core/clock-outcome.js";
import type { Judged } from "../../core/figure-targets.js";
import { CHART_TEXT } from "./chart-text.js";
import { esc } from "./html.js";

// Outcomes and target verdicts as HTML: a symbol, a word and a colour class
// together, so colour is never the only signal.

const SYMBOL: Record<ClockOutcome, string> = { met: "✓", missed: "✕", notMet: "✖", running: "▶", waived: "W", cancelled: "—" };

/** "✕ missed, done 10 min late", with the outcome as a class. */
export function outcomeHtml(outcome: ClockOutcome, words: string): string {
  return `<span class="outcome-text ${outcome}"><span class="sym" aria-hidden="true">${SYMBOL[outcome]}</span> ${esc(words)}</span>`;
}

/** "✓ target met" or "✕ below target"; nothing without a target or a value. */
export function verdictOnly(locale: "en" | "zh", j: Judged): string {
  const t = CHART_TEXT[locale];
  if (j.met === undefined) return "";
  return `<span class="verdict ${j.met ? "met" : "missed"}"><span class="sym" aria-hidden="true">${j.met ? "✓" : "✕"}</span> ${esc(j.met ? t.targetMet : t.targetMissed)}</span>`;
}

/** "target 95.0 % · ✓ target met" (or below target), nothing to say without a target. */
export function verdictHtml(locale: "en" | "zh", j: Judged, format: (n: number) => string): string {
  if (j.target === undefined) return "";
  const verdict = verdictOnly(locale, j);
  return `<span class="target">${esc(CHART_TEXT[locale].target)} ${esc(format(j.target))}</span>${verdict ? ` · ${verdict}` : ""}`;
}
