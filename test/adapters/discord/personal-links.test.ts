import { afterEach, describe, expect, it } from "vitest";
import { reviewSide } from "../../../src/compose/review.js";
import { loadConfig } from "../../../src/config.js";
import { discordHarness, type DiscordHarness } from "./discord-harness.js";

let h: DiscordHarness;
afterEach(async () => h?.close());

describe("a personal login link on Discord", () => {
  it("goes to the person alone (ephemeral), with embeds suppressed so no preview opens it", async () => {
    h = await discordHarness();
    reviewSide(loadConfig({ BEACON_PUBLIC_URL: "https://beacon.example.com" }), h.deps, "0123456789abcdef0123456789abcdef");
    await h.answered(h.user("dana").command("declare", { severity: "urgent", title: "Checkout down", kind: "complaint" }));
    const summary = await h.answered(h.user("dana").command("summary", { incident: 1 }));
    expect(String(summary.original!.content)).toMatch(/https:\/\/beacon\.example\.com\/r\/[\w-]{43}/);
    expect(Number(summary.original!.flags) & (1 << 2)).toBe(1 << 2);
    expect(summary.callbacks[0]).toMatchObject({ type: 5, data: { flags: 64 } });
  });
});
