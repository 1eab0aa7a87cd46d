import { describe, expect, it } from "vitest";
import { summaryBlocks } from "../../../adapters/slack/summary-blocks.js";
import { renderSummaryMarkdown, summarize } from "../../../src/core/summary.js";
import { blockKitProblem } from "../../fakes/slack/block-kit.js";
import { bigIncident } from "../../helpers/big-incident.js";
import { defaultPolicy } from "../../helpers/default-policy.js";

describe("the after-action summary as Slack Block Kit", () => {
  it("stays within Block Kit's limits for an incident of 3,000 entries, counts what it leaves to the page and links the page", async () => {
    const { h, entries } = await bigIncident(3_000);
    const policy = defaultPolicy();
    const facts = summarize(policy, 1, entries, h.clock.now());
    const link = "https://beacon.example/incidents/1?sig=abc";
    const { text, blocks } = summaryBlocks(policy, { facts, markdown: renderSummaryMarkdown(policy, facts), link });
    expect(blockKitProblem(blocks, 50)).toBeUndefined();
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(text).toMatch(/INC-1 Checkout down/);
    const all = JSON.stringify(blocks);
    expect(all).toMatch(/more \(see the full page\)/);
    expect(all).toContain(`<${link}|Full incident page>`);
    expect(all).not.toContain("| --- |");
    const table = blocks.find((b) => b.type === "table") as unknown as { rows: Array<Array<{ text: string }>> };
    expect(table.rows[0]!.map((c) => c.text)).toEqual(["Deadline", "Due", "Outcome"]);
    expect(table.rows.length).toBe(facts.deadlines.length + 1);
  });
});
