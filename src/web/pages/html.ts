import { neutraliseBidi } from "../../core/text.js";
import type { PageText } from "./text.js";

/** Escape text for HTML content and attribute values; bidirectional overrides are dropped (core/text.ts). */
export function esc(v: unknown): string {
  return neutraliseBidi(String(v ?? "")).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

// One stylesheet for every page, inline (no second request, nothing to
// cache wrongly behind a signed link). Colours pass WCAG AA on white; the
// CJK fonts come first for Chinese pages (:lang), so a browser never falls
// back to a font without the glyphs. The print part turns the incident page
// into an A4 after-action report: no navigation, no forms, no links' colour.
const CSS = `
:root{--ink:#1b1f24;--muted:#5b6570;--line:#d8dde3;--met:#2e7d32;--missed:#c62828;--run:#1565c0;--waived:#8a5a00;--bg:#fff}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg);margin:0}
:lang(zh) body,body:lang(zh){font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.4rem .8rem;z-index:2}.skip:focus{left:.5rem}
header.top nav{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;border-bottom:1px solid var(--line);flex-wrap:wrap}
header.top a{color:var(--ink);text-decoration:none;font-weight:600}main{padding:.6rem 1rem 1rem;max-width:1100px;margin:0 auto}
a{color:#0b57a4}a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible,main:focus-visible{outline:3px solid var(--run);outline-offset:2px}
h1{font-size:1.35rem;margin:.1rem 0 .2rem}h2{font-size:1.05rem;margin:1rem 0 .4rem;border-bottom:1px solid var(--line);padding-bottom:.15rem}
.lede{margin:0 0 .4rem;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums}
.tag{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-size:.8rem;border:1px solid var(--line)}
.drill{background:#fff3e0;border-color:#ffb74d}.met{color:var(--met)}.missed{color:var(--missed)}.running{color:var(--run)}.waived{color:var(--waived)}.cancelled{color:var(--muted)}
.sym{font-weight:700}.outcome-text{white-space:nowrap}.verdict{font-weight:600}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(112px,1fr));gap:.35rem;margin:.3rem 0;font-size:.88rem;line-height:1.35}.facts div{border:1px solid var(--line);border-radius:.4rem;padding:.25rem .5rem}
.facts b{display:block;font-size:.74rem;color:var(--muted);font-weight:600}.facts .month{grid-column:span 2}.facts .month a{margin-left:.4rem}.facts .value{font-size:1.05rem;font-weight:600}
.facts small{display:block;color:var(--muted)}form.filters{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end;margin:.5rem 0 1rem}
form.filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}select,input,button{font:inherit;padding:.2rem}
svg{max-width:100%;height:auto}.scroll{overflow-x:auto}.exports a{margin-right:.8rem}
.tl svg{width:100%;height:auto;display:block}.trend-wide svg{max-width:900px}.tl-narrow{display:none}
svg.timeline text,svg.chart text{fill:var(--ink)}svg .caption{font-weight:600}svg .tick-label,svg .due-label{fill:var(--muted)}
svg .tick{stroke:#d5dae0}svg .tick.day{stroke:#7b8692}svg .strip{fill:#fff;stroke:var(--line)}
svg .band.closed{fill:#eef1f4}svg .band.weekend{fill:#dfe4ea}svg .band.holiday{fill:#fbe3c2}svg text.band-label{fill:#424b55;font-style:italic}
svg .lane-rule{stroke:var(--line)}svg .lane-name{font-weight:600}svg .density line{stroke:var(--ink);stroke-opacity:.55}
svg .window{fill:var(--run);fill-opacity:.08;stroke:var(--run);stroke-width:1.5}svg .zoom{stroke:var(--run);stroke-opacity:.6;fill:none}
svg .mark.paging{fill:#0d47a1}svg .mark.people{fill:#6a1b9a}svg .mark.milestone{fill:var(--ink)}svg .mark .stroke{fill:none;stroke:var(--missed);stroke-width:2.5}
svg .mark .ring{fill:#fff;stroke:#6a1b9a;stroke-width:2}svg .milestone-rule{stroke:var(--ink);stroke-opacity:.45;stroke-dasharray:3 3}
svg .span{stroke:#8b96a1;stroke-width:3}svg .overdue{fill:var(--missed);fill-opacity:.25}svg .due-tick{stroke:var(--ink);stroke-width:2}
svg .met{fill:var(--met)}svg .missed{fill:var(--missed)}svg .running{fill:var(--run)}svg .waived{fill:var(--waived)}svg .cancelled{fill:#7b8692}
svg .span.met{stroke:var(--met)}svg .span.missed{stroke:var(--missed)}svg .span.running{stroke:var(--run)}
svg .glyph{stroke:#fff;stroke-width:2;fill:none}svg text.glyph-text{fill:#fff;font-weight:700}svg .stopped{fill:var(--ink)}
svg .now{stroke:var(--run);stroke-width:2;stroke-dasharray:4 2}svg a:focus-visible{outline:3px solid var(--run);outline-offset:1px}
svg .target-line{stroke:var(--ink);stroke-width:1.5;stroke-dasharray:6 3}svg .trend-line{fill:none;stroke:var(--run);stroke-width:2.5}
svg .bar-bg{fill:#eef1f4}svg .bar{fill:#5b6f86}svg .bar.met{fill:var(--met)}svg .bar.missed{fill:var(--missed)}
.rates{list-style:none;padding:0;margin:.4rem 0}.rates li{margin:.4rem 0}.rate-name,.rate-value{font-weight:600}
.track{display:block;position:relative;height:12px;background:#eef1f4;border-radius:2px;margin-top:.15rem}
.fill{display:block;height:100%;background:#5b6f86}.fill.met{background:var(--met)}.fill.missed{background:var(--missed)}
.goal{position:absolute;top:-3px;bottom:-3px;width:0;border-left:2px solid var(--ink)}h3{font-size:.95rem;margin:.7rem 0 .2rem}
h2 small{font-weight:400;font-size:.8rem;margin-left:.5rem}.count{font-weight:600}
.print-only{display:none}
@media (max-width:640px){th,td{padding:.3rem}.hide-narrow{display:none}.tl-wide{display:none}.tl-narrow{display:block}.facts .month{grid-column:1/-1}}
@page{size:A4;margin:14mm 12mm}
@media print{header.top,.skip,form.filters,.exports,.screen-only{display:none!important}.print-only{display:block}
body{font-size:10pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}
.tl-narrow{display:none!important}.tl-wide{display:block!important}h2{break-after:avoid}tr,.tl,.facts div{break-inside:avoid}
.report-head{color:var(--muted);font-size:9pt;margin:0 0 .3rem}th,td{padding:.12rem .4rem}.when,.events td:first-child{white-space:nowrap}.hide-narrow{display:table-cell}}
`;

export function layout(t: PageText, lang: "en" | "zh", title: string, body: string, page = "page"): string {
  return `<!doctype html><html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)} · Beacon</title><style>${CSS}</style></head><body class="${page}"><a class="skip" href="#main">${esc(t.skip)}</a><header class="top"><nav aria-label="${esc(t.nav)}"><a href="/incidents">Beacon</a><a href="/incidents">${esc(t.incidents)}</a><a href="/figures">${esc(t.figures)}</a></nav></header><main id="main" tabindex="-1">${body}</main></body></html>`;
}

export function pct(rate: number | undefined): string {
  return rate === undefined ? "—" : `${(rate * 100).toFixed(1)} %`;
}
