import { words } from "../../core/incident/context.js";
import type { Incident } from "../../core/model.js";
import type { Policy } from "../../core/policy/schema.js";
import { summarize } from "../../core/summary.js";
import { describeEntry, SUMMARY_TEXT } from "../../core/summary-text.js";
import type { TimelineEntry } from "../../core/timeline.js";
import { esc, layout } from "./html.js";
import { PAGE_TEXT } from "./text.js";
import { timelineSvg } from "./timeline-svg.js";

/** The whole incident for a reviewer: header, timeline at a glance, events, deadlines, people and roles, follow-ups. */
export function incidentPage(policy: Policy, incident: Incident, entries: TimelineEntry[], now: Date): string {
  const lang = policy.locale;
  const t = PAGE_TEXT[lang];
  const s = SUMMARY_TEXT[lang];
  const w = words(policy);
  const f = summarize(policy, incident.number, entries, now);
  const dur = (m?: number) => (m === undefined ? s.notYet : w.dur(m));
  const fact = (label: string, value: string) => `<div><b>${esc(label)}</b>${esc(value)}</div>`;
  const outcome = (d: (typeof f.deadlines)[number]) =>
    d.outcome === "met"
      ? `<span class="met">${esc(s.met(w.dur(d.marginMinutes ?? 0)))}</span>`
      : d.outcome === "missed"
        ? `<span class="missed">${esc(s.missed(w.dur(d.lateMinutes ?? 0)))}</span>`
        : d.outcome === "running"
          ? `<span class="running">${esc(s.running)}</span>`
          : esc(s.dropped);
  const body = [
    `<h1>${incident.drill ? `<span class="tag drill">${esc(w.t.drill)}</span> ` : ""}${esc(f.label)} ${esc(incident.title)}</h1>`,
    f.drill ? `<p>${esc(s.drill)}</p>` : "",
    `<div class="facts">`,
    fact(s.severity, w.severity(incident.severity)),
    fact(s.kind, w.kind(incident.kind)),
    fact(t.status, w.t.status[incident.status] ?? incident.status),
    incident.customer ? fact(s.customer, incident.customer) : "",
    fact(s.declared, w.time(f.declaredAt)),
    fact(s.tta, dur(f.timeToAcknowledgeMinutes)),
    fact(s.ttr, dur(f.timeToFirstResponseMinutes)),
    fact(s.ttres, dur(f.timeToResolveMinutes)),
    fact(s.escalations, String(f.escalations)),
    f.satisfaction !== undefined ? fact(s.satisfaction, `${f.satisfaction} / 5`) : "",
    `</div>`,
    `<p class="exports"><a href="/incidents/${incident.number}/summary.md">${esc(t.exportMd)}</a><a href="/incidents/${incident.number}/summary.json">${esc(t.exportJson)}</a></p>`,
    `<h2>${esc(t.visualTimeline)}</h2><div class="scroll">${timelineSvg(f, now, w.time)}</div>`,
    `<h2>${esc(s.deadlines)}</h2><table class="deadlines"><thead><tr><th>${esc(s.deadlines)}</th><th>${esc(t.when)}</th><th>${esc(t.status)}</th></tr></thead><tbody>`,
    ...f.deadlines.map(
      (d) =>
        `<tr data-key="${esc(d.key)}" data-outcome="${esc(d.outcome)}"><td>${esc(d.name)}</td><td>${esc(w.time(d.dueAt))}</td><td>${outcome(d)}</td></tr>`,
    ),
    `</tbody></table>`,
    `<h2>${esc(s.people)}</h2><table><tbody>`,
    ...f.people.map((p) => `<tr><td>${esc(w.name(p.personId))}</td><td>${esc(p.roles.join(", "))}</td></tr>`),
    `</tbody></table>`,
    `<h2>${esc(s.followUps)}</h2>`,
    f.followUps.length
      ? `<table><tbody>${f.followUps.map((x) => `<tr><td>${esc(x.id)}</td><td>${esc(x.text)}</td><td>${esc(x.ownerId ? w.name(x.ownerId) : "")}</td><td>${esc(x.due ?? "")}</td><td>${esc(x.status === "done" ? s.done : s.open)}</td></tr>`).join("")}</tbody></table>`
      : `<p>${esc(s.none)}</p>`,
    `<h2>${esc(t.events)}</h2><table class="events"><thead><tr><th>${esc(t.when)}</th><th class="hide-narrow">${esc(t.who)}</th><th>${esc(t.what)}</th></tr></thead><tbody>`,
    ...entries.map(
      (e) =>
        `<tr data-type="${esc(e.type)}"><td>${esc(w.time(e.at))}</td><td class="hide-narrow">${esc(w.who(e.actor))}</td><td>${esc(describeEntry(w, e))}</td></tr>`,
    ),
    `</tbody></table>`,
  ].join("");
  return layout(t, lang, `${f.label} ${incident.title}`, body);
}
