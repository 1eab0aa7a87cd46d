import { afterEach, describe, expect, it } from "vitest";
import { acceptAlerts } from "../../../src/app/ingest-alerts.js";
import type { Alert } from "../../../src/core/alerts/normalize.js";
import { policySchema, type Policy } from "../../../src/core/policy/schema.js";
import { defaultPolicy } from "../../helpers/default-policy.js";
import { discordHarness, discordPolicy, type DiscordHarness } from "./discord-harness.js";

let h: DiscordHarness;
afterEach(async () => h?.close());

function alertPolicy(): Policy {
  return discordPolicy(
    policySchema.parse({
      ...defaultPolicy(),
      alerts: {
        sources: { am: { name: "Alertmanager", format: "alertmanager", auth: "bearer", secretEnv: "AM_SECRET" } },
        rules: [
          { match: { severity: "critical" }, severity: "urgent", kind: "system", title: "{alertname} on {instance}", proposeResolve: true },
        ],
        stormWindow: "10m",
      },
    }),
  );
}

const alert = (status: Alert["status"], labels: Record<string, string>, links: string[] = []): Alert => ({
  status,
  fingerprint: "fp-1",
  labels,
  annotations: {},
  links,
});

async function declareFromAlert(labels: Record<string, string>, links: string[]) {
  h = await discordHarness({ policy: alertPolicy() });
  h.deps.chats.delete("test"); // an incident declared by an alert opens its room on the (only) chat platform
  await acceptAlerts(h.deps, "am", "r1", [alert("firing", labels, links)]);
  await h.advance(0);
  await h.until(async () => !!(await h.store.getByNumber(1))?.room);
  const incident = (await h.store.getByNumber(1))!;
  await h.until(() => h.fake.channels.has(incident.room!.channelId));
  const room = h.fake.channels.get(incident.room!.channelId)!;
  await h.until(() => room.messages.some((m) => m.embeds.length > 0));
  return { incident, room };
}

type Field = { name: string; value: string };

describe("an incident declared from an alert, on Discord", () => {
  it("shows the alert's labels and its links, as links, on the card, within Discord's embed limits", async () => {
    const labels = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`label_${i}`, "v".repeat(500)]));
    const links = Array.from({ length: 10 }, (_, i) => `https://grafana${i}.example/d/${"a".repeat(250)}`);
    const { room } = await declareFromAlert({ ...labels, alertname: "HighErrorRate", severity: "critical", instance: "checkout-1:8080" }, [
      "https://runbooks.example/checkout",
      ...links,
    ]);
    const card = room.messages.find((m) => m.embeds.length)!;
    const fields = (card.embeds[0] as { fields: Field[] }).fields;
    const alertField = fields.find((f) => f.name === "🔔 Alert")!;
    expect(alertField.value).toMatch(
      /^`alertname=HighErrorRate` `severity=critical` `instance=checkout-1:8080` `label_0=v+…` `label_1=v+…` \(\+28\)$/,
    );
    const linksField = fields.find((f) => f.name === "🔗 Links")!;
    expect(
      linksField.value.startsWith("[runbooks.example](https://runbooks.example/checkout) · [grafana0.example](https://grafana0.example/d/"),
    ).toBe(true);
    expect(linksField.value.length).toBeLessThanOrEqual(1024);
  });
});

describe("a resolved alert on Discord", () => {
  it("proposes resolving in the room with the card's Resolve button, which resolves the incident when clicked", async () => {
    const { incident, room } = await declareFromAlert(
      { alertname: "HighErrorRate", severity: "critical", instance: "checkout-1:8080" },
      [],
    );
    await acceptAlerts(h.deps, "am", "r2", [
      alert("resolved", { alertname: "HighErrorRate", severity: "critical", instance: "checkout-1:8080" }),
    ]);
    await h.advance(0);
    await h.until(() => room.messages.some((m) => m.content.includes("has resolved")));
    const proposal = room.messages.find((m) => m.content.includes("has resolved"))!;
    expect(proposal.content).toBe("✅ Alertmanager says every alert of INC-1 has resolved. If the fix is in, resolve it.");
    expect(proposal.components).toEqual([
      { type: 1, components: [{ type: 2, style: 1, label: "Resolve", custom_id: `beacon:resolve:${incident.id}` }] },
    ]);
    expect((await h.store.get(incident.id))!.status).toBe("declared"); // never resolved on an alert alone
    await h.answered(h.user("lee").click(room.id, proposal.id, `beacon:resolve:${incident.id}`));
    expect((await h.store.get(incident.id))!.status).toBe("resolved");
  });
});
