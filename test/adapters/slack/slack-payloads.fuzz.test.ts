import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VERBS } from "../../../src/core/commands/verbs.js";
import type { MemoryStore } from "../../fakes/memory-store.js";
import { slackHarness, user } from "./slack-harness.js";

// Slack's payloads under generated input, through Bolt and the real HTTP
// receiver: any slash-command text and any form submission a person could
// make is answered (a reply, a form, an error under a field), never a 5xx or
// an internal error, and a refused one writes nothing. Fixed seed.

const word = fc.oneof(
  fc.constantFrom(...VERBS.flatMap((v) => v.words)),
  fc.constantFrom(
    "#1",
    "#2147483648",
    "urgent",
    "lee",
    "--due",
    "2026-02-30",
    "0x3",
    "--satisfaction",
    "\u202ex",
    "a\u0000b",
    "<!channel>",
    "<@U1>",
  ),
  fc.string({ maxLength: 10 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
);

describe("Slack payloads under generated input", () => {
  it("answers every slash command and form submission without an internal error, writing nothing when refused", async () => {
    const h = await slackHarness();
    const store = h.store as MemoryStore;
    await h.slack.command("declare urgent Checkout down", user("dana"));
    await h.settle();
    const commands = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(" "));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("dana", "lee", "liu"), commands, async (who, text) => {
        const answered = h.fake.responses.length;
        const sent = await h.slack.command(text, user(who));
        await h.settle();
        expect(sent.status, text).toBe(200);
        for (const r of h.fake.responses.slice(answered)) expect(JSON.stringify(r.body), text).not.toMatch(/Something went wrong/);
      }),
      { seed: 16, numRuns: 100 },
    );
    const formVerbs = VERBS.filter((v) => v.form);
    const value = fc.record({
      type: fc.constantFrom("plain_text_input", "static_select", "datepicker"),
      value: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("urgent", "2026-02-30", "0x3", "a\u0000b", "\u202ex")),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...formVerbs.map((v) => v.name)),
        fc.array(value, { minLength: 12, maxLength: 12 }),
        async (name, values) => {
          const verb = VERBS.find((v) => v.name === name)!;
          const before = store.commits.length;
          const blocks = Object.fromEntries(Object.keys(verb.fields).map((k, i) => [k, values[i]!]));
          const sent = await h.slack.submit(
            user("dana"),
            { callback_id: `beacon_${name}`, private_metadata: JSON.stringify({ c: "CGENERAL" }) },
            blocks,
          );
          await h.settle();
          expect(sent.status).toBeLessThan(500);
          if (sent.body.includes('"response_action":"errors"')) expect(store.commits.length).toBe(before);
        },
      ),
      { seed: 16, numRuns: 100 },
    );
    await h.close();
  });
});
