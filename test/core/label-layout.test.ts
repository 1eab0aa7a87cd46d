import { describe, expect, it } from "vitest";
import { clusterByX, overlaps, placeLabels, textWidth } from "../../src/core/label-layout.js";

describe("placing marks and labels on the timeline", () => {
  it("never lets two placed labels overlap, and leaves off those with no room", () => {
    const labels = Array.from({ length: 40 }, (_, i) => ({ x: 100 + i * 7, width: 60 }));
    const spots = placeLabels(labels, 2, 0, 1000);
    const placed = spots.flatMap((s, i) => (s ? [{ ...s, width: labels[i]!.width }] : []));
    expect(placed.length).toBeGreaterThan(2);
    expect(placed.length).toBeLessThan(40);
    for (const a of placed) for (const b of placed) if (a !== b) expect(overlaps(a, b)).toBe(false);
  });

  it("keeps labels inside the drawing at both edges", () => {
    const [first, last] = placeLabels(
      [
        { x: 2, width: 80 },
        { x: 998, width: 80 },
      ],
      1,
      10,
      990,
    );
    expect(first).toEqual({ row: 0, left: 10 });
    expect(last).toEqual({ row: 0, left: 910 });
  });

  it("merges marks closer than the gap into one counted mark", () => {
    const groups = clusterByX([0, 1, 2, 10, 11, 30], (x) => x, 4);
    expect(groups.map((g) => g.items.length)).toEqual([3, 2, 1]);
  });

  it("estimates Chinese text wider than the same number of Latin letters", () => {
    expect(textWidth("首次书面答复", 12)).toBeGreaterThan(textWidth("abcdef", 12));
  });
});
