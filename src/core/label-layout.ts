// Placing marks and their labels on a time axis so that nothing overlaps:
// marks closer than a few pixels merge into one counted mark, and each label
// takes the first row where it fits or is left off (its mark keeps a title and
// the events table keeps the words). Widths are estimated, since the server
// does not measure fonts: generously, so an estimate errs towards room.

/** Estimated width in pixels of a text at a font size: CJK characters are square, Latin ones about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    em += code >= 0x2e80 ? 1 : /[A-Z@MW%]/.test(ch) ? 0.72 : /[il.,:;'|! ]/.test(ch) ? 0.32 : 0.58;
  }
  return em * fontSize;
}

export interface Cluster<T> {
  x: number;
  items: T[];
}

/** Group items whose x lies within `gap` pixels of the group's first: one mark per group, in x order. */
export function clusterByX<T>(items: T[], xOf: (item: T) => number, gap: number): Array<Cluster<T>> {
  const sorted = items.map((item) => ({ item, x: xOf(item) })).sort((a, b) => a.x - b.x);
  const out: Array<Cluster<T>> = [];
  for (const { item, x } of sorted) {
    const last = out.at(-1);
    if (last && x - last.x < gap) last.items.push(item);
    else out.push({ x, items: [item] });
  }
  return out;
}

export interface LabelSpot {
  row: number;
  /** Left edge of the label. */
  left: number;
}

/**
 * Labels centred on their marks where there is room, pushed inside [minX,
 * maxX] at the edges, each in the first of `rows` rows where it keeps `gap`
 * pixels from its neighbour. A label with no row left is undefined: left off.
 */
export function placeLabels(
  labels: Array<{ x: number; width: number }>,
  rows: number,
  minX: number,
  maxX: number,
  gap = 6,
): Array<LabelSpot | undefined> {
  const rightEdge: number[] = Array.from({ length: rows }, () => -Infinity);
  const order = labels.map((l, i) => ({ ...l, i })).sort((a, b) => a.x - b.x);
  const spots: Array<LabelSpot | undefined> = labels.map(() => undefined);
  for (const l of order) {
    if (l.width > maxX - minX) continue;
    const left = Math.min(Math.max(l.x - l.width / 2, minX), maxX - l.width);
    const row = rightEdge.findIndex((r) => left >= r + gap);
    if (row < 0) continue;
    rightEdge[row] = left + l.width;
    spots[l.i] = { row, left };
  }
  return spots;
}

/** Do two placed labels overlap? (For tests and for callers that place by hand.) */
export function overlaps(a: { left: number; width: number; row: number }, b: { left: number; width: number; row: number }): boolean {
  return a.row === b.row && a.left < b.left + b.width && b.left < a.left + a.width;
}
