import { z } from "zod";

// The three payloads a source may post, read into one shape. Unknown fields
// are ignored (senders add fields over versions); what Beacon relies on is
// checked.

/** One alert as Beacon keeps it (in the timer ledger until processed). */
export const alertSchema = z.strictObject({
  status: z.enum(["firing", "resolved"]),
  /** Identifies the alert across notifications (the sender's fingerprint, else its sorted labels). */
  fingerprint: z.string(),
  /** The sender's group (Alertmanager's group key), if any. */
  groupKey: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  links: z.array(z.string()),
});
export type Alert = z.infer<typeof alertSchema>;

const labels = z.record(z.string(), z.coerce.string()).default({});
const status = z.enum(["firing", "resolved"]);

const amAlert = z.looseObject({
  status,
  labels,
  annotations: labels,
  generatorURL: z.string().optional(),
  fingerprint: z.string().optional(),
});
/**
 * Prometheus Alertmanager's webhook body (version 4,
 * https://prometheus.io/docs/alerting/latest/configuration/#webhook_config);
 * Grafana's contact point posts the same with more per alert (`silenceURL`,
 * `imageURL`, and `dashboardURL`/`panelURL`, empty strings when unset).
 */
const amBody = z.looseObject({
  groupKey: z.string().optional(),
  externalURL: z.string().optional(),
  alerts: z.array(
    amAlert.extend({
      silenceURL: z.string().optional(),
      dashboardURL: z.string().optional(),
      panelURL: z.string().optional(),
      imageURL: z.string().optional(),
    }),
  ),
});

const genericAlert = z.strictObject({
  id: z.string().min(1).optional(),
  status: status.default("firing"),
  title: z.string().min(1).optional(),
  labels,
  annotations: labels,
  links: z.array(z.url()).default([]),
});
/** The generic shape: one alert, or `{ alerts: [...] }`. */
const genericBody = z.union([z.strictObject({ alerts: z.array(genericAlert).min(1) }), genericAlert]);

export type AlertFormat = "alertmanager" | "grafana" | "generic";

export class AlertPayloadError extends Error {
  readonly code = "ALERT.PAYLOAD";
}

const fingerprintOf = (l: Record<string, string>) =>
  Object.keys(l)
    .sort()
    .map((k) => `${k}=${l[k]}`)
    .join(",");

const urls = (...xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => !!x && /^https?:\/\//.test(x)))];

/** Read a posted body (already JSON-parsed) in the source's format. */
export function normalizeAlerts(format: AlertFormat, body: unknown): Alert[] {
  if (format === "generic") {
    const parsed = genericBody.safeParse(body);
    if (!parsed.success) throw new AlertPayloadError(z.prettifyError(parsed.error));
    const list = "alerts" in parsed.data ? parsed.data.alerts : [parsed.data];
    return list.map((a) => {
      const l = a.title && !a.labels.alertname ? { ...a.labels, alertname: a.title } : a.labels;
      return { status: a.status, fingerprint: a.id ?? fingerprintOf(l), labels: l, annotations: a.annotations, links: a.links };
    });
  }
  const parsed = amBody.safeParse(body);
  if (!parsed.success) throw new AlertPayloadError(z.prettifyError(parsed.error));
  const { groupKey } = parsed.data;
  return parsed.data.alerts.map((a) => ({
    status: a.status,
    fingerprint: a.fingerprint || fingerprintOf(a.labels),
    ...(groupKey ? { groupKey } : {}),
    labels: a.labels,
    annotations: a.annotations,
    links: urls(a.generatorURL, a.dashboardURL, a.panelURL, a.annotations.runbook_url, a.imageURL, a.silenceURL),
  }));
}
