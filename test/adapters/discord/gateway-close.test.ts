import { afterEach, describe, expect, it } from "vitest";
import { ChatConnections } from "../../../src/compose/chat-connections.js";
import { discordHarness, type DiscordHarness } from "./discord-harness.js";

let h: DiscordHarness;
afterEach(async () => h?.close());

describe("a Discord gateway closed for good", () => {
  it.each([
    [4004, "Authentication failed."],
    [4010, "Invalid shard."],
    [4011, "Sharding required."],
    [4012, "Invalid API version."],
    [4013, "Invalid intent(s)."],
    [4014, "Disallowed intent(s)."],
  ])("fails the platform with one line and reports it not ready after close %i", async (code, reason) => {
    h = await discordHarness();
    expect(h.platform.health?.()).toEqual({ ok: true });
    h.fake.gateway.closeWith(code, reason);
    const error = await h.platform.failed!;
    expect(error.message).toMatch(new RegExp(`^Discord closed the gateway for good \\(${code} \\w+\\): `));
    expect(error.message).not.toContain("\n");
    expect(h.platform.health?.()).toEqual({ ok: false, reason: expect.stringContaining(String(code)) });
  });

  it("fails after a token reset: the dropped session's resume is refused with 4004", async () => {
    h = await discordHarness();
    h.fake.resetToken("a-new-token");
    const error = await h.platform.failed!;
    expect(h.fake.gateway.resumes).toEqual([{ accepted: false }]);
    expect(error.message).toMatch(/^Discord closed the gateway for good \(4004 AuthenticationFailed\): reset the bot token/);
    expect(h.platform.health?.()).toMatchObject({ ok: false });
  });

  it("resumes after a 4000 close and stays ready", async () => {
    h = await discordHarness();
    h.fake.gateway.closeWith(4000, "Unknown error.");
    await h.until(() => h.fake.gateway.resumes.length === 1 && h.platform.health?.().ok === true);
    expect(h.fake.gateway.resumes).toEqual([{ accepted: true }]);
    expect(h.fake.gateway.identifies).toHaveLength(1);
    const failed = await Promise.race([h.platform.failed!.then(() => true), new Promise((r) => setTimeout(() => r(false), 200))]);
    expect(failed).toBe(false);
  });

  it("makes the process's chat connections fail and /readyz's Discord probe refuse", async () => {
    h = await discordHarness();
    // The harness already started it: the connections take it as it is.
    const connections = new ChatConnections([{ ...h.platform, start: async () => {} }], { log: h.deps.log, how: "start" });
    await connections.begin();
    expect(connections.health().discord).toEqual({ ok: true });
    h.fake.gateway.closeWith(4004, "Authentication failed.");
    const error = await connections.failed;
    expect(error.message).toMatch(/4004 AuthenticationFailed/);
    expect(connections.health().discord).toMatchObject({ ok: false });
    await expect(connections.probes()[0]!.check()).rejects.toThrow(/gateway closed \(4004\)/);
    connections.stop();
  });
});
