import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INCIDENT_OPTION, toCommand, type Options } from "../../adapters/discord/commands.js";
import { dispatch, dispatchCommand } from "../../src/app/dispatch.js";
import { isUserError } from "../../src/core/errors.js";
import { VERBS } from "../../src/core/commands/verbs.js";
import type { MemoryStore } from "../fakes/memory-store.js";
import { harness } from "../helpers/app-harness.js";

// Whatever a person types after /incident, through the whole application:
// never an internal error, and a refused command writes nothing. Fixed seed.

const people = ["dana", "lee", "ada", "liu", "sam", "zed"]; // zed is not in the policy
const word = fc.oneof(
  fc.constantFrom(...VERBS.flatMap((v) => v.words)),
  fc.constantFrom(
    "#1",
    "#2",
    "#2147483648",
    "#99999999999999999999",
    "urgent",
    "general",
    "lead",
    "lee",
    "F1",
    "--due",
    "2026-02-30",
    "2026-12-15",
  ),
  fc.constantFrom("--satisfaction", "0x3", "5", "--kind", "complaint", "--drill", "--figures", '"a b"', "\u202etxt", "a\u0000b"),
  fc.string({ maxLength: 10 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
);
const typed = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(" "));

describe("every command a person could type, generated", () => {
  it("is answered without an internal error, and a refused one writes nothing", async () => {
    const h = await harness();
    const store = h.store as MemoryStore;
    await h.as("dana", "declare urgent Checkout down");
    await h.as("dana", "declare general Scanner broken");
    let n = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...people), typed, async (who, text) => {
        const before = store.commits.length;
        const grants = (await h.deps.grants!.list(h.clock.now())).length;
        const person = who === "zed" ? undefined : who;
        const reply = await dispatch(h.deps, {
          actor: { platform: "test", userId: who, name: who, ...(person ? { personId: person } : {}) },
          text,
          requestKey: `fuzz-${++n}`,
        });
        expect(reply.text, text).not.toMatch(/Something went wrong/);
        if (reply.error) {
          refused++;
          expect(store.commits.length, text).toBe(before);
          expect((await h.deps.grants!.list(h.clock.now())).length, text).toBe(grants);
        }
      }),
      { seed: 16, numRuns: 1500 },
    );
    expect(refused).toBeGreaterThan(300);
    await h.scheduler.stop();
  });

  it("answers every Discord invocation (any verb, any typed options) without an internal error, and a refused one writes nothing", async () => {
    const h = await harness();
    const store = h.store as MemoryStore;
    await h.as("dana", "declare urgent Checkout down");
    const value = fc.oneof(
      fc.string({ maxLength: 16 }),
      fc.constantFrom("urgent", "lee", "lead", "2026-02-30", "2026-12-15", "0x3", "a\u0000b", "\u202ex"),
      fc.integer({ min: -3, max: 6 }),
      fc.constantFrom(1, 2, 2_147_483_648, 1e20),
      fc.boolean(),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...VERBS.map((v) => v.name)),
        fc.constantFrom("dana", "lee", "liu"),
        fc.array(value, { minLength: 8, maxLength: 8 }),
        value,
        async (name, who, values, number) => {
          const verb = VERBS.find((v) => v.name === name)!;
          const options: Options = Object.fromEntries(Object.keys(verb.fields).map((k, i) => [k, values[i]]));
          if (verb.incident) options[INCIDENT_OPTION] = number;
          const before = store.commits.length;
          let command;
          try {
            command = toCommand(verb, options, () => undefined);
          } catch (e) {
            if (!isUserError(e)) throw e;
            expect(store.commits.length).toBe(before);
            return;
          }
          const reply = await dispatchCommand(
            h.deps,
            { actor: { platform: "test", userId: who, name: who, personId: who }, text: "", requestKey: `discord-${++n}` },
            command,
          );
          expect(reply.text).not.toMatch(/Something went wrong/);
          if (reply.error) expect(store.commits.length).toBe(before);
        },
      ),
      { seed: 16, numRuns: 1000 },
    );
    await h.scheduler.stop();
  });
});
