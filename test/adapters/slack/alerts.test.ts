import { afterEach, describe, expect, it } from "vitest";
import { acceptAlerts } from "../../../src/app/ingest-alerts.js";
import type { Alert } from "../../../src/core/alerts/normalize.js";
import { policySchema } from "../../../src/core/policy/schema.js";
import { defaultPolicy } from "../../helpers/default-policy.js";
import { slackHarness, slackPolicy, user, type SlackHarness } from "./slack-harness.js";

let h: SlackHarness;
afterEach(async () => h?.close());

const LABELS = { alertname: "HighErrorRate", severity: "critical", instance: "checkout-1:8080" };
const alert = (status: Alert["status"], links: string[] = []): Alert => ({
  status,
  fingerprint: "fp-1",
  labels: LABELS,
  annotations: {},
  links,
});

async function declareFromAlert(links: string[]) {
  h = await slackHarness({
    policy: slackPolicy(
      policySchema.parse({
        ...defaultPolicy(),
        alerts: {
          sources: { am: { name: "Alertmanager", format: "alertmanager", auth: "bearer", secretEnv: "AM_SECRET" } },
          rules: [
            {
              match: { severity: "critical" },
              severity: "urgent",
              kind: "system",
              title: "{alertname} on {instance}",
              proposeResolve: true,
            },
          ],
          stormWindow: "10m",
        },
      }),
    ),
  });
  h.deps.chats.delete("test"); // an incident declared by an alert opens its room on the (only) chat platform
  await acceptAlerts(h.deps, "am", "r1", [alert("firing", links)]);
  await h.advance(0);
  await h.settle();
  const incident = (await h.store.getByNumber(1))!;
  return { incident, room: h.fake.channels.get(incident.room!.channelId)! };
}

type Block = { type: string; text?: { text: string }; elements?: Array<{ action_id: string; value: string; text: { text: string } }> };

describe("an incident declared from an alert, on Slack", () => {
  it("shows the alert's labels and its links, as links, on the card", async () => {
    const { room } = await declareFromAlert(["https://runbooks.example/checkout", "https://grafana.example/d/abc?orgId=1&from=now-1h"]);
    const card = room.messages.find((m) => JSON.stringify(m.blocks ?? []).includes("beacon_card"))!;
    const texts = (card.blocks as Block[]).flatMap((b) => (b.text ? [b.text.text] : []));
    expect(texts).toContain(
      "🔔 *Alert*: `alertname=HighErrorRate`  `severity=critical`  `instance=checkout-1:8080`\n" +
        "🔗 *Links*: <https://runbooks.example/checkout|runbooks.example> · <https://grafana.example/d/abc?orgId=1&amp;from=now-1h|grafana.example>",
    );
  });

  it("proposes resolving in the room with the card's Resolve button when the alert resolves, which resolves the incident when clicked", async () => {
    const { incident, room } = await declareFromAlert([]);
    await acceptAlerts(h.deps, "am", "r2", [alert("resolved")]);
    await h.advance(0);
    await h.settle();
    const proposal = room.messages.find((m) => (m.text ?? "").includes("has resolved"))!;
    const blocks = proposal.blocks as Block[];
    expect(blocks[0]!.text!.text).toBe("✅ Alertmanager says every alert of INC-1 has resolved. If the fix is in, resolve it.");
    const button = blocks[1]!.elements![0]!;
    expect(button).toMatchObject({ action_id: "beacon_resolve", value: incident.id, text: { text: "Resolve" } });
    expect((await h.store.get(incident.id))!.status).toBe("declared"); // never resolved on an alert alone

    const click = await h.slack.click(
      user("lee"),
      { channel: room.id, ts: proposal.ts },
      { action_id: button.action_id, value: button.value },
    );
    expect(click.status).toBe(200);
    await h.settle();
    expect((await h.store.get(incident.id))!.status).toBe("resolved");
  });
});
