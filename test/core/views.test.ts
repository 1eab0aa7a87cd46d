import { describe, expect, it } from "vitest";
import { buildCard, CARD_ALERT } from "../../src/core/views.js";
import { defaultPolicy } from "../helpers/default-policy.js";
import { sampleIncident } from "../infra/db/sample-incident.js";

const NOW = new Date("2026-11-27T09:40:00.000Z");
const alerted = (labels: Record<string, string>, links: string[] = []) =>
  sampleIncident({ alert: { source: "alertmanager", fingerprints: ["f1"], firing: ["f1"], labels, links } });

describe("the incident card of an incident declared from an alert", () => {
  it("shows a few of the alert's labels, the telling ones first, and says how many it left out", () => {
    const card = buildCard(
      defaultPolicy(),
      alerted({
        zone: "b",
        team: "payments",
        instance: "checkout-1:8080",
        alertname: "HighErrorRate",
        severity: "critical",
        cluster: "sh-1",
      }),
      NOW,
    );
    expect(card.alert?.labels).toEqual([
      { name: "alertname", value: "HighErrorRate" },
      { name: "severity", value: "critical" },
      { name: "instance", value: "checkout-1:8080" },
      { name: "cluster", value: "sh-1" },
      { name: "team", value: "payments" },
    ]);
    expect(card.alert?.more).toBe(1);
    expect(card.text).toContain(
      "Alert: alertname=HighErrorRate, severity=critical, instance=checkout-1:8080, cluster=sh-1, team=payments (+1)",
    );
  });

  it("cuts a long label value and shows at most three links, only plain http(s) addresses, named by their host", () => {
    const card = buildCard(
      defaultPolicy(),
      alerted({ alertname: "x".repeat(200) }, [
        "javascript:alert(1)",
        "https://runbooks.example/checkout",
        "https://grafana.example/d/abc?orgId=1&from=now-1h",
        "https://evil.example/a|b>c",
        `https://long.example/${"p".repeat(400)}`,
        "http://prometheus.example:9090/graph",
        "https://fourth.example/",
      ]),
      NOW,
    );
    expect(card.alert?.labels[0]!.value).toHaveLength(CARD_ALERT.value);
    expect(card.alert?.labels[0]!.value.endsWith("…")).toBe(true);
    expect(card.alert?.links).toEqual([
      { url: "https://runbooks.example/checkout", label: "runbooks.example" },
      { url: "https://grafana.example/d/abc?orgId=1&from=now-1h", label: "grafana.example" },
      { url: "http://prometheus.example:9090/graph", label: "prometheus.example:9090" },
    ]);
    expect(card.text).toContain(
      "Links: https://runbooks.example/checkout https://grafana.example/d/abc?orgId=1&from=now-1h http://prometheus.example:9090/graph",
    );
  });

  it("names them in the policy's language", () => {
    const card = buildCard(defaultPolicy("zh"), alerted({ alertname: "HighErrorRate" }, ["https://runbooks.example/x"]), NOW);
    expect(card.text).toContain("告警: alertname=HighErrorRate");
    expect(card.text).toContain("链接: https://runbooks.example/x");
  });

  it("has no alert part for an incident a person declared", () => {
    const card = buildCard(defaultPolicy(), sampleIncident(), NOW);
    expect(card.alert).toBeUndefined();
    expect(card.text).not.toContain("Alert");
  });
});
