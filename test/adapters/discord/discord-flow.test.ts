import { afterEach, describe, expect, it } from "vitest";
import { DiscordUser } from "../../fakes/discord/discord-user.js";
import { snowflake } from "../../fakes/discord/snowflake.js";
import { created, sampleIncident } from "../../infra/db/sample-incident.js";
import { discordHarness, discordPolicy, type DiscordHarness } from "./discord-harness.js";

let h: DiscordHarness;
afterEach(async () => h?.close());

async function declare(title = "Checkout down") {
  await h.answered(h.user("dana").command("declare", { severity: "urgent", title, kind: "complaint" }));
  const incident = (await h.store.list({ limit: 1 }))[0]!;
  return { incident, room: h.fake.channels.get(incident.room!.channelId)! };
}

describe("an incident run from Discord", () => {
  it("shows a form for /incident declare without a title and declares from its submission", async () => {
    h = await discordHarness();
    const token = h.user("dana").command("declare", { severity: "important", kind: "system" });
    const shown = await h.answered(token);
    const modal = shown.callbacks[0] as {
      type: number;
      data: { custom_id: string; components: Array<{ components: Array<{ custom_id: string }> }> };
    };
    expect(modal.type).toBe(9);
    expect(modal.data.components.map((r) => r.components[0]!.custom_id)).toEqual(["title", "customer", "region", "description"]);
    const answer = await h.answered(
      h.user("dana").submit(modal.data.custom_id, { title: "Refund portal down", customer: "ACME", region: "", description: "" }),
    );
    expect(String(answer.original!.content)).toMatch(/INC-1 declared/);
    expect((await h.store.list({ limit: 1 }))[0]).toMatchObject({
      title: "Refund portal down",
      severity: "important",
      kind: "system",
      drill: false,
    });
  });

  it("opens threads in the incident channel when the policy says so, adding a suffix to a taken channel name", async () => {
    const base = discordPolicy();
    const parent = snowflake();
    h = await discordHarness({
      policy: { ...base, room: { ...base.room, mode: "thread" } },
      env: { DISCORD_INCIDENT_CHANNEL_ID: parent },
      before: (fake) => fake.addChannel({ id: parent, type: 0, name: "incidents", guild_id: fake.guildId, parent_id: null }),
    });
    const { room } = await declare();
    expect(room.type).toBe(11);
    expect(room.parent_id).toBe(parent);
    expect(room.members.has(h.deps.policy.people.lee!.ids.discord!)).toBe(true);
    await h.close();

    h = await discordHarness();
    h.fake.addChannel({ id: snowflake(), type: 0, name: "inc-1-checkout-down", guild_id: h.fake.guildId, parent_id: null });
    const second = await declare();
    expect(second.room.name).toBe("inc-1-checkout-down-2");
  });

  it("adds a declarer the policy does not know to the incident thread and links the thread in their answer", async () => {
    const base = discordPolicy();
    const parent = snowflake();
    h = await discordHarness({
      policy: { ...base, room: { ...base.room, mode: "thread" } },
      env: { DISCORD_INCIDENT_CHANNEL_ID: parent },
      before: (fake) => fake.addChannel({ id: parent, type: 0, name: "incidents", guild_id: fake.guildId, parent_id: null }),
    });
    const guest = new DiscordUser(h.fake, { id: snowflake(), name: "guest" });
    h.fake.addUser(guest.person.id, "guest");
    const token = guest.command("declare", { severity: "general", title: "Printer jam", kind: "complaint" });
    await h.answered(token);
    const incident = (await h.store.list({ limit: 1 }))[0]!;
    const room = h.fake.channels.get(incident.room!.channelId)!;
    expect(room.members.has(guest.person.id)).toBe(true);
    // Answered after the commit, then edited to say where the room is once it opened.
    await h.until(() => String(h.fake.interactions.get(token)!.original?.content).includes(`<#${room.id}>`));
    expect(room.messages.map((m) => String(m.content)).join("\n")).toContain(`<@${guest.person.id}>`);
  });

  it("records the acknowledge click on a page, edits the page and the card, and stops the escalation", async () => {
    h = await discordHarness();
    const { room } = await declare();
    const dm = h.fake.dmWith(h.deps.policy.people.lee!.ids.discord!)!;
    const page = dm.messages[0]!;
    const customId = String((page.components[0] as { components: Array<{ custom_id: string }> }).components[0]!.custom_id);
    const answer = await h.answered(h.user("lee").click(dm.id, page.id, customId));
    expect(answer.callbacks[0]).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(String(answer.original!.content)).toMatch(/acknowledged/i);
    await h.until(async () => (await h.store.list({ limit: 1 }))[0]!.status === "acknowledged");
    expect(page.components).toEqual([]);
    expect(page.content).toMatch(/Lee Zhang/);
    expect(JSON.stringify(room.messages[0]!.components)).not.toContain("beacon:acknowledge:");
    const dms = h.fake.calls.filter((c) => c.path === "/users/@me/channels").length;
    await h.advance(120);
    expect(h.fake.calls.filter((c) => c.path === "/users/@me/channels").length).toBe(dms);
  });

  it("posts reminders in the room and pages the leadership when nobody acknowledges", async () => {
    h = await discordHarness();
    const { room } = await declare();
    const before = room.messages.length;
    await h.advance(60);
    const posted = room.messages
      .slice(before)
      .map((m) => m.content)
      .join("\n");
    expect(posted).toMatch(/escalat/i);
    expect(posted).toMatch(new RegExp(`<@${h.deps.policy.people.ada!.ids.discord}>`));
    expect(posted).not.toMatch(/@\{/);
    expect(h.fake.dmWith(h.deps.policy.people.ada!.ids.discord!)?.messages.length ?? 0).toBeGreaterThan(0);
  });

  it("mentions a paged group by its Discord role in the room, lets only that role ping, and still DMs each member", async () => {
    const base = discordPolicy();
    const role = snowflake();
    h = await discordHarness({
      policy: { ...base, groups: { ...base.groups, experts: { ...base.groups.experts!, ids: { discord: role } } } },
    });
    const { room } = await declare();
    const posted = h.fake.calls.find(
      (c) => c.method === "POST" && c.path === `/channels/${room.id}/messages` && String(c.body?.content).includes("Paging step 1"),
    )!;
    expect(String(posted.body!.content)).toContain(`<@&${role}>`);
    expect(posted.body!.allowed_mentions).toMatchObject({ parse: [], roles: [role] });
    for (const expert of base.groups.experts!.members)
      expect(h.fake.dmWith(base.people[expert]!.ids.discord!)?.messages.length, expert).toBe(1);
  });

  it("records a page to someone whose DMs are closed as a delivery failure and pages them in the room", async () => {
    h = await discordHarness();
    h.fake.dmClosed.add(h.deps.policy.people.lee!.ids.discord!);
    const { incident, room } = await declare();
    const entries = await h.store.timeline(incident.id);
    expect(entries.filter((e) => e.type === "delivery_failed")).toHaveLength(1);
    expect(room.messages.map((m) => m.content).join("\n")).toContain(`<@${h.deps.policy.people.lee!.ids.discord}>`);
  });

  it("puts a 📌 message on the timeline once, with its author and link, and ignores Beacon's own posts", async () => {
    h = await discordHarness();
    const { incident, room } = await declare();
    const sam = h.deps.policy.people.sam!.ids.discord!;
    const said = h.fake.userPosts(room.id, sam, "Root cause: expired certificate");
    const react = (messageId: string) =>
      h.fake.gateway.dispatch("MESSAGE_REACTION_ADD", {
        user_id: h.deps.policy.people.lee!.ids.discord,
        channel_id: room.id,
        message_id: messageId,
        guild_id: h.fake.guildId,
        emoji: { id: null, name: "📌" },
        burst: false,
        type: 0,
      });
    react(said.id);
    react(room.messages[0]!.id);
    said.pinned = true;
    h.fake.gateway.dispatch("CHANNEL_PINS_UPDATE", {
      guild_id: h.fake.guildId,
      channel_id: room.id,
      last_pin_timestamp: new Date().toISOString(),
    });
    await h.until(async () => (await h.store.timeline(incident.id)).some((e) => e.type === "note"));
    await new Promise((r) => setTimeout(r, 100)); // let the second and third events land too
    const notes = (await h.store.timeline(incident.id)).filter((e) => e.type === "note");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.data).toMatchObject({ text: "Root cause: expired certificate" });
    expect(JSON.stringify(notes[0])).toContain(`https://discord.com/channels/${h.fake.guildId}/${room.id}/${said.id}`);
    expect(notes[0]!.actor).toMatchObject({ personId: "sam" });
  });

  it("runs a repeated interaction once", async () => {
    h = await discordHarness();
    const token = h.user("dana").command("declare", { severity: "urgent", title: "Checkout down" });
    await h.answered(token);
    // The gateway redelivers the very same interaction (same id).
    const first = h.fake.calls.find((c) => c.path.includes(`/${token}/callback`))!;
    const id = first.path.split("/")[2]!;
    const payload = {
      id,
      application_id: h.fake.applicationId,
      type: 2,
      token: `${token}-again`,
      version: 1,
      guild_id: h.fake.guildId,
      channel_id: h.fake.guildId,
      channel: { id: h.fake.guildId, type: 0 },
      member: {
        user: { id: h.deps.policy.people.dana!.ids.discord, username: "dana", discriminator: "0", avatar: null },
        roles: [],
        permissions: "0",
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
      data: {
        id: h.fake.commands[0]!.id,
        name: "incident",
        type: 1,
        options: [
          {
            type: 1,
            name: "declare",
            options: [
              { name: "severity", type: 3, value: "urgent" },
              { name: "title", type: 3, value: "Checkout down" },
            ],
          },
        ],
      },
      locale: "en-US",
      guild_locale: "en-US",
      app_permissions: "0",
      entitlements: [],
      authorizing_integration_owners: {},
      context: 0,
    };
    h.fake.gateway.dispatch("INTERACTION_CREATE", payload);
    await h.answered(`${token}-again`);
    expect(await h.store.list({ limit: 10 })).toHaveLength(1);
    expect(h.fake.calls.filter((c) => c.method === "POST" && c.path.endsWith("/channels") && c.path.startsWith("/guilds"))).toHaveLength(1);
  });

  it("waits out a 429 and posts the card once", async () => {
    h = await discordHarness();
    h.fake.fail(/^POST \/channels\/\d+\/messages$/, 429, { message: "You are being rate limited.", retry_after: 0.3, global: false });
    const { room, incident } = await declare();
    expect(h.fake.calls.filter((c) => c.method === "POST" && c.path === `/channels/${room.id}/messages`).length).toBeGreaterThanOrEqual(1);
    expect(room.messages.filter((m) => JSON.stringify(m.components).includes("beacon:"))).toHaveLength(1);
    expect((await h.store.timeline(incident.id)).some((e) => e.type === "delivery_failed")).toBe(false);
    expect(incident.card?.messageId).toBeDefined();
  });

  it("resolves and closes from the room, locks the channel when the policy archives, and posts the summary", async () => {
    const base = discordPolicy();
    h = await discordHarness({ policy: { ...base, room: { ...base.room, archiveOnClose: true } } });
    const { room } = await declare();
    await h.answered(h.user("lee").command("resolve", { summary: "Certificate renewed" }, room.id));
    await h.answered(h.user("dana").command(["customer", "accept"], { satisfaction: 5 }, room.id));
    await h.answered(h.user("dana").command("close", {}, room.id));
    expect((await h.store.list({ limit: 1 }))[0]!.status).toBe("closed");
    expect(room.messages.map((m) => m.content).join("\n")).toMatch(/Resolved by/);
    const posted = room.messages.slice(room.messages.findIndex((x) => /Closed by/.test(x.content)) + 1).filter((m) => !m.components.length);
    expect(posted[0]!.embeds[0]!.title).toBe("INC-1 Checkout down — After-action summary");
    expect(posted.every((m) => m.content === "" && m.embeds.length > 0)).toBe(true);
    expect(room.permission_overwrites).toEqual([expect.objectContaining({ id: h.fake.guildId, deny: String(1n << 11n) })]);
    const summary = await h.answered(h.user("dana").command("summary", { incident: 1 }));
    expect(String(summary.original!.content)).toMatch(/INC-1/);
  });

  it("answers a mistake ephemerally and writes nothing", async () => {
    h = await discordHarness();
    const answer = await h.answered(h.user("dana").command("ack"));
    expect(answer.callbacks[0]).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(String(answer.original!.content)).not.toMatch(/\n\s+at /);
    expect(String(answer.original!.content).length).toBeGreaterThan(5);
    expect(await h.store.list({ limit: 10 })).toEqual([]);
  });

  it("suggests open incidents while typing the incident option", async () => {
    h = await discordHarness();
    await declare("Checkout down");
    await declare("Refunds slow");
    const token = h.user("lee").autocomplete("ack", "incident", "");
    await h.until(() => !!h.fake.interactions.get(token)?.callbacks.length);
    const choices = h.fake.interactions.get(token)!.callbacks[0] as {
      type: number;
      data: { choices: Array<{ name: string; value: number }> };
    };
    expect(choices.type).toBe(8);
    expect(choices.data.choices.map((c) => c.value).sort()).toEqual([1, 2]);
  });

  it("suggests only the open incidents whose number or title matches what is typed, beyond the latest 100", async () => {
    h = await discordHarness();
    await declare("Refund queue stuck");
    await declare("Checkout down");
    for (let n = 0; n < 110; n++) await h.store.commit(created(sampleIncident({ number: 1000 + n, title: `Noise ${n}` })));
    const suggested = async (typed: string) => {
      const token = h.user("lee").autocomplete("ack", "incident", typed);
      await h.until(() => !!h.fake.interactions.get(token)?.callbacks.length);
      return (h.fake.interactions.get(token)!.callbacks[0] as { data: { choices: Array<{ name: string; value: number }> } }).data.choices;
    };
    expect(await suggested("queue")).toEqual([{ name: "#1 Refund queue stuck", value: 1 }]);
    expect((await suggested("#2")).map((c) => c.value)).toEqual([2]);
    // 1010–1019 by number, 1101 by its title "Noise 101"
    expect((await suggested("101")).map((c) => c.value)).toEqual([1101, 1019, 1018, 1017, 1016, 1015, 1014, 1013, 1012, 1011, 1010]);
    expect(await suggested("")).toHaveLength(25);
  });

  it("names a room from a Chinese or accented title with its letters", async () => {
    h = await discordHarness();
    expect((await declare("结账失败")).room.name).toBe("inc-1-结账失败");
    expect((await declare("très urgent")).room.name).toBe("inc-2-tres-urgent");
  });
});
