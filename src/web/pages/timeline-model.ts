import type { BusinessCalendar } from "../../core/calendar/business-calendar.js";
import { clockVerdict, type ClockVerdict } from "../../core/clock-outcome.js";
import type { Words } from "../../core/incident/context.js";
import type { ClockState, Incident } from "../../core/model.js";
import { describeEntry } from "../../core/summary-text.js";
import { activeWindow, closedBands, type Band } from "../../core/time-axis.js";
import type { TimelineEntry } from "../../core/timeline.js";
import { CHART_TEXT } from "./chart-text.js";

// What the timeline picture shows, decided once for both of its sizes: which
// entries become marks in which lane, each deadline's verdict (clockVerdict),
// the whole span, the active hours for the detail band, and the closed hours.

export type Lane = "paging" | "people" | "milestone";
export type Shape = "square" | "triangle" | "circle" | "ring" | "cross" | "diamond" | "bar";

export interface Mark {
  at: number;
  lane: Lane;
  shape: Shape;
  label: string;
  /** Time, who and what: the tooltip and the text equivalent. */
  title: string;
  /** The entry's row in the events table (`#e<seq>`). */
  seq: number;
}

export interface DeadlineLane {
  key: string;
  name: string;
  startedAt: number;
  dueAt: number;
  verdict: ClockVerdict;
  /** The outcome in words ("missed, done 10 min late"). */
  text: string;
}

export interface TimelineModel {
  start: number;
  end: number;
  now: number;
  /** Still open: the picture marks "now". */
  open: boolean;
  marks: Mark[];
  deadlines: DeadlineLane[];
  window: { from: number; to: number };
  bands: Band[];
}

/** The latest run of every clock key, cancelled ones too (shown as no longer applying). */
export function latestRuns(clocks: ClockState[]): ClockState[] {
  const byKey = new Map<string, ClockState>();
  for (const c of clocks) if ((byKey.get(c.key)?.run ?? -1) < c.run) byKey.set(c.key, c);
  return [...byKey.values()];
}

export function deadlineText(w: Words, c: ClockState, v: ClockVerdict): string {
  const o = CHART_TEXT[w.t.locale === "zh" ? "zh" : "en"].outcome;
  switch (v.outcome) {
    case "met":
      return o.met(w.dur(v.marginMinutes ?? 0));
    case "missed":
      return v.overdue ? o.overdue(w.dur(v.lateMinutes ?? 0)) : o.late(w.dur(v.lateMinutes ?? 0));
    case "running":
      return o.running(w.time(c.dueAt));
    case "waived":
      return o.waived;
    case "notMet":
      return o.notMet;
    case "cancelled":
      return o.cancelled;
  }
}

const short = (w: Words, ids: string[]) => (ids.length > 1 ? `${w.name(ids[0])} +${ids.length - 1}` : w.names(ids));

/** The lane, shape and short label of an entry; undefined for entries the deadline lanes already show (or that say nothing at a glance). */
function place(w: Words, e: TimelineEntry): Pick<Mark, "lane" | "shape" | "label"> | undefined {
  const m = CHART_TEXT[w.t.locale === "zh" ? "zh" : "en"].mark;
  switch (e.type) {
    case "paged":
      return { lane: "paging", shape: "square", label: m.paged(short(w, e.data.personIds)) };
    case "escalated":
      return { lane: "paging", shape: "triangle", label: m.escalated(String(e.data.toStep)) };
    case "escalation_exhausted":
      return { lane: "paging", shape: "cross", label: m.exhausted };
    case "acknowledged":
      return { lane: "paging", shape: "circle", label: m.acknowledged(w.name(e.data.personId)) };
    case "delivery_failed":
      return { lane: "paging", shape: "cross", label: m.failed };
    case "handoff":
      return { lane: "paging", shape: "ring", label: m.handoff(w.name(e.data.to)) };
    case "role_assigned":
      return { lane: "people", shape: "diamond", label: m.role(w.t.role[e.data.role] ?? e.data.role, w.name(e.data.personId)) };
    case "note":
      return { lane: "people", shape: "bar", label: m.note };
    case "update_posted":
      return e.data.audience === "customer"
        ? { lane: "people", shape: "circle", label: m.customerUpdate }
        : { lane: "people", shape: "ring", label: m.internalUpdate };
    case "followup_added":
      return { lane: "people", shape: "bar", label: m.followUp(e.data.id) };
    case "followup_due":
      return { lane: "people", shape: "bar", label: m.followUpDue(e.data.id) };
    case "declared":
      return { lane: "milestone", shape: "bar", label: m.declared };
    case "severity_changed":
      return { lane: "milestone", shape: "bar", label: m.severity(w.severity(e.data.to)) };
    case "resolved":
      return { lane: "milestone", shape: "bar", label: m.resolved };
    case "reopened":
      return { lane: "milestone", shape: "bar", label: m.reopened };
    case "closed":
      return { lane: "milestone", shape: "bar", label: m.closed };
    default:
      return undefined;
  }
}

export function timelineModel(w: Words, cal: BusinessCalendar, incident: Incident, entries: TimelineEntry[], now: Date): TimelineModel {
  const start = Date.parse(incident.declaredAt);
  const marks: Mark[] = [];
  for (const e of entries) {
    const p = place(w, e);
    if (p) marks.push({ ...p, at: Date.parse(e.at), seq: e.seq, title: `${w.time(e.at)} · ${w.who(e.actor)} · ${describeEntry(w, e)}` });
  }
  const deadlines = latestRuns(incident.clocks).map((c): DeadlineLane => {
    const verdict = clockVerdict(c, now);
    return {
      key: c.key,
      name: w.clock(c.key),
      startedAt: Date.parse(c.startedAt),
      dueAt: Date.parse(c.dueAt),
      verdict,
      text: deadlineText(w, c, verdict),
    };
  });
  const open = incident.status !== "resolved" && incident.status !== "closed";
  const lastEntry = entries.length ? Date.parse(entries.at(-1)!.at) : start;
  const end = Math.max(start + 30 * 60_000, lastEntry, ...deadlines.map((d) => d.dueAt), open ? now.getTime() : 0);
  const active = [
    ...marks.map((m) => m.at),
    ...deadlines.flatMap((d) => [d.dueAt, ...(d.verdict.endedAt ? [Date.parse(d.verdict.endedAt)] : [])]),
  ];
  const window = activeWindow(start, end, active);
  return { start, end, now: now.getTime(), open, marks, deadlines, window, bands: closedBands(cal, start, end) };
}
