import { describeEntry } from "./summary-text.js";
import { words } from "./incident/context.js";
import type { Incident } from "./model.js";
import type { Policy } from "./policy/schema.js";
import type { SummaryFacts } from "./summary.js";

// The after-action summary as data, for exports and dashboards. Versioned:
// docs/summary.schema.json describes version 1; a change that removes or
// renames a field bumps the version.

export const SUMMARY_SCHEMA_VERSION = 1;

export function summaryJson(policy: Policy, incident: Incident, f: SummaryFacts) {
  const w = words(policy);
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    locale: policy.locale,
    incident: {
      number: incident.number,
      label: f.label,
      title: incident.title,
      severity: incident.severity,
      kind: incident.kind,
      status: incident.status,
      drill: incident.drill,
      ...(incident.customer ? { customer: incident.customer } : {}),
      ...(incident.region ? { region: incident.region } : {}),
    },
    declaredAt: f.declaredAt,
    acknowledgedAt: f.acknowledgedAt ?? null,
    firstResponseAt: f.firstResponseAt ?? null,
    resolvedAt: f.resolvedAt ?? null,
    closedAt: f.closedAt ?? null,
    minutes: {
      toAcknowledge: f.timeToAcknowledgeMinutes ?? null,
      toFirstResponse: f.timeToFirstResponseMinutes ?? null,
      toResolve: f.timeToResolveMinutes ?? null,
      total: f.durationMinutes ?? null,
    },
    deadlines: f.deadlines.map((d) => ({
      key: d.key,
      name: d.name,
      dueAt: d.dueAt,
      outcome: d.outcome,
      metAt: d.metAt ?? null,
      lateMinutes: d.lateMinutes ?? null,
      marginMinutes: d.marginMinutes ?? null,
    })),
    severityChanges: f.severityChanges,
    people: f.people.map((p) => ({ personId: p.personId, name: w.name(p.personId), roles: p.roles })),
    followUps: f.followUps.map((x) => ({ id: x.id, text: x.text, ownerId: x.ownerId ?? null, due: x.due ?? null, status: x.status })),
    satisfaction: f.satisfaction ?? null,
    escalations: f.escalations,
    deliveryFailures: f.deliveryFailures,
    timeline: f.entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      type: e.type,
      actor: { personId: e.actor.personId ?? null, name: w.who(e.actor), platform: e.actor.platform },
      text: describeEntry(w, e),
      data: e.data,
    })),
  };
}

export type SummaryJson = ReturnType<typeof summaryJson>;
