import type { Band, Tick } from "../../core/time-axis.js";
import { textWidth } from "../../core/label-layout.js";
import { CHART_TEXT } from "./chart-text.js";
import { esc } from "./html.js";
import { f1, text } from "./svg-marks.js";
import type { TimelineModel } from "./timeline-model.js";

// What both bands of the timeline share: the two sizes it is drawn at, the
// time-to-x scale, and the axis furniture (ticks, shaded closed hours).

export interface Geometry {
  width: number;
  /** Most ticks on an axis. */
  ticks: number;
  /** Rows of labels above a lane's marks. */
  labelRows: number;
  font: number;
}

export const WIDE: Geometry = { width: 1000, ticks: 13, labelRows: 2, font: 12 };
export const NARROW: Geometry = { width: 360, ticks: 5, labelRows: 2, font: 11 };

export interface Axis {
  from: number;
  to: number;
  left: number;
  right: number;
  x(t: number): number;
}

export function axis(from: number, to: number, left: number, right: number): Axis {
  const k = (right - left) / Math.max(1, to - from);
  return { from, to, left, right, x: (t) => left + (Math.min(Math.max(t, from), to) - from) * k };
}

export interface Ctx {
  g: Geometry;
  m: TimelineModel;
  zone: string;
  locale: "en" | "zh";
  time(at: number): string;
}

/** Shaded closed hours between y and y + h, each labelled (closed, weekend, holiday) at labelY where the label fits, if labelY is given. */
export function bandsSvg(c: Ctx, a: Axis, bands: Band[], y: number, h: number, labelY?: number): string {
  const words = CHART_TEXT[c.locale].bands;
  return bands
    .filter((b) => b.to > a.from && b.from < a.to)
    .map((b) => {
      const x0 = a.x(b.from);
      const w = a.x(b.to) - x0;
      const label = words[b.why] ?? b.why;
      const fits = labelY !== undefined && textWidth(label, c.g.font - 1) + 6 < w;
      return `<rect class="band ${b.why}" x="${f1(x0)}" y="${f1(y)}" width="${f1(w)}" height="${f1(h)}"><title>${esc(`${label}: ${c.time(b.from)} – ${c.time(b.to)}`)}</title></rect>${fits ? text(x0 + w / 2, labelY!, label, "band-label", "middle") : ""}`;
    })
    .join("");
}

/** Tick lines from y0 to y1 and their labels at labelY, leaving out labels that would touch. */
export function ticksSvg(c: Ctx, a: Axis, ticks: Tick[], y0: number, y1: number, labelY: number): string {
  let lastRight = -Infinity;
  return ticks
    .map((t) => {
      const x = a.x(t.at);
      const w = textWidth(t.label, c.g.font - 1);
      const left = Math.min(Math.max(x - w / 2, a.left), a.right - w);
      const show = left > lastRight + 6;
      if (show) lastRight = left + w;
      return `<line class="tick${t.day ? " day" : ""}" x1="${f1(x)}" y1="${f1(y0)}" x2="${f1(x)}" y2="${f1(y1)}"/>${show ? text(left, labelY, t.label, `tick-label${t.day ? " day" : ""}`) : ""}`;
    })
    .join("");
}
