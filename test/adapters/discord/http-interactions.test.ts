import { afterEach, describe, expect, it } from "vitest";
import { discordHarness, type DiscordHarness } from "./discord-harness.js";

let h: DiscordHarness;
afterEach(async () => h?.close());

describe("Discord interactions over HTTP (DISCORD_INTERACTIONS=http)", () => {
  it("answers Discord's PING with PONG, and refuses a request without a valid Ed25519 signature", async () => {
    h = await discordHarness({ http: true });
    const ping = { id: "1", application_id: h.fake.applicationId, type: 1, token: "ping-token", version: 1 };
    const pong = await h.fake.deliverHttp(ping);
    expect(pong.status).toBe(200);
    expect(await pong.json()).toEqual({ type: 1 });
    const forged = await h.fake.deliverHttp(ping, { signature: "ab".repeat(64) });
    expect(forged.status).toBe(401);
    const replayed = await h.fake.deliverHttp({ ...ping, type: 2 }, { signature: "00".repeat(64), timestamp: "1" });
    expect(replayed.status).toBe(401);
    expect(h.fake.gateway.identifies).toHaveLength(0);
  });

  it("declares from a command: a deferred answer in the HTTP response, then the edit over the webhook route", async () => {
    h = await discordHarness({ http: true });
    const token = h.user("dana").command("declare", { severity: "urgent", title: "Checkout down", kind: "complaint" });
    const answer = await h.answered(token);
    expect(answer.callbacks).toEqual([{ type: 5, data: { flags: 64 } }]);
    expect(String(answer.original!.content)).toMatch(/INC-1 declared/);
    const incident = (await h.store.list({ limit: 1 }))[0]!;
    await h.until(async () => !!(await h.store.get(incident.id))?.card);
    const room = h.fake.channels.get(incident.room!.channelId)!;
    expect(h.fake.calls.some((c) => c.path.includes("/callback"))).toBe(false);

    const card = room.messages[0]!;
    const ack = await h.answered(h.user("lee").click(room.id, card.id, `beacon:acknowledge:${incident.id}`));
    expect(String(ack.original!.content)).toMatch(/acknowledged/i);
  });

  it("shows the form and autocomplete choices as the HTTP response", async () => {
    h = await discordHarness({ http: true });
    const form = await h.answered(h.user("dana").command("declare", { severity: "important", kind: "system" }));
    expect(form.callbacks[0]).toMatchObject({ type: 9, data: { title: "Declare an incident" } });
    const custom = (form.callbacks[0] as { data: { custom_id: string } }).data.custom_id;
    const declared = await h.answered(h.user("dana").submit(custom, { title: "Refund portal down" }));
    expect(String(declared.original!.content)).toMatch(/INC-1 declared/);
    const token = h.user("lee").autocomplete("ack", "incident", "refund");
    await h.until(() => !!h.fake.interactions.get(token)?.callbacks.length);
    expect(h.fake.interactions.get(token)!.callbacks[0]).toEqual({
      type: 8,
      data: { choices: [{ name: "#1 Refund portal down", value: 1 }] },
    });
  });

  it("refuses to start without the application's public key", async () => {
    const error = await discordHarness({ env: { DISCORD_INTERACTIONS: "http" } }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/DISCORD_INTERACTIONS=http needs DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID/);
  });
});
