import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AlertPayloadError, normalizeAlerts } from "../../../src/core/alerts/normalize.js";
import { classifyAlert } from "../../../src/core/alerts/rules.js";
import { policySchema } from "../../../src/core/policy/schema.js";
import { defaultPolicy } from "../../helpers/default-policy.js";

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/alerts/${name}.json`, import.meta.url), "utf8"));

describe("reading alert payloads", () => {
  it("reads Alertmanager's webhook body (the documented version 4 keys): fingerprint, group key, labels and links", () => {
    const [a] = normalizeAlerts("alertmanager", fixture("alertmanager"));
    expect(a).toEqual({
      status: "firing",
      fingerprint: "5f8f0c2b1d3e4a6b",
      groupKey: '{}/{severity="critical"}:{alertname="HighErrorRate"}',
      labels: { alertname: "HighErrorRate", instance: "checkout-1:8080", job: "checkout", severity: "critical" },
      annotations: { summary: "High error rate on checkout", runbook_url: "https://runbooks.example/checkout" },
      links: [
        "http://prometheus.example:9090/graph?g0.expr=rate%28http_errors_total%5B5m%5D%29+%3E+0.05",
        "https://runbooks.example/checkout",
      ],
    });
  });

  it("reads Grafana's webhook body, one alert per entry, with its links", () => {
    const alerts = normalizeAlerts("grafana", fixture("grafana"));
    expect(alerts.map((a) => [a.fingerprint, a.status, a.labels.alertname])).toEqual([
      ["c6eadffa33fcdf37", "firing", "High memory usage"],
      ["bc97ff14869b13e3", "firing", "High CPU usage"],
    ]);
    // Grafana's documented example (test/fixtures/alerts/SOURCES.md): its empty dashboard and panel URLs are not links.
    expect(alerts[0]!.links).toEqual([
      "https://play.grafana.org/alerting/1afz29v7z/edit",
      "https://myrunbook.com/runbook/1234",
      "https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1",
    ]);
  });

  it("links a Grafana alert's panel screenshot when Grafana attaches one", () => {
    const body = fixture("grafana") as { alerts: Array<Record<string, unknown>> };
    body.alerts[0]!.imageURL = "https://grafana.example/public/img/attachments/abc.png";
    expect(normalizeAlerts("grafana", body)[0]!.links).toContain("https://grafana.example/public/img/attachments/abc.png");
  });

  it("reads the generic shape, one alert or a list, fingerprinting by sorted labels without an id", () => {
    const [one] = normalizeAlerts("generic", { title: "Disk full", labels: { host: "db1", severity: "urgent" } });
    expect(one).toMatchObject({ status: "firing", fingerprint: "alertname=Disk full,host=db1,severity=urgent" });
    const list = normalizeAlerts("generic", { alerts: [{ id: "a1", status: "resolved", labels: {} }] });
    expect(list).toEqual([{ status: "resolved", fingerprint: "a1", labels: {}, annotations: {}, links: [] }]);
  });

  it("refuses a body that is not the source's format", () => {
    expect(() => normalizeAlerts("alertmanager", { hello: "world" })).toThrow(AlertPayloadError);
    expect(() => normalizeAlerts("generic", { status: "exploded" })).toThrow(AlertPayloadError);
  });
});

describe("alert rules", () => {
  const base = defaultPolicy();
  const policy = policySchema.parse({
    ...base,
    alerts: {
      sources: { am: { name: "Alertmanager", format: "alertmanager", secretEnv: "AM_SECRET" } },
      rules: [
        { match: { alertname: "Watchdog" }, drop: true },
        { match: { severity: "critical" }, severity: "urgent", kind: "system", title: "{alertname} on {instance}", proposeResolve: true },
      ],
    },
  });
  const [alert] = normalizeAlerts("alertmanager", fixture("alertmanager"));

  it("maps labels to severity, kind and title by the first matching rule", () => {
    expect(classifyAlert(policy, "am", alert!)).toEqual({
      drop: false,
      severity: "urgent",
      kind: "system",
      title: "HighErrorRate on checkout-1:8080",
      proposeResolve: true,
    });
  });

  it("drops what a rule drops, and falls back to the least severe level and the summary without a rule", () => {
    expect(classifyAlert(policy, "am", { ...alert!, labels: { alertname: "Watchdog" } })).toEqual({ drop: true });
    expect(classifyAlert(policy, "am", { ...alert!, labels: { alertname: "Other" } })).toMatchObject({
      severity: "general",
      kind: "complaint",
      title: "High error rate on checkout",
    });
  });

  it("refuses a rule naming a severity the policy does not define", () => {
    const r = policySchema.safeParse({ ...base, alerts: { rules: [{ severity: "sev0" }] } });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['unknown severity "sev0"']);
  });
});
