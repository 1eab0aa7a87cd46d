import type { BusinessCalendar } from "../calendar/business-calendar.js";
import { addLocalDays, fromZoned, localDateKey } from "../calendar/zoned.js";
import type { LayerPolicy, RotationOverride, RotationPolicy } from "./schema.js";

// Who is on call: pure maths over a rotation's layers, the business calendar
// and the overrides. Day-based shifts hand over at a wall-clock time in the
// rotation's zone (a weekly shift across a daylight-saving change is 167 or
// 169 hours long); hour-based shifts are elapsed time from the first handoff.

/** A rotation bound to its id, its zone and the business calendar its restricted layers follow. */
export interface Rotation {
  id: string;
  spec: RotationPolicy;
  timeZone: string;
  cal: BusinessCalendar;
}

/** A stretch of time with one person on call (none: nobody covers it). */
export interface OnCallSpan {
  start: Date;
  end: Date;
  personId?: string;
}

const HOUR = 3_600_000;

export function bindRotation(id: string, spec: RotationPolicy, cal: BusinessCalendar): Rotation {
  return { id, spec, timeZone: spec.timeZone ?? cal.spec.timeZone, cal };
}

/** Whoever is on call for the rotation at the instant: the latest override covering it, else the last layer that applies. */
export function onCallAt(rotation: Rotation, overrides: readonly RotationOverride[], at: Date): string | undefined {
  const override = activeOverride(rotation.id, overrides, at);
  if (override) return override.personId;
  return scheduledAt(rotation, at);
}

/** Who the layers alone put on call (overrides aside). */
export function scheduledAt(rotation: Rotation, at: Date): string | undefined {
  for (let i = rotation.spec.layers.length - 1; i >= 0; i--) {
    const layer = rotation.spec.layers[i]!;
    if (!applies(rotation, layer, at)) continue;
    const person = layerShift(rotation, layer, at)?.personId;
    if (person) return person;
  }
  return undefined;
}

function activeOverride(rotationId: string, overrides: readonly RotationOverride[], at: Date): RotationOverride | undefined {
  const t = at.getTime();
  let best: RotationOverride | undefined;
  for (const o of overrides) {
    if (o.rotation !== rotationId || Date.parse(o.from) > t || t >= Date.parse(o.to)) continue;
    if (!best || o.createdAt >= best.createdAt) best = o;
  }
  return best;
}

function applies(rotation: Rotation, layer: LayerPolicy, at: Date): boolean {
  switch (layer.hours) {
    case "always":
      return true;
    case "working":
      return rotation.cal.isOpen(at);
    case "outside":
      return !rotation.cal.isOpen(at);
  }
}

function shiftDays(layer: LayerPolicy): number | undefined {
  const s = layer.shift;
  if (s === "daily") return 1;
  if (s === "weekly") return 7;
  return "days" in s ? s.days : undefined;
}

function handoffOn(rotation: Rotation, layer: LayerPolicy, key: string): Date {
  const [year, month, day] = key.split("-").map(Number) as [number, number, number];
  const [hour, minute] = layer.handoff.split(":").map(Number) as [number, number];
  return fromZoned({ year, month, day, hour, minute }, rotation.timeZone);
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The index of the layer's shift running at the instant (negative before its start). */
function shiftIndex(rotation: Rotation, layer: LayerPolicy, at: Date): number {
  const days = shiftDays(layer);
  if (days === undefined) {
    const hours = (layer.shift as { hours: number }).hours;
    return Math.floor((at.getTime() - handoffOn(rotation, layer, layer.start).getTime()) / (hours * HOUR));
  }
  const key = localDateKey(at, rotation.timeZone);
  const day = daysBetween(layer.start, key) - (at < handoffOn(rotation, layer, key) ? 1 : 0);
  return Math.floor(day / days);
}

/** When the layer's shift number `k` starts. */
function shiftStart(rotation: Rotation, layer: LayerPolicy, k: number): Date {
  const days = shiftDays(layer);
  if (days === undefined) {
    const hours = (layer.shift as { hours: number }).hours;
    return new Date(handoffOn(rotation, layer, layer.start).getTime() + k * hours * HOUR);
  }
  return handoffOn(rotation, layer, addLocalDays(layer.start, k * days));
}

/** The layer's shift at the instant, restrictions aside; undefined before the layer starts. */
export function layerShift(rotation: Rotation, layer: LayerPolicy, at: Date): OnCallSpan | undefined {
  const k = shiftIndex(rotation, layer, at);
  if (k < 0) return undefined;
  return {
    start: shiftStart(rotation, layer, k),
    end: shiftStart(rotation, layer, k + 1),
    personId: layer.members[k % layer.members.length]!,
  };
}

/** At most this many candidate boundaries are examined for one window (a year of hourly shifts). */
const MAX_BOUNDARIES = 24 * 366;

/**
 * Who is on call over [from, to), as consecutive spans (adjacent spans of the
 * same person merged). Every instant the answer can change at is a shift
 * start, an opening or closing of the calendar (for restricted layers) or an
 * override's edge; between two of them the answer is constant.
 */
export function onCallSpans(rotation: Rotation, overrides: readonly RotationOverride[], from: Date, to: Date): OnCallSpan[] {
  if (to <= from) return [];
  const edges = new Set<number>([from.getTime()]);
  const add = (...ds: Date[]) => {
    for (const d of ds) if (d > from && d < to) edges.add(d.getTime());
  };
  for (const layer of rotation.spec.layers) {
    const first = Math.max(0, shiftIndex(rotation, layer, from));
    const last = shiftIndex(rotation, layer, to);
    for (let k = first; k <= last + 1 && edges.size < MAX_BOUNDARIES; k++) add(shiftStart(rotation, layer, k));
  }
  if (rotation.spec.layers.some((l) => l.hours !== "always")) {
    const tz = rotation.cal.spec.timeZone;
    const end = addLocalDays(localDateKey(to, tz), 1);
    for (let key = addLocalDays(localDateKey(from, tz), -1); key <= end; key = addLocalDays(key, 1)) {
      for (const s of rotation.cal.openSpans(key)) add(s.start, s.end);
    }
  }
  for (const o of overrides) if (o.rotation === rotation.id) add(new Date(o.from), new Date(o.to));
  const points = [...edges].sort((a, b) => a - b);
  const spans: OnCallSpan[] = [];
  points.forEach((t, i) => {
    const end = new Date(points[i + 1] ?? to.getTime());
    const personId = onCallAt(rotation, overrides, new Date(t));
    const prev = spans.at(-1);
    if (prev && prev.personId === personId) prev.end = end;
    else spans.push({ start: new Date(t), end, ...(personId ? { personId } : {}) });
  });
  return spans;
}

/** How far ahead "next" looks for a change of hands. */
const NEXT_HORIZON_DAYS = 62;

/** Who is on call now (and until when) and who comes next (and when), as far as the horizon shows. */
export function nowAndNext(rotation: Rotation, overrides: readonly RotationOverride[], at: Date): { now: OnCallSpan; next?: OnCallSpan } {
  const spans = onCallSpans(rotation, overrides, at, new Date(at.getTime() + NEXT_HORIZON_DAYS * 24 * HOUR));
  return { now: spans[0]!, ...(spans[1] ? { next: spans[1] } : {}) };
}
