import { describe, expect, it } from "vitest";
import { harness } from "../helpers/app-harness.js";

// Tuesday 1 December 2026, 10:00 in Shanghai.
const TUESDAY_10 = new Date("2026-12-01T02:00:00Z");

describe("follow-up actions", () => {
  it("reminds the owner on the due day, then each working day it stays overdue, until it is done", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", "declare general Label printer jams --kind system");
    await h.as("dana", "followup #1 Replace the printer firmware --owner sam --due 2026-12-03");
    const toSam = () => h.chat.calls.filter((c) => c.op === "notify" && c.personId === "sam").map((c) => (c as { text: string }).text);
    await h.advance(24 * 60); // Wednesday 10:00: not due yet
    expect(toSam()).toEqual([]);
    await h.advance(24 * 60); // Thursday 10:00: reminded at 09:00
    expect(toSam()).toEqual([expect.stringMatching(/due today: Replace the printer firmware/)]);
    await h.advance(24 * 60); // Friday: one working day overdue
    expect(toSam().at(-1)).toMatch(/overdue \(1 working day\)/);
    await h.advance(3 * 24 * 60); // the weekend is skipped: Monday, two working days
    expect(toSam()).toHaveLength(3);
    expect(toSam().at(-1)).toMatch(/overdue \(2 working days\)/);
    await h.as("sam", "followup done #1 F1");
    await h.advance(5 * 24 * 60);
    expect(toSam()).toHaveLength(3);
    expect(await h.store.pendingTimers({ limit: 100 })).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ key: expect.stringContaining(":followup:") })]),
    );
    const incident = (await h.store.getByNumber(1))!;
    expect(incident.followUps[0]).toMatchObject({ status: "done", reminded: 3 });
  });
});
