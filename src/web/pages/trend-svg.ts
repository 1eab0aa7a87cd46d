import { textWidth } from "../../core/label-layout.js";
import { esc } from "./html.js";
import { f1, linked, outcomeMark, text } from "./svg-marks.js";

// A monthly trend line with its target drawn, server-rendered SVG. Each
// month's point carries its value as text, is shaped by its verdict (✓ circle
// at or above the target, ✕ square below it, a plain dot without one) and is
// a link to the incidents behind it. Drawn at two widths like the timeline.

export interface TrendPoint {
  /** Short month label under the axis ("Dec", "12月"). */
  label: string;
  value?: number;
  /** Whether the point meets the target (undefined: no target or no value). */
  met?: boolean;
  href?: string;
  title: string;
}

export interface TrendChart {
  points: TrendPoint[];
  target?: number;
  /** The value axis: bottom and top. */
  min: number;
  max: number;
  format(v: number): string;
  targetLabel(v: number): string;
  label: string;
}

function chart(c: TrendChart, width: number, font: number): string {
  const height = 170;
  const left = 12;
  const right = width - 12;
  const top = 26;
  const bottom = height - 28;
  const n = Math.max(1, c.points.length);
  const step = (right - left) / n;
  const x = (i: number) => left + step * (i + 0.5);
  const y = (v: number) => bottom - ((Math.min(Math.max(v, c.min), c.max) - c.min) / (c.max - c.min || 1)) * (bottom - top);
  const parts: string[] = [`<line class="tick day" x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}"/>`];
  if (c.target !== undefined) {
    const ty = y(c.target);
    const tl = c.targetLabel(c.target);
    parts.push(
      `<line class="target-line" x1="${left}" y1="${f1(ty)}" x2="${right}" y2="${f1(ty)}"/>`,
      text(right - textWidth(tl, font) - 2, ty - 5, tl, "tick-label"),
    );
  }
  const withValue = c.points.map((p, i) => ({ p, i })).filter(({ p }) => p.value !== undefined);
  if (withValue.length > 1)
    parts.push(
      `<path class="trend-line" d="${withValue.map(({ p, i }, k) => `${k ? "L" : "M"}${f1(x(i))} ${f1(y(p.value!))}`).join("")}"/>`,
    );
  const labelEvery = Math.max(1, Math.ceil((textWidth("Sep", font) + 8) / step));
  c.points.forEach((p, i) => {
    if (i % labelEvery === 0 || i === c.points.length - 1) parts.push(text(x(i), bottom + 16, p.label, "tick-label", "middle"));
    if (p.value === undefined) return;
    const shape =
      p.met === undefined
        ? `<circle cx="${f1(x(i))}" cy="${f1(y(p.value))}" r="4"/>`
        : outcomeMark(p.met ? "met" : "missed", x(i), y(p.value), 5.5);
    // The value away from the target line (so neither hides the other), unless that side is the chart's edge.
    const py = y(p.value);
    const below = c.target !== undefined && py > y(c.target) - 2 && py + 18 < bottom - 2;
    const fits = step > textWidth(c.format(p.value), font - 1) + 4;
    const value = fits ? text(x(i), below ? py + 18 : py - 10, c.format(p.value), "point-label", "middle") : "";
    parts.push(
      linked(p.href, p.title, `<g class="${p.met === undefined ? "plain" : p.met ? "met" : "missed"}">${shape}</g>${value}`, "point"),
    );
  });
  return `<svg class="chart trend" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="${font}" role="group" aria-label="${esc(c.label)}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}

export function trendSvg(c: TrendChart): string {
  return `<div class="tl tl-wide trend-wide">${chart(c, 900, 12)}</div><div class="tl tl-narrow">${chart(c, 340, 11)}</div>`;
}
