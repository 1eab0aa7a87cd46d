import { describe, expect, it } from "vitest";
import { ConsoleChat } from "../../../adapters/console/console-chat.js";
import { buildCard } from "../../../src/core/views.js";
import { defaultPolicy } from "../../helpers/default-policy.js";
import { sampleIncident } from "../../infra/db/sample-incident.js";

const room = { platform: "console", channelId: "inc-1-checkout-down" };

describe("the console chat", () => {
  it("shows a post's button as the command a terminal user types", async () => {
    const out: string[] = [];
    const chat = new ConsoleChat(defaultPolicy(), (l) => out.push(l));
    await chat.post(room, "✅ Alertmanager says every alert of INC-1 has resolved. If the fix is in, resolve it.", [], {
      action: "resolve",
      label: "Resolve",
      incidentId: "inc-x",
      incidentNumber: 1,
    });
    expect(out).toEqual([
      "#inc-1-checkout-down │ ✅ Alertmanager says every alert of INC-1 has resolved. If the fix is in, resolve it.  [ Resolve: /incident resolve #1 ]",
    ]);
  });

  it("shows an alert's labels and links on the card", async () => {
    const out: string[] = [];
    const chat = new ConsoleChat(defaultPolicy(), (l) => out.push(l));
    const incident = sampleIncident({
      alert: {
        source: "am",
        fingerprints: ["f"],
        firing: ["f"],
        labels: { alertname: "HighErrorRate" },
        links: ["https://runbooks.example/x"],
      },
    });
    await chat.upsertCard(room, buildCard(defaultPolicy(), incident, new Date("2026-11-27T09:40:00Z")));
    expect(out.some((l) => l.includes("│ Alert: alertname=HighErrorRate"))).toBe(true);
    expect(out.some((l) => l.includes("│ Links: https://runbooks.example/x"))).toBe(true);
  });
});
