// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte
// order mark so that Excel reads Chinese as Chinese rather than mojibake.
// A text cell starting with = + - @ (or a tab or carriage return) is
// prefixed with an apostrophe so a spreadsheet never runs it as a formula.

export type Cell = string | number | undefined;

const BOM = "\uFEFF";

function cell(v: Cell): string {
  if (v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return csvStart(header) + csvRows(rows);
}

/** The byte order mark and the header line: how a CSV streamed in batches starts. */
export const csvStart = (header: string[]): string => BOM + csvRows([header]);

/** Rows as CSV lines, each ended by CRLF (a batch of a streamed CSV). */
export const csvRows = (rows: Cell[][]): string => rows.map((r) => r.map(cell).join(",") + "\r\n").join("");

/** A rate as a plain fraction with four decimals (spreadsheets format it); empty when undecided. */
export const fraction = (r: number | undefined): Cell => (r === undefined ? undefined : Math.round(r * 10_000) / 10_000);
