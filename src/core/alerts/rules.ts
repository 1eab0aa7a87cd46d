import type { Policy } from "../policy/schema.js";
import { severitiesBySeriousness } from "../planning/paging-plan.js";
import type { Alert } from "./normalize.js";
import type { AlertRule } from "./schema.js";

/** What the rules make of an alert: drop it, or declare (or fold) it as this. */
export type Classified = { drop: true } | { drop: false; severity: string; kind: string; title: string; proposeResolve: boolean };

const matches = (rule: AlertRule, source: string, alert: Alert) =>
  (!rule.sources || rule.sources.includes(source)) &&
  Object.entries(rule.match).every(([k, v]) => (v === "*" ? k in alert.labels : alert.labels[k] === v));

const fill = (template: string, labels: Record<string, string>) => template.replace(/\{([\w.-]+)\}/g, (_, k: string) => labels[k] ?? "?");

/** The first matching rule decides; without one, the label `severity` if it names one, else the least severe. */
export function classifyAlert(policy: Policy, source: string, alert: Alert): Classified {
  const rule = policy.alerts.rules.find((r) => matches(r, source, alert));
  if (rule?.drop) return { drop: true };
  const bySeriousness = severitiesBySeriousness(policy);
  const labelled = alert.labels.severity?.toLowerCase();
  const severity = rule?.severity ?? (labelled && labelled in policy.severities ? labelled : bySeriousness.at(-1)!);
  const title = rule?.title
    ? fill(rule.title, alert.labels)
    : (alert.annotations.summary ?? alert.labels.alertname ?? fingerprintTitle(alert));
  return {
    drop: false,
    severity,
    kind: rule?.kind ?? policy.defaultKind,
    title: title.slice(0, 200),
    proposeResolve: rule?.proposeResolve ?? false,
  };
}

const fingerprintTitle = (alert: Alert) => `Alert ${alert.fingerprint}`.slice(0, 80);
