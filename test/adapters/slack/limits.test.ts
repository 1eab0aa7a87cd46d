import { describe, expect, it } from "vitest";
import { fit } from "../../../adapters/slack/limits.js";
import { blockKitProblem, wellFormed } from "../../fakes/slack/block-kit.js";

describe("fitting text to Slack's limits", () => {
  it("keeps a text that fits as it is", () => {
    expect(fit("Checkout down", 150)).toBe("Checkout down");
  });

  it("cuts between whole characters, never inside a surrogate pair, and ends with an ellipsis", () => {
    const text = `${"a".repeat(148)}😀😀`;
    const cut = fit(text, 150);
    expect(cut.length).toBeLessThanOrEqual(150);
    expect(wellFormed(cut)).toBe(true);
    expect(cut).toBe(`${"a".repeat(148)}…`);
  });

  it("keeps an emoji sequence whole", () => {
    const family = "👨‍👩‍👧"; // 8 UTF-16 units joined by zero-width joiners
    const cut = fit(`${"a".repeat(5)}${family}${"b".repeat(10)}`, 12);
    expect(cut).toBe("aaaaa…");
  });

  it("does not leave half an entity or half a link behind", () => {
    expect(fit(`${"a".repeat(8)}&amp; more text`, 11)).toBe(`${"a".repeat(8)}…`);
    expect(fit(`${"a".repeat(5)}<#C123> more`, 10)).toBe(`${"a".repeat(5)}…`);
  });

  it("drops half a surrogate pair cut elsewhere", () => {
    expect(fit("abc\uD83D", 250)).toBe("abc");
  });
});

describe("the fake's Block Kit checks", () => {
  it("refuses a header past 150 UTF-16 units, half a surrogate pair, eleven fields and 51 blocks", () => {
    const header = (text: string) => [{ type: "header", text: { type: "plain_text", text } }];
    expect(blockKitProblem(header("a".repeat(150)), 50)).toBeUndefined();
    expect(blockKitProblem(header("a".repeat(151)), 50)).toMatch(/less than 151/);
    expect(blockKitProblem(header("a\uD83D"), 50)).toMatch(/surrogate/);
    const field = { type: "mrkdwn", text: "x" };
    expect(blockKitProblem([{ type: "section", fields: Array(11).fill(field) }], 50)).toMatch(/at most 10/);
    expect(blockKitProblem([{ type: "section", text: { type: "mrkdwn", text: "a".repeat(3001) } }], 50)).toMatch(/less than 3001/);
    expect(blockKitProblem(Array(51).fill({ type: "divider" }), 50)).toMatch(/at most 50 blocks/);
    expect(blockKitProblem([{ type: "banner" }], 50)).toMatch(/not a block type/);
  });
});
