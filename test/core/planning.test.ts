import { describe, expect, it } from "vitest";
import { createCalendar } from "../../src/core/calendar/business-calendar.js";
import { planClocks } from "../../src/core/planning/clock-plan.js";
import { planPaging } from "../../src/core/planning/paging-plan.js";
import { simulatePlan } from "../../src/core/simulator.js";
import { defaultPolicy } from "../helpers/default-policy.js";

const policy = defaultPolicy();
const cal = createCalendar(policy.calendar);
const friday1730 = new Date("2026-11-27T09:30:00Z");

describe("planning who is paged and which deadlines run", () => {
  it("pages the handling lead and experts for urgent, informing leadership and the liaison", () => {
    const [first, second] = planPaging(policy, "urgent");
    expect(first).toMatchObject({ page: ["lee", "eva", "max"], notify: ["ada", "bo", "liu"], waitMinutes: 5 });
    expect(second).toMatchObject({ page: ["ada", "bo"], waitMinutes: 10 });
  });

  it("ends every severity's plan at the leadership group", () => {
    for (const sev of Object.keys(policy.severities)) expect(planPaging(policy, sev).at(-1)!.page).toEqual(["ada", "bo"]);
  });

  it("runs complaint clocks only for complaints, on-site clocks only with an on-site option, compensation only with a claim", () => {
    const keys = (o: object) => planClocks(policy, cal, { severity: "important", kind: "complaint", ...o }, friday1730).map((c) => c.key);
    expect(keys({})).toEqual(["first_reply", "start_handling", "customer_feedback", "forward_department", "answer_complaint"]);
    expect(keys({ kind: "system" })).toEqual(["first_reply"]);
    expect(keys({ onsite: "remote", claim: true })).toEqual(expect.arrayContaining(["onsite_remote", "compensation"]));
  });

  it("takes the on-site deadline of the severity: arrival in 2 h urgent, 24 h important; a visit time agreed within 48 h general", () => {
    const clocks = (severity: string, onsite: "local" | "remote") =>
      Object.fromEntries(planClocks(policy, cal, { severity, kind: "system", onsite }, friday1730).map((c) => [c.key, c.dueAt]));
    expect(clocks("urgent", "local").onsite_local).toBe("2026-11-27T11:30:00.000Z");
    expect(clocks("important", "local").onsite_local).toBe("2026-11-28T09:30:00.000Z");
    expect(clocks("urgent", "remote").onsite_remote).toBe("2026-11-28T09:30:00.000Z");
    expect(clocks("important", "remote").onsite_remote).toBe("2026-11-29T09:30:00.000Z");
    expect(clocks("general", "local")).toMatchObject({ onsite_agreed: "2026-11-29T09:30:00.000Z" });
    expect(clocks("general", "remote")).toMatchObject({ onsite_agreed: "2026-11-29T09:30:00.000Z" });
    expect(clocks("general", "local")).not.toHaveProperty("onsite_local");
  });

  it("simulates an urgent complaint declared Friday 17:30", () => {
    const plan = simulatePlan(policy, cal, { severity: "urgent", kind: "complaint", at: friday1730 });
    expect(plan.pages.map((p) => p.at)).toEqual(["2026-11-27T09:30:00.000Z", "2026-11-27T09:35:00.000Z"]);
    const due = Object.fromEntries(plan.deadlines.map((d) => [d.key, d.dueAt]));
    expect(due.first_reply).toBe("2026-11-30T01:30:00.000Z"); // Monday 09:30: 30 min on Friday, 30 on Monday
    expect(due.answer_complaint).toBe("2026-12-02T09:30:00.000Z"); // Wednesday 17:30
    expect(due.forward_department).toBe("2026-11-30T09:30:00.000Z"); // Monday 17:30
  });
});
