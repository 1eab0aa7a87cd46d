import type { BusinessCalendar } from "../../core/calendar/business-calendar.js";
import { words } from "../../core/incident/context.js";
import { rotationOf } from "../../core/oncall/on-call.js";
import { overrideRef } from "../../core/oncall/overrides.js";
import { onCallSpans } from "../../core/oncall/rotation.js";
import type { RotationOverride } from "../../core/oncall/schema.js";
import { renderOnCall } from "../../core/oncall/views.js";
import type { Policy } from "../../core/policy/schema.js";
import { esc, layout } from "./html.js";
import { PAGE_TEXT } from "./text.js";

const TEXT = {
  en: {
    title: "On call",
    now: "Now",
    schedule: (days: number) => `The next ${days} days`,
    from: "From",
    to: "To",
    who: "On call",
    overrides: "Overrides and swaps",
    by: "Added by",
    covers: "Covering",
    ref: "Reference",
    feeds: "Subscribe (iCalendar)",
  },
  zh: {
    title: "值班",
    now: "当前",
    schedule: (days: number) => `未来 ${days} 天`,
    from: "开始",
    to: "结束",
    who: "值班人",
    overrides: "替班与换班",
    by: "添加人",
    covers: "顶替",
    ref: "编号",
    feeds: "订阅（iCalendar）",
  },
};

const DAYS = 14;

/** Who is on call now and over the next two weeks, per rotation, and the overrides running or to come (with the reference `oncall cancel` takes). */
export function onCallPage(
  policy: Policy,
  cal: BusinessCalendar,
  overrides: readonly RotationOverride[],
  now: Date,
  feeds: Array<{ label: string; path: string }> = [],
): string {
  const lang = policy.locale;
  const t = TEXT[lang];
  const w = words(policy);
  const until = new Date(now.getTime() + DAYS * 86_400_000);
  const nowLines = renderOnCall(policy, cal, overrides, now)
    .split("\n")
    .map((l) => `<li>${esc(l.replace(/\*/g, ""))}</li>`)
    .join("");
  const schedules = Object.keys(policy.rotations)
    .map((id) => {
      const spans = onCallSpans(rotationOf(policy, cal, id)!, overrides, now, until);
      const rows = spans
        .map(
          (s) =>
            `<tr><td>${esc(w.time(s.start))}</td><td>${esc(w.time(s.end))}</td><td>${esc(s.personId ? w.name(s.personId) : w.t.oncall.nobody)}</td></tr>`,
        )
        .join("");
      return `<h3>${esc(w.rotation(id))}</h3><table><thead><tr><th scope="col">${esc(t.from)}</th><th scope="col">${esc(t.to)}</th><th scope="col">${esc(t.who)}</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join("");
  const overrideRows = [...overrides]
    .sort((a, b) => a.from.localeCompare(b.from))
    .map(
      (o) =>
        `<tr><td>${esc(w.rotation(o.rotation))}</td><td>${esc(w.name(o.personId))}</td><td>${esc(w.time(o.from))}</td><td>${esc(w.time(o.to))}</td><td>${esc(o.replaces ? w.name(o.replaces) : "")}</td><td>${esc(w.name(o.createdBy))}</td><td><code>${esc(overrideRef(o.id))}</code></td></tr>`,
    )
    .join("");
  const overrideTable = overrides.length
    ? `<table><thead><tr><th scope="col"></th><th scope="col">${esc(t.who)}</th><th scope="col">${esc(t.from)}</th><th scope="col">${esc(t.to)}</th><th scope="col">${esc(t.covers)}</th><th scope="col">${esc(t.by)}</th><th scope="col">${esc(t.ref)}</th></tr></thead><tbody>${overrideRows}</tbody></table>`
    : `<p>${esc(w.t.oncall.noOverrides)}</p>`;
  return layout(
    PAGE_TEXT[lang],
    lang,
    t.title,
    `<h1>${esc(t.title)}</h1><h2>${esc(t.now)}</h2><ul>${nowLines}</ul><h2>${esc(t.overrides)}</h2>${overrideTable}<h2>${esc(t.schedule(DAYS))}</h2>${schedules}${
      feeds.length
        ? `<h2>${esc(t.feeds)}</h2><ul>${feeds.map((f) => `<li><a href="${esc(f.path)}">${esc(f.label)}</a></li>`).join("")}</ul>`
        : ""
    }`,
  );
}
