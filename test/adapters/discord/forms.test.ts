import { afterEach, describe, expect, it } from "vitest";
import { dispatch } from "../../../src/app/dispatch.js";
import { discordHarness, type DiscordHarness } from "./discord-harness.js";

let h: DiscordHarness;
afterEach(async () => h?.close());

async function declareForm(): Promise<string> {
  const shown = await h.answered(h.user("dana").command("declare", { severity: "important", kind: "system" }));
  return (shown.callbacks[0] as { data: { custom_id: string } }).data.custom_id;
}

describe("the Discord declare form", () => {
  it("refuses a title of spaces with the same line as the text path, and declares nothing", async () => {
    h = await discordHarness();
    const form = await h.answered(h.user("dana").submit(await declareForm(), { title: "   ", customer: "", region: "", description: "" }));
    expect(form.callbacks[0]).toMatchObject({ type: 5, data: { flags: 64 } });
    const typed = (
      await dispatch(h.deps, {
        actor: { platform: "test", userId: "dana", name: "dana", personId: "dana" },
        text: 'declare important "   " --kind system',
        requestKey: "typed-1",
      })
    ).text;
    expect(String(form.original!.content)).toBe(typed);
    expect(typed).toMatch(/^Missing title\./);
    expect(await h.store.list({ limit: 10 })).toEqual([]);
  });

  it("answers a submission missing a field with one clear ephemeral line", async () => {
    h = await discordHarness();
    const token = h.user("dana").submit(await declareForm(), { customer: "ACME" });
    const answer = await h.answered(token);
    expect(answer.callbacks).toHaveLength(1);
    expect(answer.callbacks[0]).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(String(answer.original!.content)).toMatch(/^Missing title\.\nUsage: \/incident declare /);
    expect(await h.store.list({ limit: 10 })).toEqual([]);
  });
});
