import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { discordPolicy } from "../adapters/discord/discord-harness.js";
import { DiscordUser } from "../fakes/discord/discord-user.js";
import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import { startBeacon, writePolicy } from "../helpers/beacon-process.js";
import { migratedDataDir } from "../helpers/pglite-template.js";
import { until } from "../helpers/scrape.js";

// The compiled service with Discord's HTTP interactions: no gateway, the
// interactions endpoint mounted on Beacon's own web server.

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe("the compiled service with DISCORD_INTERACTIONS=http", { timeout: 90_000 }, () => {
  it("serves signed interactions on /discord/interactions, declares, and reports ready without a gateway", async () => {
    const policy = discordPolicy();
    const fake = await FakeDiscord.start({
      token: "discord-http-token",
      users: Object.entries(policy.people).map(([id, p]) => ({ id: p.ids.discord!, name: id })),
    });
    cleanups.push(() => fake.close());
    const dir = mkdtempSync(join(tmpdir(), "beacon-discord-http-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const beacon = startBeacon([], {
      BEACON_POLICY: writePolicy(dir, policy),
      BEACON_DATA_DIR: await migratedDataDir(join(dir, "data")),
      BEACON_PUBLIC_URL: "https://beacon.example.com",
      PORT: "0",
      DISCORD_TOKEN: "discord-http-token",
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_INTERACTIONS: "http",
      DISCORD_PUBLIC_KEY: fake.publicKeyHex,
    });
    cleanups.push(() => void beacon.child.kill("SIGKILL"));
    const url = String((await beacon.logged("serving")).url);
    fake.interactionsUrl = `${url}/discord/interactions`;

    const pong = await fake.deliverHttp({ id: "1", application_id: fake.applicationId, type: 1, token: "ping", version: 1 });
    expect(await pong.json()).toEqual({ type: 1 });
    const token = new DiscordUser(fake, { id: policy.people.dana!.ids.discord!, name: "dana" }).command("declare", {
      severity: "urgent",
      title: "Checkout down",
      kind: "complaint",
    });
    await until(() => !!fake.interactions.get(token)?.original);
    expect(String(fake.interactions.get(token)!.original!.content)).toMatch(/INC-1 declared/);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(fake.gateway.identifies).toHaveLength(0);
    expect(await beacon.stop("SIGTERM")).toBe(0);
  });
});
