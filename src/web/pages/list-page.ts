import { words } from "../../core/incident/context.js";
import type { Incident } from "../../core/model.js";
import type { Policy } from "../../core/policy/schema.js";
import { esc, layout } from "./html.js";
import { PAGE_TEXT } from "./text.js";

export interface ListQuery {
  severity?: string;
  kind?: string;
  status?: string;
  from?: string;
  to?: string;
}

/** Incidents with filters; drills in a table of their own. */
export function listPage(policy: Policy, incidents: Incident[], drills: Incident[], q: ListQuery): string {
  const lang = policy.locale;
  const t = PAGE_TEXT[lang];
  const w = words(policy);
  const select = (name: keyof ListQuery, label: string, options: Array<[string, string]>) =>
    `<label>${esc(label)}<select name="${name}"><option value="">${esc(t.all)}</option>${options.map(([v, l]) => `<option value="${esc(v)}"${q[name] === v ? " selected" : ""}>${esc(l)}</option>`).join("")}</select></label>`;
  const form = `<form class="filters" method="get" action="/incidents">${select(
    "severity",
    t.severity,
    Object.keys(policy.severities).map((k) => [k, w.severity(k)]),
  )}${select(
    "kind",
    t.kind,
    Object.keys(policy.kinds).map((k) => [k, w.kind(k)]),
  )}${select(
    "status",
    t.status,
    ["declared", "acknowledged", "resolved", "closed"].map((s) => [s, w.t.status[s]!]),
  )}<label>${esc(t.from)}<input type="date" name="from" value="${esc(q.from ?? "")}"></label><label>${esc(t.to)}<input type="date" name="to" value="${esc(q.to ?? "")}"></label><button>${esc(t.filter)}</button></form>`;
  const table = (rows: Incident[]) =>
    rows.length
      ? `<table class="incidents"><thead><tr><th>${esc(t.number)}</th><th>${esc(t.title)}</th><th>${esc(t.severity)}</th><th class="hide-narrow">${esc(t.kind)}</th><th>${esc(t.status)}</th><th class="hide-narrow">${esc(t.declared)}</th></tr></thead><tbody>${rows
          .map(
            (i) =>
              `<tr><td><a href="/incidents/${i.number}">INC-${i.number}</a></td><td>${esc(i.title)}</td><td>${esc(w.severity(i.severity))}</td><td class="hide-narrow">${esc(w.kind(i.kind))}</td><td>${esc(w.t.status[i.status] ?? i.status)}</td><td class="hide-narrow">${esc(w.time(i.declaredAt))}</td></tr>`,
          )
          .join("")}</tbody></table>`
      : `<p>${esc(t.none)}</p>`;
  return layout(
    t,
    lang,
    t.incidents,
    `<h1>${esc(t.incidents)}</h1>${form}${table(incidents)}<h2>${esc(t.drillsApart)}</h2>${table(drills)}`,
  );
}
