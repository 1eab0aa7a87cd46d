import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INCIDENT_OPTION, toCommand, type Options } from "../../../adapters/discord/commands.js";
import { readFormSubmission } from "../../../adapters/slack/forms.js";
import { parseCommand } from "../../../src/core/commands/parse.js";
import { describeUserError } from "../../../src/core/commands/usage.js";
import { VERBS } from "../../../src/core/commands/verbs.js";
import { isUserError } from "../../../src/core/errors.js";
import { defaultPolicy } from "../../helpers/default-policy.js";

// Property tests of the command grammar: whatever a person types, a form
// holds or typed options carry, the answer is a command or one clear usage
// line, never an exception of another kind. Fixed seeds: a failure replays.

const policy = defaultPolicy();
const SEED = 16;
const RUNS = 3000;

/** Words a person types: verbs, incident references, options, quotes, numbers of every size, control and bidi characters. */
const word = fc.oneof(
  fc.constantFrom(...VERBS.flatMap((v) => [...v.words, ...Object.keys(v.aliases ?? {})])),
  fc.constantFrom("#1", "#0", "#2147483647", "#2147483648", "#99999999999999999999", "INC-3", "inc7", "0x3", "1e3", "-1", "3.5"),
  fc.constantFrom("--due", "--satisfaction", "--kind", "--owner", "--drill", "--=", "--", "-x", '"', "'", "“", "」"),
  fc.constantFrom("2026-02-30", "2026-13-01", "0000-00-00", "2026-12-15", "urgent", "lee", "@ada", "fri 17:30"),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.constantFrom("\u0000", "\u0007", "\u202e", "\u2066", "\r\n", "\t"),
);
const typed = fc.array(word, { maxLength: 8 }).map((ws) => ws.join(" "));

/** Parse, and say what happened: a command, a clear line, or the unexpected error. */
function outcome(text: string): "command" | "refused" {
  try {
    parseCommand(text);
    return "command";
  } catch (e) {
    if (!isUserError(e)) throw e;
    const line = describeUserError(policy, e);
    expect(line).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    return "refused";
  }
}

describe("the command grammar under generated input", () => {
  it("reads any typed text as a command or one clear usage problem", () => {
    const seen = { command: 0, refused: 0 };
    fc.assert(
      fc.property(typed, (text) => void seen[outcome(text)]++),
      { seed: SEED, numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => void seen[outcome(text)]++),
      { seed: SEED, numRuns: RUNS },
    );
    // The generators reach both sides: commands are read, and problems refused.
    expect(seen.command).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });

  it("reads any typed options of Discord's application command through the same reader", () => {
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(undefined));
    fc.assert(
      fc.property(
        fc.constantFrom(...VERBS),
        fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 6 }),
        value,
        (verb, extra, number) => {
          const options: Options = { ...extra, [INCIDENT_OPTION]: number };
          for (const key of Object.keys(verb.fields)) if (extra[key] === undefined) delete options[key];
          Object.assign(options, extra);
          try {
            toCommand(verb, options, () => undefined);
          } catch (e) {
            if (!isUserError(e)) throw e;
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("reads any Slack form submission as a command or an error under a field", () => {
    const input = fc.record(
      {
        type: fc.constantFrom("plain_text_input", "static_select", "checkboxes", "users_select", "datepicker"),
        value: fc.option(fc.string({ maxLength: 30 })),
        selected_option: fc.option(fc.record({ value: fc.string({ maxLength: 12 }) })),
        selected_options: fc.option(fc.array(fc.record({ value: fc.constantFrom("yes", "no", "") }), { maxLength: 2 })),
        selected_user: fc.option(fc.string({ maxLength: 12 })),
        selected_date: fc.option(fc.oneof(fc.constantFrom("2026-02-30", "2026-12-15", "0000-00-00"), fc.string({ maxLength: 10 }))),
      },
      { requiredKeys: ["type"] },
    );
    const formVerbs = VERBS.filter((v) => v.form).map((v) => v.name);
    fc.assert(
      fc.property(
        fc.constantFrom(...formVerbs),
        fc.dictionary(fc.string({ maxLength: 10 }), input),
        fc.array(input, { minLength: 12, maxLength: 12 }),
        (name, inputs, byField) => {
          const verb = VERBS.find((v) => v.name === name)!;
          const fields = Object.keys(verb.fields).map((k, i) => [k, inputs[k] ?? byField[i]!] as const);
          const state = Object.fromEntries([...Object.entries(inputs), ...fields].map(([k, v]) => [k, { v }]));
          const read = readFormSubmission(policy, verb, state);
          if ("errors" in read)
            for (const line of Object.values(read.errors)) expect(line).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
