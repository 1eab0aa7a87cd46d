import type { SummaryFacts } from "../../core/summary.js";
import { esc } from "./html.js";

// The incident at a glance: a horizontal time axis from declaration to the
// end (close, resolve or now), every timeline event as a tick, every
// deadline as a marker (met green, missed red, running blue) and the overdue
// stretch of a missed deadline drawn as a red band from its due time to when
// it was finally met (or to the end).

const W = 1000;
const PAD = 40;

export function timelineSvg(f: SummaryFacts, now: Date, label: (iso: string) => string): string {
  const start = Date.parse(f.declaredAt);
  const lastEvent = Math.max(start, ...f.entries.map((e) => Date.parse(e.at)));
  const end = Math.max(
    lastEvent,
    ...f.deadlines.map((d) => Date.parse(d.dueAt)),
    f.closedAt || f.resolvedAt ? 0 : now.getTime(),
    start + 60_000,
  );
  const x = (t: number) => PAD + ((t - start) / (end - start)) * (W - 2 * PAD);
  const rowH = 22;
  const top = 30;
  const height = top + 40 + f.deadlines.length * rowH + 20;
  const parts: string[] = [];
  parts.push(`<line x1="${PAD}" y1="${top}" x2="${W - PAD}" y2="${top}" stroke="#5b6570" stroke-width="2"/>`);
  parts.push(`<text x="${PAD}" y="${top - 10}" font-size="12" fill="#5b6570">${esc(label(f.declaredAt))}</text>`);
  parts.push(
    `<text x="${W - PAD}" y="${top - 10}" font-size="12" fill="#5b6570" text-anchor="end">${esc(label(new Date(end).toISOString()))}</text>`,
  );
  for (const e of f.entries) {
    const cx = x(Date.parse(e.at)).toFixed(1);
    parts.push(
      `<line class="event" data-type="${esc(e.type)}" x1="${cx}" y1="${top - 6}" x2="${cx}" y2="${top + 6}" stroke="#1b1f24" stroke-width="1.5"><title>${esc(`${label(e.at)} ${e.type}`)}</title></line>`,
    );
  }
  f.deadlines.forEach((d, i) => {
    if (d.outcome === "dropped") return;
    const y = top + 40 + i * rowH;
    const due = Date.parse(d.dueAt);
    const colour = d.outcome === "met" ? "#2e7d32" : d.outcome === "missed" ? "#c62828" : "#1565c0";
    parts.push(`<text x="${PAD}" y="${y - 6}" font-size="11" fill="#5b6570">${esc(d.name)}</text>`);
    if (d.outcome === "missed") {
      const until = d.metAt ? Date.parse(d.metAt) : end;
      parts.push(
        `<rect class="overdue" x="${x(due).toFixed(1)}" y="${y - 4}" width="${Math.max(2, x(until) - x(due)).toFixed(1)}" height="8" fill="#c62828" fill-opacity="0.25"/>`,
      );
    }
    parts.push(
      `<line x1="${x(start).toFixed(1)}" y1="${y}" x2="${x(due).toFixed(1)}" y2="${y}" stroke="${colour}" stroke-opacity="0.35" stroke-width="2"/>`,
    );
    parts.push(
      `<circle class="deadline ${d.outcome}" data-key="${esc(d.key)}" cx="${x(due).toFixed(1)}" cy="${y}" r="6" fill="${colour}"><title>${esc(`${d.name}: ${label(d.dueAt)} (${d.outcome})`)}</title></circle>`,
    );
    if (d.metAt)
      parts.push(
        `<path d="M${x(Date.parse(d.metAt)).toFixed(1)} ${y - 7} l5 7 l-5 7 l-5 -7 z" fill="${colour}"><title>${esc(label(d.metAt))}</title></path>`,
      );
  });
  return `<svg class="timeline" role="img" viewBox="0 0 ${W} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}
