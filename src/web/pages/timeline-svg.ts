import { timeTicks } from "../../core/time-axis.js";
import { clusterByX } from "../../core/label-layout.js";
import { CHART_TEXT } from "./chart-text.js";
import { esc } from "./html.js";
import { f1, outcomeMark, text } from "./svg-marks.js";
import { axis, bandsSvg, ticksSvg, type Axis, type Ctx } from "./timeline-axis.js";
import { detailBand } from "./timeline-detail.js";

// The incident at a glance, server-rendered SVG and no script: an overview
// of the whole span (closed hours shaded, every deadline's due time marked
// with its outcome, a tick for every event) above a detail band zoomed on the
// active hours, with lanes for paging, people and each deadline. Drawn twice,
// at desktop and at phone width; CSS shows the one that fits, print the wide.

function overview(c: Ctx): { svg: string; height: number; a: Axis } {
  const { g, m } = c;
  const a = axis(m.start, m.end, 10, g.width - 10);
  const t = CHART_TEXT[c.locale];
  const top = 22;
  const h = 36;
  const parts = [
    text(a.left, 14, `${t.overview} · ${c.time(m.start)} → ${c.time(m.end)}`, "caption"),
    `<rect class="strip" x="${f1(a.left)}" y="${top}" width="${f1(a.right - a.left)}" height="${h}"/>`,
    bandsSvg(c, a, m.bands, top, h, top + 12),
    ticksSvg(c, a, timeTicks(m.start, m.end, c.zone, g.ticks, c.locale), top, top + h + 4, top + h + 16),
    `<g class="density" aria-hidden="true">${clusterByX(m.marks, (k) => a.x(k.at), 2)
      .map((k) => `<line x1="${f1(k.x)}" y1="${top + h - 10}" x2="${f1(k.x)}" y2="${top + h - 2}"/>`)
      .join("")}</g>`,
    ...m.deadlines
      .filter((d) => d.verdict.outcome !== "cancelled")
      .map(
        (d) =>
          `<g class="due ${d.verdict.outcome}" data-key="${esc(d.key)}"><title>${esc(`${d.name}: ${t.due(c.time(d.dueAt))} · ${d.text}`)}</title>${outcomeMark(d.verdict.outcome, a.x(d.dueAt), top + 14, 5)}</g>`,
      ),
  ];
  if (m.window.from > m.start || m.window.to < m.end) {
    const x0 = a.x(m.window.from);
    const x1 = Math.max(a.x(m.window.to), x0 + 3);
    parts.push(`<rect class="window" x="${f1(x0)}" y="${top - 2}" width="${f1(x1 - x0)}" height="${h + 4}"/>`);
  }
  return { svg: parts.join(""), height: top + h + 20, a };
}

export function timelineSvg(c: Ctx, label: string): string {
  const o = overview(c);
  const d = detailBand(c, o.height + 4);
  const height = o.height + 4 + d.height;
  return `<svg class="timeline" data-width="${c.g.width}" viewBox="0 0 ${c.g.width} ${f1(height)}" width="${c.g.width}" height="${f1(height)}" font-size="${c.g.font}" role="group" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg"><g class="overview">${o.svg}</g><g class="detail">${d.svg}</g></svg>`;
}
