import type { PageText } from "./text.js";

/** Escape text for HTML content and attribute values. */
export function esc(v: unknown): string {
  return String(v ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const CSS = `
:root{--ink:#1b1f24;--muted:#5b6570;--line:#d8dde3;--met:#2e7d32;--missed:#c62828;--run:#1565c0;--bg:#fff}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg);margin:0}
header.top{display:flex;gap:1rem;align-items:center;padding:.6rem 1rem;border-bottom:1px solid var(--line);flex-wrap:wrap}
header.top a{color:var(--ink);text-decoration:none;font-weight:600}main{padding:1rem;max-width:1100px;margin:0 auto}
h1{font-size:1.4rem;margin:.2rem 0 .6rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums}
.tag{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-size:.8rem;border:1px solid var(--line)}
.drill{background:#fff3e0;border-color:#ffb74d}.met{color:var(--met)}.missed{color:var(--missed)}.running{color:var(--run)}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:.5rem;margin:.5rem 0}.facts div{border:1px solid var(--line);border-radius:.4rem;padding:.4rem .6rem}
.facts b{display:block;font-size:.78rem;color:var(--muted);font-weight:600}form.filters{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end;margin:.5rem 0 1rem}
form.filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}select,input{font:inherit;padding:.2rem}
svg{max-width:100%;height:auto}svg.bars{min-width:640px}.scroll{overflow-x:auto}.exports a{margin-right:.8rem}
@media print{header.top,form.filters,.exports{display:none}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}}
@media (max-width:600px){th,td{padding:.3rem}.hide-narrow{display:none}}
`;

export function layout(t: PageText, lang: "en" | "zh", title: string, body: string): string {
  return `<!doctype html><html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)} · Beacon</title><style>${CSS}</style></head><body><header class="top"><a href="/incidents">Beacon</a><a href="/incidents">${esc(t.incidents)}</a><a href="/figures">${esc(t.figures)}</a></header><main>${body}</main></body></html>`;
}

export function pct(rate: number | undefined): string {
  return rate === undefined ? "—" : `${(rate * 100).toFixed(1)} %`;
}
