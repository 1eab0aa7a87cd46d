/** Percentiles of a sample, in the sample's unit. */
export function percentiles(xs: number[]): { p50: number; p99: number; max: number; mean: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), max: s.at(-1) ?? NaN, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

export const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));

export function report(name: string, fields: Record<string, string | number>): void {
  console.log(
    `${name.padEnd(44)} ${Object.entries(fields)
      .map(([k, v]) => `${k}=${typeof v === "number" ? fmt(v) : v}`)
      .join("  ")}`,
  );
}
