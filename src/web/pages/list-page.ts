import { words } from "../../core/incident/context.js";
import type { Incident } from "../../core/model.js";
import type { Policy } from "../../core/policy/schema.js";
import { drillsDown, matchingClocks, queryString, type ListQuery } from "../incident-query.js";
import type { IncidentPage } from "../incident-pages.js";
import { esc, layout } from "./html.js";
import { PAGE_TEXT } from "./text.js";
import { outcomeHtml } from "./verdict-html.js";

/**
 * Incidents with filters, drills in a table of their own. Opened from a
 * figure (a clock, an outcome, resolved or not), it lists the incidents
 * behind that count, names the deadlines that were counted, and leaves the
 * drills out as the figures did.
 */
export function listPage(policy: Policy, page: IncidentPage, drillPage: IncidentPage | undefined, q: ListQuery, now: Date): string {
  const incidents = page.incidents;
  const lang = policy.locale;
  const t = PAGE_TEXT[lang];
  const w = words(policy);
  const drilling = drillsDown(q);
  const select = (name: "severity" | "kind" | "status", label: string, options: Array<[string, string]>) =>
    `<label>${esc(label)}<select name="${name}"><option value="">${esc(t.all)}</option>${options.map(([v, l]) => `<option value="${esc(v)}"${q[name] === v ? " selected" : ""}>${esc(l)}</option>`).join("")}</select></label>`;
  const keep = (["clock", "outcome", "resolved", "drill"] as const)
    .filter((k) => q[k])
    .map((k) => `<input type="hidden" name="${k}" value="${esc(q[k])}">`)
    .join("");
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
  )}<label>${esc(t.from)}<input type="date" name="from" value="${esc(q.from ?? "")}"></label><label>${esc(t.to)}<input type="date" name="to" value="${esc(q.to ?? "")}"></label>${keep}<button>${esc(t.filter)}</button></form>`;
  const counted = drilling ? incidents.map((i) => matchingClocks(i, q, now)) : [];
  const table = (rows: Incident[], withDeadlines: boolean) =>
    rows.length
      ? `<table class="incidents"><thead><tr><th scope="col">${esc(t.number)}</th><th scope="col">${esc(t.title)}</th><th scope="col">${esc(t.severity)}</th><th scope="col" class="hide-narrow">${esc(t.kind)}</th><th scope="col">${esc(t.status)}</th><th scope="col" class="hide-narrow">${esc(t.declared)}</th>${withDeadlines ? `<th scope="col">${esc(t.deadline)}</th>` : ""}</tr></thead><tbody>${rows
          .map(
            (i, n) =>
              `<tr><td><a href="/incidents/${i.number}">INC-${i.number}</a></td><td>${esc(i.title)}</td><td>${esc(w.severity(i.severity))}</td><td class="hide-narrow">${esc(w.kind(i.kind))}</td><td>${esc(w.t.status[i.status] ?? i.status)}</td><td class="hide-narrow">${esc(w.time(i.declaredAt))}</td>${withDeadlines ? `<td>${counted[n]!.map((c) => outcomeHtml(c.outcome, `${w.clock(c.clock.key)}: ${t.outcomes[c.outcome] ?? c.outcome}`)).join("<br>")}</td>` : ""}</tr>`,
          )
          .join("")}</tbody></table>`
      : `<p>${esc(t.none)}</p>`;
  const what = [
    q.clock ? w.clock(q.clock) : "",
    q.outcome ? (t.outcomes[q.outcome] ?? q.outcome) : "",
    q.resolved ? (t.resolvedFilter[q.resolved] ?? q.resolved) : "",
    [q.from, q.to].filter(Boolean).join(" – "),
  ].filter(Boolean);
  const title = drilling ? `${t.incidents} · ${what.join(" · ")}` : q.drill ? t.drillsApart : t.incidents;
  const matched = counted.reduce((n, c) => n + c.length, 0);
  const single = !page.older && !page.newer;
  // Older and newer pages keep every filter; only the boundary changes.
  const pager = (p: IncidentPage, base: ListQuery) =>
    p.older || p.newer
      ? `<nav class="pager">${[
          p.newer
            ? `<a rel="prev" href="/incidents${esc(queryString({ ...base, before: undefined, after: p.newer }))}">${esc(t.newer)}</a>`
            : "",
          p.older
            ? `<a rel="next" href="/incidents${esc(queryString({ ...base, after: undefined, before: p.older }))}">${esc(t.older)}</a>`
            : "",
        ]
          .filter(Boolean)
          .join(" · ")}</nav>`
      : "";
  const csvQuery = { ...q, before: undefined, after: undefined };
  return layout(
    t,
    lang,
    title,
    [
      `<h1>${esc(title)}</h1>`,
      form,
      drilling && (q.clock || q.outcome)
        ? `<p class="count">${esc(single ? t.deadlinesMatching(matched, incidents.length) : t.deadlinesOnPage(matched, incidents.length))}</p>`
        : "",
      `<p class="exports"><a href="/incidents.csv${esc(queryString(csvQuery))}" download>${esc(t.csv)}</a></p>`,
      table(incidents, drilling && Boolean(q.clock || q.outcome)),
      pager(page, q),
      drillPage
        ? `<h2>${esc(t.drillsApart)}</h2>${table(drillPage.incidents, false)}${pager({ incidents: [], older: drillPage.older }, { ...q, drill: "yes" })}`
        : "",
    ].join(""),
  );
}
