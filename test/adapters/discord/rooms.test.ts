import { afterEach, describe, expect, it } from "vitest";
import { PlatformSettingsError } from "../../../src/app/platform-module.js";
import type { Policy } from "../../../src/core/policy/schema.js";
import { CATEGORY_LIMIT, type FakeDiscord } from "../../fakes/discord/fake-discord.js";
import { snowflake } from "../../fakes/discord/snowflake.js";
import { discordHarness, discordPolicy, type DiscordHarness } from "./discord-harness.js";

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const CATEGORY = snowflake();
const INCIDENTS = snowflake();

function fullCategory(fake: FakeDiscord): void {
  fake.addChannel({ id: CATEGORY, type: 4, name: "Incidents", guild_id: fake.guildId, parent_id: null });
  for (let n = 0; n < CATEGORY_LIMIT; n++)
    fake.addChannel({ id: snowflake(), type: 0, name: `old-${n}`, guild_id: fake.guildId, parent_id: CATEGORY });
}

const withRoom = (over: Partial<Policy["room"]>): Policy => {
  const base = discordPolicy();
  return { ...base, room: { ...base.room, ...over } };
};

async function declare(title = "Checkout down") {
  const answer = await h!.answered(h!.user("dana").command("declare", { severity: "urgent", title, kind: "complaint" }));
  const incident = (await h!.store.list({ limit: 1 }))[0]!;
  await h!.until(async () => !!(await h!.store.get(incident.id))?.card);
  const fresh = (await h!.store.get(incident.id))!;
  return { incident: fresh, room: h!.fake.channels.get(fresh.room!.channelId)!, answer };
}

describe("a full Discord category", () => {
  it("is refused by Discord past 50 channels, so Beacon opens an overflow category and keeps using it", async () => {
    h = await discordHarness({ before: fullCategory, env: { DISCORD_CATEGORY_ID: CATEGORY } });
    const refused = await fetch(`${h.fake.apiUrl}/v10/guilds/${h.fake.guildId}/channels`, {
      method: "POST",
      headers: { authorization: `Bot ${h.fake.token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "one-too-many", type: 0, parent_id: CATEGORY }),
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("CHANNEL_PARENT_MAX_CHANNELS");
    const first = await declare("Checkout down");
    const overflow = h.fake.channels.get(String(first.room.parent_id))!;
    expect(overflow).toMatchObject({ type: 4, name: "Incidents 2" });
    const second = await declare("Refunds slow");
    expect(second.room.parent_id).toBe(overflow.id);
    expect(h.fake.calls.filter((c) => c.method === "POST" && c.body?.type === 4)).toHaveLength(1);
    expect([...h.fake.channels.values()].filter((c) => c.parent_id === CATEGORY)).toHaveLength(CATEGORY_LIMIT);
  });

  it("opens a thread in the incident channel instead when the policy says so", async () => {
    h = await discordHarness({
      policy: withRoom({ whenFull: "thread" }),
      before: (fake) => {
        fullCategory(fake);
        fake.addChannel({ id: INCIDENTS, type: 0, name: "incidents", guild_id: fake.guildId, parent_id: null });
      },
      env: { DISCORD_CATEGORY_ID: CATEGORY, DISCORD_INCIDENT_CHANNEL_ID: INCIDENTS },
    });
    const { room } = await declare();
    expect(room).toMatchObject({ type: 11, parent_id: INCIDENTS, name: "inc-1-checkout-down" });
  });
});

describe("a Discord forum as the incident channel", () => {
  const forum = (fake: FakeDiscord) =>
    fake.addChannel({ id: INCIDENTS, type: 15, name: "incidents", guild_id: fake.guildId, parent_id: null, available_tags: [] });

  it("opens one post per incident whose first message is the card, tagged with severity and status", async () => {
    h = await discordHarness({ policy: withRoom({ mode: "thread" }), before: forum, env: { DISCORD_INCIDENT_CHANNEL_ID: INCIDENTS } });
    const { room, incident, answer } = await declare();
    expect(String(answer.original!.content)).toMatch(/INC-1 declared/);
    expect(room).toMatchObject({ type: 11, parent_id: INCIDENTS });
    const starter = room.messages[0]!;
    expect(starter.id).toBe(room.id);
    expect(incident.card).toMatchObject({ channelId: room.id, messageId: room.id });
    expect(JSON.stringify(starter.components)).toContain("beacon:acknowledge:");
    expect(starter.embeds[0]!.title).toMatch(/INC-1 Checkout down/);
    expect(room.messages.filter((m) => m.embeds.length)).toHaveLength(1);
    const tagName = (id: string) => h!.fake.channels.get(INCIDENTS)!.available_tags!.find((t) => t.id === id)!.name;
    expect(room.applied_tags!.map(tagName).sort()).toEqual(["Declared", "Urgent"]);
    expect(room.members.has(h.deps.policy.people.lee!.ids.discord!)).toBe(true);

    await h.answered(h.user("lee").command("ack", {}, room.id));
    await h.until(() => room.applied_tags!.map(tagName).includes("Acknowledged"));
    expect(room.applied_tags!.map(tagName).sort()).toEqual(["Acknowledged", "Urgent"]);
    expect(
      h.fake.channels
        .get(INCIDENTS)!
        .available_tags!.map((t) => t.name)
        .sort(),
    ).toEqual(["Acknowledged", "Declared", "Urgent"]);
    const second = await declare("Refunds slow");
    expect(second.room.id).not.toBe(room.id);
    expect(
      h.fake.channels
        .get(INCIDENTS)!
        .available_tags!.map((t) => t.name)
        .sort(),
    ).toEqual(["Acknowledged", "Declared", "Urgent"]);
  });
});

describe("the incident channel's type, checked at start", () => {
  it.each([
    [2, "DISCORD_INCIDENT_CHANNEL_ID", /is a voice channel; incident threads need a text channel or a forum/],
    [4, "DISCORD_INCIDENT_CHANNEL_ID", /is a category channel; incident threads need a text channel or a forum/],
  ])("refuses a channel of type %i for %s with one line", async (type, _setting, message) => {
    const started = discordHarness({
      policy: withRoom({ mode: "thread" }),
      before: (fake) => fake.addChannel({ id: INCIDENTS, type, name: "incidents", guild_id: fake.guildId, parent_id: null }),
      env: { DISCORD_INCIDENT_CHANNEL_ID: INCIDENTS },
    });
    const error = await started.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PlatformSettingsError);
    expect((error as Error).message).toMatch(message);
  });

  it("refuses a category id that is not a category, and an id Discord does not know", async () => {
    const text = snowflake();
    const failing = (env: Record<string, string>) =>
      discordHarness({
        before: (fake) => fake.addChannel({ id: text, type: 0, name: "general-2", guild_id: fake.guildId, parent_id: null }),
        env,
      }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect((await failing({ DISCORD_CATEGORY_ID: text }))?.message).toMatch(/DISCORD_CATEGORY_ID \d+ is a text channel, not a category/);
    expect((await failing({ DISCORD_CATEGORY_ID: snowflake() }))?.message).toMatch(/DISCORD_CATEGORY_ID \d+: Discord has no channel/);
  });
});
