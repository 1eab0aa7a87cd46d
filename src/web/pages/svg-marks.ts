import type { ClockOutcome } from "../../core/clock-outcome.js";
import { esc } from "./html.js";
import type { Shape } from "./timeline-model.js";

// Small SVG pieces shared by the pictures: marks of distinct shapes (so a
// reader who cannot tell red from green still tells met from missed), text,
// and a linked mark with its tooltip. Colours come from CSS classes.

export const f1 = (n: number) => (Math.round(n * 10) / 10).toString();

/** A mark of `shape` centred on (x, y), radius r. */
export function shapePath(shape: Shape, x: number, y: number, r: number): string {
  const p = (d: string, cls = "") => `<path${cls ? ` class="${cls}"` : ""} d="${d}"/>`;
  switch (shape) {
    case "square":
      return `<rect x="${f1(x - r)}" y="${f1(y - r)}" width="${f1(2 * r)}" height="${f1(2 * r)}"/>`;
    case "triangle":
      return p(`M${f1(x)} ${f1(y - r - 1)}L${f1(x + r + 1)} ${f1(y + r)}L${f1(x - r - 1)} ${f1(y + r)}Z`);
    case "circle":
      return `<circle cx="${f1(x)}" cy="${f1(y)}" r="${f1(r)}"/>`;
    case "ring":
      return `<circle class="ring" cx="${f1(x)}" cy="${f1(y)}" r="${f1(r - 1)}"/>`;
    case "cross":
      return p(`M${f1(x - r)} ${f1(y - r)}L${f1(x + r)} ${f1(y + r)}M${f1(x + r)} ${f1(y - r)}L${f1(x - r)} ${f1(y + r)}`, "stroke");
    case "diamond":
      return p(`M${f1(x)} ${f1(y - r - 1)}L${f1(x + r + 1)} ${f1(y)}L${f1(x)} ${f1(y + r + 1)}L${f1(x - r - 1)} ${f1(y)}Z`);
    case "bar":
      return `<rect x="${f1(x - 1.5)}" y="${f1(y - r)}" width="3" height="${f1(2 * r)}"/>`;
  }
}

/** The outcome's own mark: ✓ in a circle for met, ✕ for missed, ✕ in an open square for not met, ▶ running, W waived, — cancelled. */
export function outcomeMark(outcome: ClockOutcome, x: number, y: number, r: number): string {
  switch (outcome) {
    case "met":
      return `<circle cx="${f1(x)}" cy="${f1(y)}" r="${f1(r)}"/><path class="glyph" d="M${f1(x - r / 2)} ${f1(y)}l${f1(r / 3)} ${f1(r / 2.5)}l${f1(r / 1.6)} ${f1(-r / 1.2)}"/>`;
    case "missed":
      return `<rect x="${f1(x - r)}" y="${f1(y - r)}" width="${f1(2 * r)}" height="${f1(2 * r)}"/><path class="glyph" d="M${f1(x - r / 2)} ${f1(y - r / 2)}l${f1(r)} ${f1(r)}m0 ${f1(-r)}l${f1(-r)} ${f1(r)}"/>`;
    case "running":
      return `<path d="M${f1(x - r / 1.5)} ${f1(y - r)}L${f1(x + r)} ${f1(y)}L${f1(x - r / 1.5)} ${f1(y + r)}Z"/>`;
    case "waived":
      return `<rect x="${f1(x - r)}" y="${f1(y - r)}" width="${f1(2 * r)}" height="${f1(2 * r)}" rx="2"/><text class="glyph-text" x="${f1(x)}" y="${f1(y + r / 2)}" font-size="${f1(r * 1.3)}" text-anchor="middle">W</text>`;
    case "notMet":
      return `<rect x="${f1(x - r)}" y="${f1(y - r)}" width="${f1(2 * r)}" height="${f1(2 * r)}" fill="none" stroke-width="2"/><path class="glyph" d="M${f1(x - r / 2)} ${f1(y - r / 2)}l${f1(r)} ${f1(r)}m0 ${f1(-r)}l${f1(-r)} ${f1(r)}"/>`;
    case "cancelled":
      return `<rect x="${f1(x - r)}" y="${f1(y - 1.5)}" width="${f1(2 * r)}" height="3"/>`;
  }
}

export function text(x: number, y: number, s: string, cls = "", anchor: "start" | "middle" | "end" = "start"): string {
  return `<text${cls ? ` class="${cls}"` : ""} x="${f1(x)}" y="${f1(y)}"${anchor === "start" ? "" : ` text-anchor="${anchor}"`}>${esc(s)}</text>`;
}

/** A mark that is a link to its row in the events table, with a tooltip: keyboard- and screen-reader-reachable. */
export function linked(href: string | undefined, title: string, body: string, cls: string): string {
  return href
    ? `<a class="${cls}" href="${esc(href)}"><title>${esc(title)}</title>${body}</a>`
    : `<g class="${cls}"><title>${esc(title)}</title>${body}</g>`;
}
