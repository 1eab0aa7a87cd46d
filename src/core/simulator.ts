import type { BusinessCalendar } from "./calendar/business-calendar.js";
import { planClocks } from "./planning/clock-plan.js";
import { effectiveKind, planPaging } from "./planning/paging-plan.js";
import { stepPeople } from "./incident/paging.js";
import type { RotationOverride } from "./oncall/schema.js";
import type { Policy } from "./policy/schema.js";
import { words } from "./incident/context.js";
import { holidayDataWarning } from "./calendar/holiday-data.js";

// The plan simulator: for a severity, a kind and a moment, who is paged when
// (if nobody acknowledges) and when every deadline falls. Pure, so it is the
// easiest place to see a wrong calendar before an incident does.

export interface PlanInput {
  severity: string;
  kind: string;
  at: Date;
  onsite?: "local" | "remote";
  claim?: boolean;
}

export interface SimulatedPlan {
  /** Each step as it would fire, rotations resolved to whoever would be on call then (overrides included). */
  pages: Array<{ at: string; step: number; page: string[]; notify: string[]; onCall: Array<{ rotation: string; personId?: string }> }>;
  deadlines: Array<{ key: string; name: string; dueAt: string; reminders: string[] }>;
}

export function simulatePlan(
  policy: Policy,
  cal: BusinessCalendar,
  input: PlanInput,
  overrides: readonly RotationOverride[] = [],
): SimulatedPlan {
  const w = words(policy);
  let t = input.at.getTime();
  const pages = planPaging(policy, input.severity, effectiveKind(policy, input.kind).kind).map((frozen, i) => {
    const step = stepPeople({ policy, cal, now: new Date(t), overrides }, frozen);
    const page = { at: new Date(t).toISOString(), step: i + 1, page: step.page, notify: step.notify, onCall: step.onCall };
    t += step.waitMinutes * 60_000;
    return page;
  });
  const clocks = planClocks(
    policy,
    cal,
    { severity: input.severity, kind: input.kind, onsite: input.onsite, claim: input.claim },
    input.at,
  );
  return { pages, deadlines: clocks.map((c) => ({ key: c.key, name: w.clock(c.key), dueAt: c.dueAt, reminders: c.remindAt })) };
}

export function renderPlan(policy: Policy, plan: SimulatedPlan, input: PlanInput): string {
  const w = words(policy);
  const zh = policy.locale === "zh";
  const head = zh
    ? `${w.severity(input.severity)}·${w.kind(input.kind)}，登记于 ${w.time(input.at)}（${policy.calendar.timeZone}）：`
    : `${w.severity(input.severity)} ${w.kind(input.kind)} declared ${w.time(input.at)} (${policy.calendar.timeZone}):`;
  const lines = [head, zh ? "呼叫（无人确认时逐级升级）：" : "Paging (if nobody acknowledges):"];
  for (const p of plan.pages) {
    const fyi = p.notify.length ? (zh ? `；知会 ${w.names(p.notify)}` : `; informs ${w.names(p.notify)}`) : "";
    const onCall = p.onCall.map((o) => `${w.rotation(o.rotation)} → ${o.personId ? w.name(o.personId) : w.t.oncall.nobody}`).join(", ");
    const rota = onCall ? (zh ? `（值班：${onCall}）` : ` (on call: ${onCall})`) : "";
    lines.push(`  ${w.time(p.at)}  ${zh ? `第 ${p.step} 级` : `step ${p.step}`}: ${w.names(p.page)}${fyi}${rota}`);
  }
  lines.push(zh ? "时限：" : "Deadlines:");
  for (const d of plan.deadlines) {
    const rem = d.reminders.length
      ? zh
        ? `（提醒 ${d.reminders.map((r) => w.time(r)).join("、")}）`
        : ` (reminders ${d.reminders.map((r) => w.time(r)).join(", ")})`
      : "";
    lines.push(`  ${w.time(d.dueAt)}  ${d.name}${rem}`);
  }
  if (!plan.deadlines.length) lines.push(zh ? "  无" : "  none");
  // A plan near or past the end of the holiday list may be wrong about holidays: say so.
  const last = plan.deadlines.reduce((m, d) => (d.dueAt > m ? d.dueAt : m), input.at.toISOString());
  const warning = holidayDataWarning(policy.calendar, new Date(last)) ?? holidayDataWarning(policy.calendar, input.at);
  if (warning) lines.push(w.t.warning.holidayData(warning.endsOn, warning.ended));
  return lines.join("\n");
}
