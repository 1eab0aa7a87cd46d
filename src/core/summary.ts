import type { Policy } from "./policy/schema.js";
import type { TimelineEntry } from "./timeline.js";
import { minutesBetween, words } from "./incident/context.js";
import { describeEntry, SUMMARY_TEXT } from "./summary-text.js";

// The after-action summary, built from the timeline alone: what reviewers
// read. Nothing here looks at the incident document, so the summary shows
// exactly what was recorded as it happened.

export interface SummaryDeadline {
  key: string;
  name: string;
  dueAt: string;
  outcome: "met" | "missed" | "notMet" | "waived" | "running" | "dropped";
  metAt?: string;
  lateMinutes?: number;
  marginMinutes?: number;
  /** Waived: by whom (a name) and why. */
  waivedBy?: string;
  waiveReason?: string;
}

export interface SummaryFacts {
  label: string;
  title: string;
  severity: string;
  kind: string;
  customer?: string;
  drill: boolean;
  declaredAt: string;
  acknowledgedAt?: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  durationMinutes?: number;
  people: Array<{ personId: string; roles: string[] }>;
  timeToAcknowledgeMinutes?: number;
  timeToFirstResponseMinutes?: number;
  timeToResolveMinutes?: number;
  deadlines: SummaryDeadline[];
  severityChanges: Array<{ at: string; from: string; to: string; reason: string }>;
  followUps: Array<{ id: string; text: string; ownerId?: string; due?: string; status: "open" | "done" }>;
  acceptedAt?: string;
  returnCall?: { at: string; reached: boolean; satisfaction?: number; comment?: string };
  /** One score per incident: the return call's, else the acceptance's. */
  satisfaction?: number;
  escalations: number;
  deliveryFailures: number;
  entries: TimelineEntry[];
}

export function summarize(policy: Policy, incidentNumber: number, entries: TimelineEntry[], now: Date): SummaryFacts {
  const w = words(policy);
  const declared = entries.find((e) => e.type === "declared");
  const d = declared?.type === "declared" ? declared.data : { title: "?", severity: "?", kind: "?", drill: false, clocks: [] };
  const facts: SummaryFacts = {
    label: `INC-${incidentNumber}`,
    title: d.title,
    severity: d.severity,
    kind: d.kind,
    customer: d.customer,
    drill: d.drill,
    declaredAt: declared?.at ?? now.toISOString(),
    people: [],
    deadlines: [],
    severityChanges: [],
    followUps: [],
    escalations: 0,
    deliveryFailures: 0,
    entries,
  };
  // One row per run of a clock; `current` points each key at its latest row.
  const rows: SummaryDeadline[] = [];
  const replaced = new Set<SummaryDeadline>();
  const deadlines = new Map<string, SummaryDeadline>();
  const start = (c: { key: string; dueAt: string }) => {
    const previous = deadlines.get(c.key);
    if (previous && (previous.outcome === "running" || previous.outcome === "dropped")) replaced.add(previous); // re-planned: the new run replaces it
    const row: SummaryDeadline = { key: c.key, name: w.clock(c.key), dueAt: c.dueAt, outcome: "running" };
    rows.push(row);
    deadlines.set(c.key, row);
  };
  d.clocks.forEach(start);
  const roles = new Map<string, Set<string>>();
  const role = (p: string | undefined, r: string) => p && (roles.get(p) ?? roles.set(p, new Set()).get(p)!).add(r);
  role(declared?.actor.personId, "declarer");
  for (const e of entries) applyEntry(facts, deadlines, role, e, start);
  facts.deadlines = rows.filter((r) => !replaced.has(r));
  facts.people = [...roles.entries()].map(([personId, r]) => ({ personId, roles: [...r] }));
  const since = (at?: string) => (at ? Math.round(minutesBetween(facts.declaredAt, at)) : undefined);
  facts.timeToAcknowledgeMinutes = since(facts.acknowledgedAt);
  facts.timeToFirstResponseMinutes = since(facts.firstResponseAt);
  facts.timeToResolveMinutes = since(facts.resolvedAt);
  facts.durationMinutes = since(facts.closedAt ?? facts.resolvedAt);
  for (const dl of facts.deadlines) {
    if (dl.outcome === "running" && dl.dueAt < now.toISOString())
      Object.assign(dl, { outcome: "missed", lateMinutes: Math.round(minutesBetween(dl.dueAt, facts.closedAt ?? now)) });
  }
  return facts;
}

type Starter = (c: { key: string; dueAt: string }) => void;

function applyEntry(
  f: SummaryFacts,
  dl: Map<string, SummaryDeadline>,
  role: (p: string | undefined, r: string) => void,
  e: TimelineEntry,
  start: Starter,
): void {
  switch (e.type) {
    case "paged":
      e.data.personIds.forEach((p) => role(p, "paged"));
      return;
    case "acknowledged":
      f.acknowledgedAt ??= e.at;
      role(e.data.personId, "acknowledged");
      return;
    case "escalated":
      f.escalations++;
      return;
    case "role_assigned":
      role(e.data.personId, e.data.role);
      return;
    case "update_posted":
      if (e.data.audience === "customer") f.firstResponseAt ??= e.at;
      role(e.actor.personId, "updates");
      return;
    case "severity_changed":
      f.severityChanges.push({ at: e.at, from: e.data.from, to: e.data.to, reason: e.data.reason });
      f.severity = e.data.to;
      e.data.dropped.forEach((k) => dl.get(k)?.outcome === "running" && Object.assign(dl.get(k)!, { outcome: "dropped" }));
      e.data.clocks.forEach(start);
      return;
    case "clocks_started":
      e.data.clocks.forEach(start);
      return;
    case "deadline_met":
      if (dl.has(e.data.clock))
        Object.assign(dl.get(e.data.clock)!, { outcome: "met", metAt: e.data.metAt, marginMinutes: e.data.marginMinutes });
      return;
    case "deadline_missed":
      if (dl.has(e.data.clock)) Object.assign(dl.get(e.data.clock)!, { outcome: "missed" });
      return;
    case "deadline_not_met":
      if (dl.has(e.data.clock)) Object.assign(dl.get(e.data.clock)!, { outcome: "notMet" });
      return;
    case "deadline_waived":
      if (dl.has(e.data.clock))
        Object.assign(dl.get(e.data.clock)!, { outcome: "waived", waivedBy: e.actor.personId ?? e.actor.name, waiveReason: e.data.reason });
      return;
    case "accepted":
      f.acceptedAt = e.at;
      if (e.data.satisfaction !== undefined && !f.returnCall?.satisfaction) f.satisfaction = e.data.satisfaction;
      return;
    case "refused":
      f.acceptedAt = undefined;
      return;
    case "return_call":
      f.returnCall = { at: e.at, reached: e.data.reached, satisfaction: e.data.satisfaction, comment: e.data.comment };
      if (e.data.reached && e.data.satisfaction !== undefined) f.satisfaction = e.data.satisfaction;
      return;
    case "clock_stopped":
      if (dl.has(e.data.clock))
        Object.assign(dl.get(e.data.clock)!, { outcome: "missed", metAt: e.at, lateMinutes: e.data.overdueMinutes });
      return;
    case "resolved":
      f.resolvedAt = e.at;
      return;
    case "reopened":
      f.resolvedAt = undefined;
      f.closedAt = undefined;
      f.acceptedAt = undefined;
      return;
    case "closed":
      f.closedAt = e.at;
      if (e.data.satisfaction !== undefined) f.satisfaction = e.data.satisfaction;
      return;
    case "followup_added":
      f.followUps.push({ id: e.data.id, text: e.data.text, ownerId: e.data.ownerId, due: e.data.due, status: "open" });
      return;
    case "followup_done": {
      const fu = f.followUps.find((x) => x.id === e.data.id);
      if (fu) fu.status = "done";
      return;
    }
    case "delivery_failed":
      f.deliveryFailures++;
      return;
    default:
      return;
  }
}

export function renderTimelineLines(policy: Policy, entries: TimelineEntry[]): string[] {
  const w = words(policy);
  return entries.map((e) => `${w.time(e.at)}  ${w.who(e.actor)} · ${describeEntry(w, e)}`);
}

/** A deadline's outcome in the summary, in the policy's language ("✅ met, 12 min to spare"). */
export function deadlineOutcome(policy: Policy, d: SummaryDeadline): string {
  const w = words(policy);
  const s = SUMMARY_TEXT[policy.locale];
  switch (d.outcome) {
    case "met":
      return s.met(w.dur(d.marginMinutes ?? 0));
    case "missed":
      return s.missed(w.dur(d.lateMinutes ?? 0));
    case "notMet":
      return s.notMet;
    case "waived":
      return s.waived(w.name(d.waivedBy), d.waiveReason ?? "");
    case "running":
      return s.running;
    case "dropped":
      return s.dropped;
  }
}

export function renderSummaryMarkdown(policy: Policy, f: SummaryFacts): string {
  const w = words(policy);
  const s = SUMMARY_TEXT[policy.locale];
  const opt = (at?: string) => (at ? w.time(at) : s.notYet);
  const mins = (m?: number) => (m === undefined ? s.notYet : w.dur(m));
  const out = [`# ${f.drill ? `[${w.t.drill}] ` : ""}${f.label} ${f.title} — ${s.title}`, ""];
  if (f.drill) out.push(`> ${s.drill}`, "");
  out.push(`- **${s.severity}**: ${w.severity(f.severity)}`, `- **${s.kind}**: ${w.kind(f.kind)}`);
  if (f.customer) out.push(`- **${s.customer}**: ${f.customer}`);
  out.push(
    `- **${s.declared}**: ${w.time(f.declaredAt)}`,
    `- **${s.acknowledged}**: ${opt(f.acknowledgedAt)}`,
    `- **${s.resolved}**: ${opt(f.resolvedAt)}`,
    `- **${s.accepted}**: ${opt(f.acceptedAt)}`,
    `- **${s.closed}**: ${opt(f.closedAt)}`,
  );
  if (f.returnCall) out.push(`- **${s.returnCall}**: ${w.time(f.returnCall.at)}, ${f.returnCall.reached ? s.reached : s.unreached}`);
  out.push(`- **${s.duration}**: ${mins(f.durationMinutes)}`);
  if (f.satisfaction !== undefined) out.push(`- **${s.satisfaction}**: ${f.satisfaction}/5`);
  out.push(
    `- **${s.people}**: ${f.people.map((p) => `${w.name(p.personId)} (${p.roles.map((r) => w.t.role[r] ?? r).join(", ")})`).join("; ") || s.none}`,
    "",
  );
  out.push(
    `## ${s.figures}`,
    "",
    `- ${s.tta}: ${mins(f.timeToAcknowledgeMinutes)}`,
    `- ${s.ttr}: ${mins(f.timeToFirstResponseMinutes)}`,
    `- ${s.ttres}: ${mins(f.timeToResolveMinutes)}`,
    `- ${s.escalations}: ${f.escalations}`,
    "",
  );
  out.push(`## ${s.deadlines}`, "", s.deadlineHead);
  for (const d of f.deadlines) out.push(`| ${d.name} | ${w.time(d.dueAt)} | ${deadlineOutcome(policy, d)} |`);
  out.push("");
  if (f.severityChanges.length) {
    out.push(
      `## ${s.severityChanges}`,
      "",
      ...f.severityChanges.map((c) => `- ${w.time(c.at)}: ${w.severity(c.from)} → ${w.severity(c.to)} (${c.reason})`),
      "",
    );
  }
  out.push(`## ${s.timeline}`, "", ...renderTimelineLines(policy, f.entries).map((l) => `- ${l}`), "");
  out.push(`## ${s.followUps}`, "");
  const ordered = [...f.followUps].sort((a, b) => (a.status === b.status ? 0 : a.status === "open" ? -1 : 1));
  out.push(
    ...(ordered.length
      ? ordered.map(
          (x) => `- [${x.status === "done" ? "x" : " "}] ${x.id} ${x.text} (${s.owner} ${w.name(x.ownerId)}, ${s.due} ${x.due ?? "-"})`,
        )
      : [`- ${s.none}`]),
  );
  if (f.deliveryFailures) out.push("", s.deliveryFailures(f.deliveryFailures));
  return out.join("\n");
}
