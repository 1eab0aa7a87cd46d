import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { inviteUrl, PERMISSIONS, permissionsInteger } from "../../../adapters/discord/permissions.js";
import { discordHarness, type DiscordHarness } from "./discord-harness.js";

let h: DiscordHarness;
afterEach(async () => h?.close());

const docs = readFileSync(new URL("../../../docs/discord.md", import.meta.url), "utf8");

describe("what Beacon asks of a Discord server", () => {
  it("identifies with only the Guilds and Guild Message Reactions intents", async () => {
    h = await discordHarness();
    expect(h.fake.gateway.identifies[0]!.intents).toBe((1 << 0) | (1 << 10));
  });

  it("documents the permissions integer computed from the permissions Beacon uses, and an invite URL", () => {
    expect(permissionsInteger({ archive: false })).toBe("2252126231284752");
    expect(BigInt(permissionsInteger({ archive: true })) - BigInt(permissionsInteger({ archive: false }))).toBe(1n << 28n);
    expect(docs).toContain(inviteUrl("APPLICATION_ID", { archive: false }));
    expect(docs).toContain(`permissions=${permissionsInteger({ archive: true })}`);
    for (const p of PERMISSIONS) expect(docs).toMatch(new RegExp(`^\\| ${p.name} \\|`, "m"));
    expect(docs).toMatch(/^\| View Channel \|/m);
    expect(docs).not.toMatch(/Add Reactions\*\*|\| Add Reactions \|/);
    expect(docs).toMatch(/Manage Roles \| only with `room.archiveOnClose: true`/);
  });

  it("says which intents Beacon asks for and that Message Content is privileged", () => {
    expect(docs).toMatch(/^\| Guilds \|/m);
    expect(docs).toMatch(/^\| Guild Message Reactions \|/m);
    expect(docs).not.toMatch(/^\| (Guild Messages|Direct Messages) \|/m);
    expect(docs).toMatch(/Message Content\*\* is a\s+privileged intent/);
    expect(docs).toMatch(/100 servers/);
  });
});
