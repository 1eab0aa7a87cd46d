import { z } from "zod";
import { durationText, id } from "../policy/primitives.js";

// Alerts in: the sources that may post to `POST /hooks/<source>` and the
// rules that turn an alert's labels into an incident (or drop it).

export const alertSourceSchema = z.strictObject({
  /** Shown as the declarer ("Alertmanager"). */
  name: z.string().min(1),
  format: z.enum(["alertmanager", "grafana", "generic"]),
  /** `bearer`: `Authorization: Bearer <secret>`; `hmac`: `X-Beacon-Timestamp` and `X-Beacon-Signature: sha256=<hex>` of `<timestamp>.<body>`. */
  auth: z.enum(["bearer", "hmac"]).default("bearer"),
  /** The environment variable holding the secret (never the secret itself). */
  secretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "an environment variable name like BEACON_ALERTMANAGER_SECRET"),
});

export const alertRuleSchema = z.strictObject({
  /** Every label named must have this value (`"*"`: present with any value); an empty match catches every alert. */
  match: z.record(z.string(), z.string()).default({}),
  /** Only alerts from these sources (default: any). */
  sources: z.array(id).optional(),
  /** Drop the alert: nothing is declared or recorded. */
  drop: z.boolean().default(false),
  severity: id.optional(),
  kind: id.optional(),
  /** The incident's title; `{label}` is replaced by the label's value (`{alertname} on {instance}`). */
  title: z.string().min(1).optional(),
  /** When the alert resolves, propose resolving the incident in its room instead of only recording it. */
  proposeResolve: z.boolean().default(false),
});

export const alertsSchema = z.strictObject({
  sources: z.record(id, alertSourceSchema).default({}),
  /** The first rule that matches decides; an alert no rule matches is declared with the label `severity` if it names one, else the least severe. */
  rules: z.array(alertRuleSchema).default([]),
  /** New alerts from a source within this long of an incident it declared fold into that incident (a storm is one incident). */
  stormWindow: durationText.default("10m"),
});

export type AlertRule = z.infer<typeof alertRuleSchema>;
