import type { TimelineEntry } from "./timeline.js";
import type { Words } from "./incident/context.js";

// The after-action summary's own words, per language, and one readable line
// per timeline entry type. Kept apart so summary.ts is only the arithmetic.

export const SUMMARY_TEXT = {
  en: {
    title: "After-action summary",
    drill: "DRILL: a practice run, kept out of every figure.",
    severity: "Severity",
    kind: "Kind",
    customer: "Customer",
    declared: "Declared",
    acknowledged: "Acknowledged",
    resolved: "Resolved",
    closed: "Closed",
    duration: "Duration",
    satisfaction: "Customer satisfaction",
    people: "People",
    figures: "Key figures",
    tta: "Time to acknowledge",
    ttr: "Time to first customer response",
    ttres: "Time to resolve",
    escalations: "Escalations",
    deadlines: "Deadlines",
    deadlineHead: "| Deadline | Due | Outcome |\n| --- | --- | --- |",
    deadlineColumns: ["Deadline", "Due", "Outcome"],
    fullPage: "Full incident page",
    more: (n: number) => `… and ${n} more (see the full page)`,
    met: (margin: string) => `✅ met, ${margin} to spare`,
    missed: (late: string) => `❌ missed by ${late}`,
    notMet: "✖ not met (closed before it was done)",
    waived: (by: string, reason: string) => `🏳️ waived by ${by}: ${reason}`,
    running: "⏳ still running",
    dropped: "— no longer applies",
    accepted: "Customer acceptance",
    returnCall: "Return call",
    reached: "customer reached",
    unreached: "customer not reached",
    severityChanges: "Severity changes",
    timeline: "Timeline",
    followUps: "Follow-up actions",
    owner: "owner",
    due: "due",
    open: "open",
    done: "done",
    deliveryFailures: (n: number) => `⚠️ ${n} chat message(s) could not be delivered (see the timeline).`,
    notYet: "not yet",
    none: "none",
  },
  zh: {
    title: "事件总结评估",
    drill: "演练：练习事件，不计入任何考核指标。",
    severity: "级别",
    kind: "类型",
    customer: "客户",
    declared: "登记时间",
    acknowledged: "确认时间",
    resolved: "解决时间",
    closed: "结案时间",
    duration: "持续时间",
    satisfaction: "客户满意度",
    people: "参与人员",
    figures: "关键指标",
    tta: "确认用时",
    ttr: "首次回复客户用时",
    ttres: "解决用时",
    escalations: "升级次数",
    deadlines: "响应时限",
    deadlineHead: "| 时限 | 截止时间 | 结果 |\n| --- | --- | --- |",
    deadlineColumns: ["时限", "截止时间", "结果"],
    fullPage: "完整事件页面",
    more: (n: number) => `……另有 ${n} 条（见完整页面）`,
    met: (margin: string) => `✅ 达标，提前 ${margin}`,
    missed: (late: string) => `❌ 超时 ${late}`,
    notMet: "✖ 未达标（结案时仍未完成）",
    waived: (by: string, reason: string) => `🏳️ 已由 ${by} 豁免：${reason}`,
    running: "⏳ 进行中",
    dropped: "— 已不适用",
    accepted: "客户验收",
    returnCall: "回访",
    reached: "已联系上客户",
    unreached: "未联系上客户",
    severityChanges: "级别变更",
    timeline: "时间线",
    followUps: "后续整改措施",
    owner: "负责人",
    due: "截止",
    open: "未完成",
    done: "已完成",
    deliveryFailures: (n: number) => `⚠️ 有 ${n} 条消息未能送达（见时间线）。`,
    notYet: "尚未",
    none: "无",
  },
};

/** One line describing what an entry records, in the policy's language. */
export function describeEntry(w: Words, e: TimelineEntry): string {
  const zh = w.t.locale === "zh";
  const d = e.data as Record<string, unknown>;
  const s = (k: string) => String(d[k] ?? "");
  switch (e.type) {
    case "declared":
      return zh
        ? `登记事件「${s("title")}」（${w.severity(s("severity"))}，${w.kind(s("kind"))}）`
        : `declared "${s("title")}" (${w.severity(s("severity"))}, ${w.kind(s("kind"))})`;
    case "paged": {
      const onCall = ((d.onCall ?? []) as Array<{ rotation: string; personId?: string }>)
        .map((o) => `${w.rotation(o.rotation)} → ${o.personId ? w.name(o.personId) : w.t.none}`)
        .join(", ");
      return zh
        ? `第 ${s("step")} 级呼叫：${w.names(d.personIds as string[])}${onCall ? `（值班：${onCall}）` : ""}`
        : `paging step ${s("step")}: ${w.names(d.personIds as string[])}${onCall ? ` (on call: ${onCall})` : ""}`;
    }
    case "acknowledged":
      return zh
        ? `${w.name(s("personId"))} 确认（${w.dur(Number(d.afterMinutes))}后）`
        : `${w.name(s("personId"))} acknowledged after ${w.dur(Number(d.afterMinutes))}`;
    case "escalated":
      return zh
        ? `升级到第 ${s("toStep")} 级（${w.t.escalationReason[s("reason")]}）`
        : `escalated to step ${s("toStep")} (${w.t.escalationReason[s("reason")]})`;
    case "escalation_exhausted":
      return zh ? "所有呼叫级别均无人确认" : "every paging step tried, nobody acknowledged";
    case "severity_changed":
      return zh
        ? `级别由${w.severity(s("from"))}改为${w.severity(s("to"))}：${s("reason")}`
        : `severity ${w.severity(s("from"))} → ${w.severity(s("to"))}: ${s("reason")}`;
    case "kind_changed":
      return `${w.kind(s("from"))} → ${w.kind(s("to"))}`;
    case "note":
      return zh ? `备注：${s("text")}` : `note: ${s("text")}`;
    case "role_assigned":
      return `${w.t.role[s("role")]}: ${w.name(s("personId"))}`;
    case "update_posted":
      return zh
        ? `向${w.t.audience[s("audience")]}${d.answer ? "正式答复" : "通报"}：${s("text")}`
        : `${d.answer ? "answer" : "update"} to the ${w.t.audience[s("audience")]}: ${s("text")}`;
    case "reminder_posted":
      return zh
        ? `提醒：${w.clock(s("clock"))}${d.overdue ? "（已超时）" : ""}`
        : `reminder: ${w.clock(s("clock"))}${d.overdue ? " (overdue)" : ""}`;
    case "deadline_met":
      return zh ? `时限达标：${w.clock(s("clock"))}` : `deadline met: ${w.clock(s("clock"))}`;
    case "deadline_missed": {
      const to = (d.reportedTo as string[] | undefined) ?? [];
      return zh
        ? `时限超时：${w.clock(s("clock"))}${to.length ? `（已报告 ${w.names(to)}）` : ""}`
        : `deadline missed: ${w.clock(s("clock"))}${to.length ? ` (reported to ${w.names(to)})` : ""}`;
    }
    case "clock_stopped":
      return zh
        ? `${w.clock(s("clock"))} 完成，超时 ${w.dur(Number(d.overdueMinutes))}`
        : `${w.clock(s("clock"))} done, ${w.dur(Number(d.overdueMinutes))} late`;
    case "resolved":
      return zh ? `已解决${d.summary ? `：${s("summary")}` : ""}` : `resolved${d.summary ? `: ${s("summary")}` : ""}`;
    case "reopened":
      return zh ? `重新打开：${s("reason")}` : `reopened: ${s("reason")}`;
    case "closed":
      return zh
        ? `结案${d.satisfaction ? `（满意度 ${s("satisfaction")}/5）` : ""}`
        : `closed${d.satisfaction ? ` (satisfaction ${s("satisfaction")}/5)` : ""}`;
    case "followup_added":
      return zh ? `新增整改措施 ${s("id")}：${s("text")}` : `follow-up ${s("id")} added: ${s("text")}`;
    case "followup_done":
      return zh ? `整改措施 ${s("id")} 完成` : `follow-up ${s("id")} done`;
    case "followup_due":
      return zh
        ? `整改措施 ${s("id")} 今日到期：${s("text")}（${w.name(s("ownerId"))}）`
        : `follow-up ${s("id")} due today: ${s("text")} (${w.name(s("ownerId"))})`;
    case "handoff":
      return zh
        ? `${w.rotation(s("rotation"))} 交接班：${d.from ? w.name(s("from")) : w.t.none} → ${w.name(s("to"))}，已通知接班人`
        : `${w.rotation(s("rotation"))} handed over: ${d.from ? w.name(s("from")) : w.t.none} → ${w.name(s("to"))}, who was told`;
    case "room_opened":
      return zh ? `事件频道已开启 ${s("name") || s("channelId")}` : `room opened ${s("name") || s("channelId")}`;
    case "delivery_failed":
      return zh
        ? `消息未送达（${s("what")}${d.target ? ` → ${w.name(s("target"))}` : ""}）：${s("error")}`
        : `delivery failed (${s("what")}${d.target ? ` → ${w.name(s("target"))}` : ""}): ${s("error")}`;
    case "alert": {
      const what = d.status === "resolved" ? (zh ? "已恢复" : "resolved") : d.repeat ? (zh ? "重复" : "repeated") : zh ? "触发" : "firing";
      return zh ? `告警（${s("source")}）${what}：${s("title")}` : `alert from ${s("source")} ${what}: ${s("title")}`;
    }
    case "timer_late":
      return zh
        ? `Beacon 停机期间到期的${s("timer")}，延迟 ${w.dur(Number(d.lateMinutes))} 补发`
        : `${s("timer")} fired ${w.dur(Number(d.lateMinutes))} late (Beacon was down)`;
    case "deadline_not_met":
      return zh ? `结案时未完成：${w.clock(s("clock"))}` : `not met at the close: ${w.clock(s("clock"))}`;
    case "deadline_waived":
      return zh ? `豁免时限：${w.clock(s("clock"))}（${s("reason")}）` : `deadline waived: ${w.clock(s("clock"))} (${s("reason")})`;
    case "accepted":
      return zh
        ? `客户已验收${d.satisfaction ? `（满意度 ${s("satisfaction")}/5）` : ""}`
        : `the customer accepted the fix${d.satisfaction ? ` (satisfaction ${s("satisfaction")}/5)` : ""}`;
    case "refused":
      return zh ? `客户未通过验收：${s("reason")}` : `the customer refused the fix: ${s("reason")}`;
    case "return_call":
      return zh
        ? `回访：${d.reached ? "已联系上客户" : "未联系上客户"}${d.satisfaction ? `，满意度 ${s("satisfaction")}/5` : ""}${d.comment ? `（${s("comment")}）` : ""}`
        : `return call: ${d.reached ? "customer reached" : "customer not reached"}${d.satisfaction ? `, satisfaction ${s("satisfaction")}/5` : ""}${d.comment ? ` (${s("comment")})` : ""}`;
    case "clocks_started":
      return zh
        ? `开始计时：${(d.clocks as Array<{ key: string }>).map((c) => w.clock(c.key)).join("、")}`
        : `deadlines started: ${(d.clocks as Array<{ key: string }>).map((c) => w.clock(c.key)).join(", ")}`;
    case "claim_added":
      return zh ? "记录赔偿要求" : "compensation claim recorded";
    case "onsite_set":
      return zh ? `需要上门服务（${w.t.onsite[s("onsite")]}）` : `on-site visit needed (${w.t.onsite[s("onsite")]})`;
    case "stood_down":
      return zh ? `解除呼叫：${w.names(d.personIds as string[])}` : `stood down: ${w.names(d.personIds as string[])}`;
  }
}
