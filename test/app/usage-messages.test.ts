import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/core/commands/parse.js";
import { describeUserError } from "../../src/core/commands/usage.js";
import { UserError } from "../../src/core/errors.js";
import { defaultPolicy } from "../helpers/default-policy.js";

const mistakes = [
  "declare",
  "declare urgent",
  "sev",
  "sev urgent",
  "note",
  "reopen",
  "role boss lee",
  "role lead",
  "update everyone hi",
  "update customer",
  "done",
  "followup",
  "followup done",
  "accept --satisfaction 9",
  "followup x --due 2026-13-01",
  "declare urgent x --onsite moon",
  "declare urgent x --nope",
  "ack #1 extra words",
];

function problemOf(text: string): UserError {
  try {
    parseCommand(text);
  } catch (e) {
    if (e instanceof UserError) return e;
  }
  throw new Error(`"${text}" parsed without a problem`);
}

describe("usage problems", () => {
  it("are told in English with the usage line that would have worked", () => {
    expect(describeUserError(defaultPolicy("en"), problemOf("declare urgent"))).toMatch(/^Missing title\.\nUsage: \/incident declare/);
    expect(describeUserError(defaultPolicy("en"), problemOf("accept --satisfaction 9"))).toMatch(
      /^Satisfaction must be a whole number from 1 to 5, not "9"\./,
    );
    expect(describeUserError(defaultPolicy("en"), problemOf("update everyone hi"))).toMatch(/choose one of: customer, internal/);
  });

  it("are told in Chinese when the policy's locale is zh, for every mistake the parser names", () => {
    for (const text of mistakes) {
      const e = problemOf(text);
      if (e.code !== "COMMAND.USAGE") continue;
      const line = describeUserError(defaultPolicy("zh"), e).split("\n")[0]!;
      expect(line, text).toMatch(/[\u4e00-\u9fff]/);
      expect(line, text).not.toContain(e.params.problem!);
    }
  });
});
