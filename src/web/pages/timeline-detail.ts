import { clusterByX, placeLabels, textWidth } from "../../core/label-layout.js";
import { timeTicks } from "../../core/time-axis.js";
import { CHART_TEXT } from "./chart-text.js";
import { esc } from "./html.js";
import { f1, linked, outcomeMark, shapePath, text } from "./svg-marks.js";
import type { DeadlineLane, Lane, Mark } from "./timeline-model.js";
import { axis, bandsSvg, ticksSvg, type Axis, type Ctx } from "./timeline-axis.js";

// The detail band: the active hours, zoomed. A row of milestones (declared,
// severity changes, resolved, closed) drawn as rules across every lane; a
// lane for paging and one for people, whose marks merge when closer than a
// mark's width and whose labels take free rows or are left off (the mark
// keeps its tooltip and its link to the events table); then one lane per
// deadline with its span, its due time and its outcome in shape and words.

const LANE_H = 60;
const DEADLINE_H = 40;
const R = 5;

/** One mark's label; "Note ×500" for many alike; "3 events" for a mixed bunch. */
const labelOf = (c: Ctx, marks: Mark[]) =>
  marks.length === 1
    ? marks[0]!.label
    : marks.every((m) => m.label === marks[0]!.label)
      ? `${marks[0]!.label} ×${marks.length}`
      : CHART_TEXT[c.locale].mark.many(marks.length);
const titleOf = (marks: Mark[]) =>
  marks.length === 1
    ? marks[0]!.title
    : [...marks.slice(0, 6).map((m) => m.title), ...(marks.length > 6 ? [`… +${marks.length - 6}`] : [])].join("\n");

/** Marks of one lane, merged where they would touch, labelled where labels fit in `rows` rows above them. */
function markRow(c: Ctx, a: Axis, marks: Mark[], markY: number, rows: number, lane: Lane): string {
  const inside = marks.filter((m) => m.at >= a.from && m.at <= a.to);
  const groups = clusterByX(inside, (m) => a.x(m.at), 2 * R + 2);
  const labels = groups.map((g) => labelOf(c, g.items));
  const spots = placeLabels(
    groups.map((g, i) => ({ x: g.x, width: textWidth(labels[i]!, c.g.font) })),
    rows,
    a.left,
    a.right,
  );
  return groups
    .map((g, i) => {
      const first = g.items[0]!;
      const spot = spots[i];
      const label = spot ? text(spot.left, markY - 10 - spot.row * 14, labels[i]!, "mark-label") : "";
      const body = `${shapePath(g.items.length > 1 && lane !== "milestone" ? "diamond" : first.shape, g.x, markY, R)}${label}`;
      const cls = `mark ${lane} ${first.shape}${g.items.length > 1 ? " many" : ""}`;
      return linked(`#e${first.seq}`, titleOf(g.items), body, cls);
    })
    .join("");
}

function laneName(a: Axis, y: number, name: string): string {
  return `<line class="lane-rule" x1="${f1(a.left)}" y1="${f1(y)}" x2="${f1(a.right)}" y2="${f1(y)}"/>${text(a.left, y + 12, name, "lane-name")}`;
}

/** A deadline's name and outcome fit on one line, or take two (on a phone). */
const oneLine = (c: Ctx, a: Axis, d: DeadlineLane) => textWidth(`${d.name} — ${d.text}`, c.g.font) * 1.08 + 16 <= a.right - a.left;
const laneHeight = (c: Ctx, a: Axis, d: DeadlineLane) => (oneLine(c, a, d) ? DEADLINE_H : DEADLINE_H + 14);

function deadlineLane(c: Ctx, a: Axis, d: DeadlineLane, top: number): string {
  const t = CHART_TEXT[c.locale];
  const o = d.verdict.outcome;
  const single = oneLine(c, a, d);
  const barY = top + (single ? 24 : 38);
  const parts = [
    `<line class="lane-rule" x1="${f1(a.left)}" y1="${f1(top)}" x2="${f1(a.right)}" y2="${f1(top)}"/>`,
    `<g class="outcome ${o}">${outcomeMark(o, a.left + 6, top + 9, 5.5)}</g>`,
    single
      ? text(a.left + 16, top + 13, `${d.name} — ${d.text}`, "lane-name deadline-name")
      : `${text(a.left + 16, top + 13, d.name, "lane-name deadline-name")}${text(a.left + 16, top + 27, d.text, "deadline-outcome")}`,
  ];
  const from = Math.max(d.startedAt, a.from);
  if (from <= a.to) {
    const until = Math.min(d.dueAt, a.to);
    parts.push(`<line class="span ${o}" x1="${f1(a.x(from))}" y1="${barY}" x2="${f1(a.x(until))}" y2="${barY}"/>`);
  }
  const ended = d.verdict.endedAt ? Date.parse(d.verdict.endedAt) : undefined;
  if (o === "missed" && d.dueAt <= a.to) {
    const stretchEnd = Math.min(ended ?? Math.max(c.m.now, d.dueAt), a.to);
    parts.push(
      `<rect class="overdue" x="${f1(a.x(d.dueAt))}" y="${barY - 4}" width="${f1(Math.max(2, a.x(stretchEnd) - a.x(d.dueAt)))}" height="8"/>`,
    );
  }
  const dueText = t.due(c.time(d.dueAt));
  if (d.dueAt <= a.to && d.dueAt >= a.from) {
    const x = a.x(d.dueAt);
    const w = textWidth(dueText, c.g.font - 1);
    parts.push(
      `<line class="due-tick" x1="${f1(x)}" y1="${barY - 8}" x2="${f1(x)}" y2="${barY + 8}"/>`,
      text(Math.min(Math.max(x - w / 2, a.left), a.right - w), barY + 14, dueText, "due-label"),
    );
  } else if (d.dueAt > a.to) {
    parts.push(text(a.right, barY + 14, t.dueLater(c.time(d.dueAt)), "due-label", "end"));
  }
  const markAt = o === "missed" ? d.dueAt : o === "running" ? c.m.now : ended;
  if (markAt !== undefined && markAt >= a.from && markAt <= a.to)
    parts.push(`<g class="outcome ${o}">${outcomeMark(o, a.x(markAt), barY, R + 1)}</g>`);
  if (o === "missed" && ended !== undefined && ended >= a.from && ended <= a.to)
    parts.push(`<g class="stopped">${shapePath("diamond", a.x(ended), barY, R - 1)}</g>`);
  const title = `${d.name}: ${dueText} · ${d.text}`;
  return `<g class="deadline ${o}" data-key="${esc(d.key)}" data-outcome="${o}"><title>${esc(title)}</title>${parts.join("")}</g>`;
}

export function detailBand(c: Ctx, y0: number): { svg: string; height: number } {
  const { g, m } = c;
  const t = CHART_TEXT[c.locale];
  const a = axis(m.window.from, m.window.to, 10, g.width - 10);
  const axisY = y0 + 20;
  const milestonesY = axisY + 30;
  const pagingTop = milestonesY + 8;
  const peopleTop = pagingTop + LANE_H;
  const deadlinesTop = peopleTop + LANE_H;
  // Deadlines that start after the zoomed hours (the acceptance request, the return call) are in the overview only.
  const shown = m.deadlines.filter((d) => d.startedAt <= a.to);
  const tops: number[] = [];
  let bottom = deadlinesTop;
  for (const d of shown) {
    tops.push(bottom);
    bottom += laneHeight(c, a, d);
  }
  bottom += 4;
  const lanes = (lane: Lane) => m.marks.filter((k) => k.lane === lane);
  const milestones = lanes("milestone").filter((k) => k.at >= a.from && k.at <= a.to);
  const nowLine =
    m.open && m.now >= a.from && m.now <= a.to
      ? `<line class="now" x1="${f1(a.x(m.now))}" y1="${axisY + 4}" x2="${f1(a.x(m.now))}" y2="${bottom}"/>`
      : "";
  const parts = [
    text(a.left, y0 + 4, `${t.detail} · ${c.time(a.from)} – ${c.time(a.to)}`, "caption"),
    bandsSvg(c, a, m.bands, axisY + 4, bottom - axisY - 4),
    ticksSvg(c, a, timeTicks(a.from, a.to, c.zone, g.ticks, c.locale), axisY + 4, bottom, axisY),
    ...milestones.map(
      (k) => `<line class="milestone-rule" x1="${f1(a.x(k.at))}" y1="${milestonesY}" x2="${f1(a.x(k.at))}" y2="${bottom}"/>`,
    ),
    markRow(c, a, milestones, milestonesY, 1, "milestone"),
    laneName(a, pagingTop, t.lanes.paging),
    markRow(c, a, lanes("paging"), pagingTop + LANE_H - 10, g.labelRows, "paging"),
    laneName(a, peopleTop, t.lanes.people),
    markRow(c, a, lanes("people"), peopleTop + LANE_H - 10, g.labelRows, "people"),
    ...shown.map((d, i) => deadlineLane(c, a, d, tops[i]!)),
    nowLine,
  ];
  return { svg: parts.join(""), height: bottom - y0 + 4 };
}
