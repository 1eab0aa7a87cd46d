import type { Figures, Rate, Spread } from "../../core/figures.js";
import { words } from "../../core/incident/context.js";
import type { Policy } from "../../core/policy/schema.js";
import { esc, layout, pct } from "./html.js";
import { PAGE_TEXT } from "./text.js";

/** Horizontal bars of compliance rates: people would rather look than read. */
function bars(rows: Array<[string, Rate]>): string {
  const h = 24;
  const body = rows
    .map(([label, r], i) => {
      const y = i * h;
      const width = r.rate === undefined ? 0 : Math.round(r.rate * 600);
      const colour = r.rate === undefined ? "#d8dde3" : r.rate >= 0.9 ? "#2e7d32" : r.rate >= 0.7 ? "#f57c00" : "#c62828";
      return `<text x="0" y="${y + 16}" font-size="12">${esc(label)}</text><rect x="230" y="${y + 4}" width="600" height="14" fill="#eef1f4"/><rect class="bar" x="230" y="${y + 4}" width="${width}" height="14" fill="${colour}"/><text x="840" y="${y + 16}" font-size="12">${esc(pct(r.rate))} (${r.met}/${r.met + r.missed})</text>`;
    })
    .join("");
  return `<div class="scroll"><svg class="bars" viewBox="0 0 960 ${rows.length * h + 4}" xmlns="http://www.w3.org/2000/svg">${body}</svg></div>`;
}

function rateTable(t: (typeof PAGE_TEXT)["en"], rows: Array<[string, Rate]>): string {
  return `<table><thead><tr><th></th><th class="num">${esc(t.metCount)}</th><th class="num">${esc(t.missedCount)}</th><th class="num">${esc(t.rate)}</th></tr></thead><tbody>${rows.map(([l, r]) => `<tr><td>${esc(l)}</td><td class="num">${r.met}</td><td class="num">${r.missed}</td><td class="num">${esc(pct(r.rate))}</td></tr>`).join("")}</tbody></table>`;
}

export function figuresPage(policy: Policy, f: Figures, q: { from?: string; to?: string } = {}): string {
  const period = [q.from, q.to].filter(Boolean).join(" – ");
  const lang = policy.locale;
  const t = PAGE_TEXT[lang];
  const w = words(policy);
  const minutes = (s: Spread, k: "medianMinutes" | "p90Minutes") => (s[k] === undefined ? "—" : w.dur(s[k]!));
  const section = (title: string, rows: Array<[string, Rate]>) =>
    rows.length ? `<h2>${esc(t.compliance)} · ${esc(title)}</h2>${bars(rows)}${rateTable(t, rows)}` : "";
  const body = [
    `<h1>${esc(t.figures)}${period ? ` · ${esc(period)}` : ""}</h1>`,
    `<form class="filters" method="get" action="/figures"><label>${esc(t.from)}<input type="date" name="from" value="${esc(q.from ?? "")}"></label><label>${esc(t.to)}<input type="date" name="to" value="${esc(q.to ?? "")}"></label><button>${esc(t.filter)}</button></form>`,
    `<div class="facts"><div><b>${esc(t.compliance)}</b>${esc(pct(f.compliance.overall.rate))}</div><div><b>${esc(t.resolution)}</b>${esc(pct(f.resolution.rate))} (${f.resolution.resolved}/${f.resolution.total})</div><div><b>${esc(t.satisfaction)}</b>${f.satisfaction.mean === undefined ? esc(t.noData) : `${f.satisfaction.mean.toFixed(2)} / 5 (${f.satisfaction.n} ${esc(t.responses)})`}</div><div><b>${esc(t.drills)}</b>${f.drills.count}</div></div>`,
    section(
      t.perClock,
      Object.entries(f.compliance.byClock).map(([k, r]) => [w.clock(k), r]),
    ),
    section(
      t.perSeverity,
      Object.entries(f.compliance.bySeverity).map(([k, r]) => [w.severity(k), r]),
    ),
    section(
      t.perKind,
      Object.entries(f.compliance.byKind).map(([k, r]) => [w.kind(k), r]),
    ),
    section(
      t.perMonth,
      Object.entries(f.compliance.byMonth).sort(([a], [b]) => a.localeCompare(b)),
    ),
    `<h2>${esc(t.times)}</h2><table class="times"><thead><tr><th>${esc(t.severity)}</th><th>${esc(t.acknowledge)}</th><th>${esc(t.firstResponse)}</th><th>${esc(t.resolve)}</th></tr></thead><tbody>`,
    ...Object.entries(f.times).map(
      ([sev, x]) =>
        `<tr><td>${esc(w.severity(sev))}</td>${[x.acknowledge, x.firstResponse, x.resolve].map((s) => `<td>${esc(t.median)} ${esc(minutes(s, "medianMinutes"))} · ${esc(t.p90)} ${esc(minutes(s, "p90Minutes"))} (n=${s.n})</td>`).join("")}</tr>`,
    ),
    `</tbody></table>`,
    `<h2>${esc(t.byKind)}</h2><table><tbody>${Object.entries(f.byKind)
      .map(([k, n]) => `<tr><td>${esc(w.kind(k))}</td><td class="num">${n}</td></tr>`)
      .join("")}</tbody></table>`,
    `<h2>${esc(t.drillsApart)}</h2><p>${f.drills.numbers.length ? f.drills.numbers.map((n) => `<a href="/incidents/${n}">INC-${n}</a>`).join(", ") : esc(t.noData)}</p>`,
  ].join("");
  return layout(t, lang, t.figures, body);
}
