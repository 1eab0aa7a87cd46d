import { createCalendar } from "../../core/calendar/business-calendar.js";
import { words } from "../../core/incident/context.js";
import type { Incident } from "../../core/model.js";
import type { Policy } from "../../core/policy/schema.js";
import { summarize } from "../../core/summary.js";
import { describeEntry, SUMMARY_TEXT } from "../../core/summary-text.js";
import type { TimelineEntry } from "../../core/timeline.js";
import { CHART_TEXT } from "./chart-text.js";
import { esc, layout } from "./html.js";
import { monthPanel, type MonthContext } from "./month-panel.js";
import { PAGE_TEXT } from "./text.js";
import { NARROW, WIDE } from "./timeline-axis.js";
import { timelineModel } from "./timeline-model.js";
import { timelineSvg } from "./timeline-svg.js";
import { outcomeHtml } from "./verdict-html.js";

/** Past this many events the printed report leaves the event log to the Markdown export. */
const PRINT_EVENTS = 200;

/**
 * The whole incident for a reviewer, in the order of an after-action report:
 * header, key figures (and this month against the target), the timeline at a
 * glance, deadlines, people, follow-ups, every event. The print stylesheet
 * turns the same page into the A4 report.
 */
export function incidentPage(policy: Policy, incident: Incident, entries: TimelineEntry[], now: Date, month?: MonthContext): string {
  const lang = policy.locale;
  const t = PAGE_TEXT[lang];
  const s = SUMMARY_TEXT[lang];
  const w = words(policy);
  const f = summarize(policy, incident.number, entries, now);
  const model = timelineModel(w, createCalendar(policy.calendar), incident, entries, now);
  const dur = (m?: number) => (m === undefined ? s.notYet : w.dur(m));
  const fact = (label: string, value: string) => `<div><b>${esc(label)}</b>${esc(value)}</div>`;
  const ctx = (g: typeof WIDE) => ({
    g,
    m: model,
    zone: policy.calendar.timeZone,
    locale: lang,
    time: (at: number) => w.time(new Date(at)),
  });
  const label = CHART_TEXT[lang].timelineLabel(`${f.label} ${incident.title}`);
  const people = f.people.map((p) => `${w.name(p.personId)} (${p.roles.map((r) => w.t.role[r] ?? r).join(", ")})`);
  const body = [
    `<p class="print-only report-head">${esc(t.report)} · ${esc(t.printed)} · ${esc(w.time(now))}</p>`,
    `<h1>${incident.drill ? `<span class="tag drill">${esc(w.t.drill)}</span> ` : ""}${esc(f.label)} ${esc(incident.title)}</h1>`,
    f.drill ? `<p>${esc(s.drill)}</p>` : "",
    `<p class="lede">${[
      w.t.status[incident.status] ?? incident.status,
      w.severity(incident.severity),
      w.kind(incident.kind),
      incident.customer ? `${s.customer}: ${incident.customer}` : "",
      `${s.declared} ${w.time(f.declaredAt)}`,
    ]
      .filter(Boolean)
      .map(esc)
      .join(" · ")}</p>`,
    `<h2 class="print-only">${esc(t.keyFigures)}</h2><div class="facts">`,
    fact(s.tta, dur(f.timeToAcknowledgeMinutes)),
    fact(s.ttr, dur(f.timeToFirstResponseMinutes)),
    fact(s.ttres, dur(f.timeToResolveMinutes)),
    fact(s.escalations, String(f.escalations)),
    f.satisfaction !== undefined ? fact(s.satisfaction, `${f.satisfaction} / 5`) : "",
    month && !incident.drill ? monthPanel(policy, incident.severity, month) : "",
    `</div>`,
    `<h2>${esc(t.visualTimeline)}</h2>`,
    `<div class="tl tl-wide">${timelineSvg(ctx(WIDE), label)}</div><div class="tl tl-narrow">${timelineSvg(ctx(NARROW), label)}</div>`,
    `<h2>${esc(s.deadlines)}</h2><table class="deadlines"><thead><tr><th scope="col">${esc(t.deadline)}</th><th scope="col" class="hide-narrow">${esc(t.started)}</th><th scope="col">${esc(t.due)}</th><th scope="col">${esc(t.outcome)}</th></tr></thead><tbody>`,
    ...model.deadlines.map(
      (d) =>
        `<tr data-key="${esc(d.key)}" data-outcome="${d.verdict.outcome}"><td>${esc(d.name)}</td><td class="hide-narrow when">${esc(w.time(new Date(d.startedAt)))}</td><td class="when">${esc(w.time(new Date(d.dueAt)))}</td><td>${outcomeHtml(d.verdict.outcome, d.text)}</td></tr>`,
    ),
    `</tbody></table>`,
    `<h2>${esc(s.people)}</h2><p>${people.length ? esc(people.join("; ")) : esc(s.none)}</p>`,
    `<h2>${esc(s.followUps)}</h2>`,
    f.followUps.length
      ? `<table class="followups"><tbody>${f.followUps.map((x) => `<tr><td>${esc(x.id)}</td><td>${esc(x.text)}</td><td>${esc(x.ownerId ? w.name(x.ownerId) : "")}</td><td>${esc(x.due ?? "")}</td><td>${esc(x.status === "done" ? s.done : s.open)}</td></tr>`).join("")}</tbody></table>`
      : `<p>${esc(s.none)}</p>`,
    `<p class="exports"><a href="/incidents/${incident.number}/summary.md">${esc(t.exportMd)}</a><a href="/incidents/${incident.number}/summary.json">${esc(t.exportJson)}</a></p>`,
    `<h2>${esc(t.events)}</h2>`,
    entries.length > PRINT_EVENTS ? `<p class="print-only">${esc(t.eventsLong(entries.length))}</p>` : "",
    `<table class="events${entries.length > PRINT_EVENTS ? " screen-only" : ""}"><thead><tr><th scope="col">${esc(t.when)}</th><th scope="col" class="hide-narrow">${esc(t.who)}</th><th scope="col">${esc(t.what)}</th></tr></thead><tbody>`,
    ...entries.map(
      (e) =>
        `<tr id="e${e.seq}" data-type="${e.type}"><td>${esc(w.time(e.at))}</td><td class="hide-narrow">${esc(w.who(e.actor))}</td><td>${esc(describeEntry(w, e))}</td></tr>`,
    ),
    `</tbody></table>`,
  ].join("");
  return layout(t, lang, `${f.label} ${incident.title}`, body, "incident");
}
