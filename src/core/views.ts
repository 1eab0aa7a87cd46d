import type { ClockState, Incident, Status } from "./model.js";
import { incidentLabel } from "./model.js";
import type { Policy } from "./policy/schema.js";
import { minutesBetween, words } from "./incident/context.js";
import { canDo } from "./incident/lifecycle.js";

// Platform-neutral view models: what the live incident card and a page show.
// Adapters render them (Block Kit, embeds, terminal boxes) without deciding
// anything themselves.

export type CardAction = "acknowledge" | "escalate" | "note" | "resolve";

export interface CardDeadline {
  key: string;
  name: string;
  dueAt: string;
  dueText: string;
  state: "running" | "met" | "missed" | "stopped" | "overdue";
}

/** An incident declared from alerts: a few of the first alert's labels, and its links. */
export interface CardAlert {
  heading: string;
  labels: Array<{ name: string; value: string }>;
  /** Labels left out. */
  more: number;
  linksHeading: string;
  links: Array<{ url: string; label: string }>;
}

export interface IncidentCard {
  incidentId: string;
  label: string;
  title: string;
  drill: boolean;
  severityKey: string;
  severity: string;
  severityLevel: number;
  status: string;
  statusKey: Status;
  kind: string;
  lead?: string;
  declaredBy: string;
  deadlines: CardDeadline[];
  paging: string;
  actions: Array<{ action: CardAction; label: string }>;
  warnings: string[];
  fields: Array<{ label: string; value: string }>;
  alert?: CardAlert;
  /** Plain text for platforms without rich layout, notifications and `/incident status`. */
  text: string;
}

export interface PageView {
  incidentId: string;
  pageId: string;
  label: string;
  title: string;
  drill: boolean;
  text: string;
  acknowledged?: { by: string; at: string };
  closed: boolean;
  ackLabel: string;
}

/** The latest run of each clock key (a severity change may restart a clock). */
export function latestClocks(clocks: ClockState[]): ClockState[] {
  const byKey = new Map<string, ClockState>();
  for (const c of clocks) if (!byKey.has(c.key) || byKey.get(c.key)!.run < c.run) byKey.set(c.key, c);
  return [...byKey.values()].filter((c) => !c.cancelledAt);
}

export function buildCard(policy: Policy, incident: Incident, now: Date): IncidentCard {
  const w = words(policy);
  const t = w.t;
  const label = incidentLabel(incident);
  const deadlines = latestClocks(incident.clocks).map((c) => deadlineView(policy, c, now));
  const step = incident.paging.current + 1;
  const acker = incident.pages.find((p) => p.ackedBy)?.ackedBy;
  const paging = incident.acknowledgedAt
    ? t.card.acknowledgedBy(w.name(acker ?? incident.roles.lead))
    : t.card.step(step, incident.paging.steps.length);
  const actions: IncidentCard["actions"] = [];
  if (canDo(incident, "acknowledge") && !incident.paging.ackedAt) actions.push({ action: "acknowledge", label: t.button.acknowledge });
  if (canDo(incident, "escalate") && step < incident.paging.steps.length) actions.push({ action: "escalate", label: t.button.escalate });
  if (canDo(incident, "note")) actions.push({ action: "note", label: t.button.note });
  if (canDo(incident, "resolve")) actions.push({ action: "resolve", label: t.button.resolve });
  const failed = incident.pages.filter((p) => p.failed).length;
  const fields = [
    { label: t.card.severity, value: w.severity(incident.severity) },
    { label: t.card.status, value: t.status[incident.status]! },
    { label: t.card.kind, value: w.kind(incident.kind) },
    { label: t.card.lead, value: incident.roles.lead ? w.name(incident.roles.lead) : t.none },
    { label: t.card.declaredBy, value: w.who(incident.declaredBy) },
    { label: t.card.paging, value: paging },
  ];
  const drillLabel = incident.drill ? `[${t.drill}] ` : "";
  const alert = incident.alert ? cardAlert(policy, incident.alert) : undefined;
  const text = [
    `${drillLabel}${label} ${incident.title}`,
    ...fields.map((f) => `${f.label}: ${f.value}`),
    ...(alert ? alertLines(alert) : []),
    ...(deadlines.length ? [`${t.card.deadlines}:`, ...deadlines.map((d) => `  • ${d.name}: ${d.dueText}`)] : []),
  ].join("\n");
  return {
    incidentId: incident.id,
    label,
    title: incident.title,
    drill: incident.drill,
    severityKey: incident.severity,
    severity: w.severity(incident.severity),
    severityLevel: policy.severities[incident.severity]?.level ?? 99,
    status: t.status[incident.status]!,
    statusKey: incident.status,
    kind: w.kind(incident.kind),
    lead: incident.roles.lead ? w.name(incident.roles.lead) : undefined,
    declaredBy: w.who(incident.declaredBy),
    deadlines,
    paging,
    actions,
    warnings: failed ? [t.card.deliveryFailed(failed)] : [],
    fields,
    ...(alert ? { alert } : {}),
    text,
  };
}

/** The card keeps an alert short: this many labels (the telling ones first), this many links. */
export const CARD_ALERT = { labels: 5, links: 3, name: 40, value: 60, url: 300 } as const;
const TELLING_LABELS = ["alertname", "severity", "instance", "job", "service", "namespace"];
const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
/** A link the card shows: an http(s) address with nothing a chat's link markup could trip on. */
const SHOWABLE_URL = /^https?:\/\/[^\s<>|"`[\]()]+$/;

function cardAlert(policy: Policy, alert: NonNullable<Incident["alert"]>): CardAlert {
  const t = words(policy).t;
  const rank = (k: string) => (TELLING_LABELS.includes(k) ? TELLING_LABELS.indexOf(k) : TELLING_LABELS.length);
  const names = Object.keys(alert.labels).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const links = alert.links
    .filter((u) => u.length <= CARD_ALERT.url && SHOWABLE_URL.test(u) && hostOf(u))
    .slice(0, CARD_ALERT.links)
    .map((url) => ({ url, label: hostOf(url)! }));
  return {
    heading: t.card.alert,
    labels: names
      .slice(0, CARD_ALERT.labels)
      .map((n) => ({ name: cut(n, CARD_ALERT.name), value: cut(alert.labels[n]!, CARD_ALERT.value) })),
    more: Math.max(0, names.length - CARD_ALERT.labels),
    linksHeading: t.card.links,
    links,
  };
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/** The alert in plain text: `Alert: alertname=X, severity=critical (+2)` and `Links: https://…`. */
export function alertLines(alert: CardAlert): string[] {
  const labels = alert.labels.map((l) => `${l.name}=${l.value}`).join(", ") + (alert.more ? ` (+${alert.more})` : "");
  return [
    ...(alert.labels.length ? [`${alert.heading}: ${labels}`] : []),
    ...(alert.links.length ? [`${alert.linksHeading}: ${alert.links.map((l) => l.url).join(" ")}`] : []),
  ];
}

function deadlineView(policy: Policy, c: ClockState, now: Date): CardDeadline {
  const w = words(policy);
  const t = w.t;
  const base = { key: c.key, name: w.clock(c.key), dueAt: c.dueAt };
  if (c.stoppedAt) {
    const late = minutesBetween(c.dueAt, c.stoppedAt);
    return late > 0
      ? { ...base, state: "missed", dueText: t.card.missedBy(w.dur(late)) }
      : { ...base, state: "met", dueText: t.card.metAt(w.time(c.stoppedAt)) };
  }
  const left = minutesBetween(now, c.dueAt);
  if (left <= 0 || c.missedAt) return { ...base, state: "overdue", dueText: t.card.overdue(w.time(c.dueAt), w.dur(Math.max(0, -left))) };
  return { ...base, state: "running", dueText: t.card.dueIn(w.time(c.dueAt), w.dur(left)) };
}

export function buildPageView(policy: Policy, incident: Incident, pageId: string): PageView {
  const w = words(policy);
  const page = incident.pages.find((p) => p.id === pageId);
  const label = incidentLabel(incident);
  const step = (page?.step ?? 0) + 1;
  // The page's own plan was acknowledged (by its person, or anyone, for the same plan).
  const samePlan = (p: { generation?: number }) => (p.generation ?? 1) === (page?.generation ?? 1);
  const ackedPage = page?.ackedAt ? page : incident.pages.find((p) => p.ackedAt && samePlan(p));
  const acknowledged = ackedPage?.ackedAt ? { by: w.name(ackedPage.ackedBy), at: w.time(ackedPage.ackedAt) } : undefined;
  const stoodDown = !acknowledged && !!page?.stoodDownAt;
  const drill = incident.drill ? `[${w.t.drill}] ` : "";
  const open = !acknowledged && !stoodDown && (incident.status === "declared" || incident.status === "acknowledged");
  const text = `${drill}${w.t.page.text(label, incident.title, w.severity(incident.severity), step, incident.paging.steps.length, open)}`;
  return {
    incidentId: incident.id,
    pageId,
    label,
    title: incident.title,
    drill: incident.drill,
    text: acknowledged
      ? `${text}\n${w.t.page.acked(acknowledged.by, acknowledged.at)}`
      : stoodDown
        ? `${text}\n${w.t.page.stoodDown}`
        : text,
    acknowledged,
    closed: !open,
    ackLabel: w.t.button.acknowledge,
  };
}
