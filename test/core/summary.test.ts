import { describe, expect, it } from "vitest";
import { renderSummaryMarkdown, summarize } from "../../src/core/summary.js";
import type { Actor } from "../../src/core/model.js";
import type { TimelineEntry } from "../../src/core/timeline.js";
import { defaultPolicy } from "../helpers/default-policy.js";

const dana: Actor = { platform: "test", userId: "dana", name: "Dana", personId: "dana" };
const lee: Actor = { platform: "test", userId: "lee", name: "Lee", personId: "lee" };
const beacon: Actor = { platform: "beacon", userId: "beacon", name: "Beacon" };
const at = (hhmm: string) => `2026-11-27T${String(Number(hhmm.slice(0, 2)) - 8).padStart(2, "0")}:${hhmm.slice(3)}:00.000Z`; // Shanghai wall time

/** An important complaint raised to urgent: one escalation, one missed deadline, one met, a follow-up. */
function knownTimeline(): TimelineEntry[] {
  const raw = [
    {
      type: "declared",
      at: at("10:00"),
      actor: dana,
      data: {
        title: "Wrong goods shipped",
        severity: "important",
        kind: "complaint",
        drill: false,
        customer: "ACME",
        clocks: [
          { key: "start_handling", dueAt: at("11:00"), basis: "wall" },
          { key: "first_reply", dueAt: at("11:00"), basis: "working" },
          { key: "onsite_local", dueAt: "2026-11-28T02:00:00.000Z", basis: "wall" },
        ],
      },
    },
    {
      type: "paged",
      at: at("10:00"),
      actor: dana,
      data: { step: 1, personIds: ["sam", "tao"], notified: [], groups: ["senior", "tech_supervisors"] },
    },
    { type: "escalated", at: at("10:15"), actor: beacon, data: { fromStep: 1, toStep: 2, reason: "timeout" } },
    { type: "paged", at: at("10:15"), actor: beacon, data: { step: 2, personIds: ["lee"], notified: [], groups: ["handling_lead"] } },
    {
      type: "severity_changed",
      at: at("10:20"),
      actor: dana,
      data: {
        from: "important",
        to: "urgent",
        reason: "customer is a hospital",
        clocks: [
          { key: "start_handling", dueAt: at("11:00"), basis: "wall" },
          { key: "first_reply", dueAt: at("11:00"), basis: "working" },
          { key: "onsite_local", dueAt: at("12:00"), basis: "wall" },
        ],
        dropped: [],
      },
    },
    { type: "deadline_missed", at: at("11:00"), actor: beacon, data: { clock: "first_reply", dueAt: at("11:00") } },
    { type: "acknowledged", at: at("10:40"), actor: lee, data: { personId: "lee", afterMinutes: 40 } },
    {
      type: "deadline_met",
      at: at("10:40"),
      actor: lee,
      data: { clock: "start_handling", dueAt: at("11:00"), metAt: at("10:40"), marginMinutes: 20 },
    },
    { type: "note", at: at("10:45"), actor: lee, data: { text: "wrong pallet loaded", source: "command" } },
    { type: "update_posted", at: at("11:30"), actor: lee, data: { audience: "customer", text: "right goods on the way" } },
    { type: "clock_stopped", at: at("11:30"), actor: lee, data: { clock: "first_reply", dueAt: at("11:00"), overdueMinutes: 30 } },
    { type: "resolved", at: at("12:30"), actor: lee, data: { summary: "re-shipped" } },
    {
      type: "deadline_met",
      at: at("12:30"),
      actor: lee,
      data: { clock: "onsite_local", dueAt: at("12:00"), metAt: at("12:30"), marginMinutes: 0 },
    },
    {
      type: "followup_added",
      at: at("12:40"),
      actor: lee,
      data: { id: "F1", text: "Label pallets by order", ownerId: "tao", due: "2026-12-04" },
    },
    { type: "closed", at: at("13:00"), actor: dana, data: { satisfaction: 3 } },
  ];
  return raw.map((e, seq) => ({ ...e, seq }) as TimelineEntry);
}

describe("the after-action summary", () => {
  it("computes the figures reviewers measure from the timeline alone", () => {
    const f = summarize(defaultPolicy(), 7, knownTimeline(), new Date(at("14:00")));
    expect(f).toMatchObject({
      label: "INC-7",
      severity: "urgent",
      timeToAcknowledgeMinutes: 40,
      timeToFirstResponseMinutes: 90,
      timeToResolveMinutes: 150,
      durationMinutes: 180,
      escalations: 1,
      satisfaction: 3,
    });
    const byKey = Object.fromEntries(f.deadlines.map((d) => [d.key, d]));
    expect(byKey.start_handling).toMatchObject({ outcome: "met", marginMinutes: 20 });
    expect(byKey.first_reply).toMatchObject({ outcome: "missed", lateMinutes: 30 });
    expect(byKey.onsite_local).toMatchObject({ outcome: "met", dueAt: at("12:00") });
    expect(f.severityChanges).toEqual([{ at: at("10:20"), from: "important", to: "urgent", reason: "customer is a hospital" }]);
    expect(f.followUps).toEqual([{ id: "F1", text: "Label pallets by order", ownerId: "tao", due: "2026-12-04", status: "open" }]);
    expect(f.people.find((p) => p.personId === "lee")!.roles).toEqual(expect.arrayContaining(["paged", "acknowledged"]));
  });

  it("renders a Markdown table of every deadline and the full timeline", () => {
    const md = renderSummaryMarkdown(defaultPolicy(), summarize(defaultPolicy(), 7, knownTimeline(), new Date(at("14:00"))));
    expect(md).toContain("# INC-7 Wrong goods shipped — After-action summary");
    expect(md).toContain("| Start emergency handling | Fri 27 Nov 11:00 | ✅ met, 20 min to spare |");
    expect(md).toContain("| First written reply | Fri 27 Nov 11:00 | ❌ missed by 30 min |");
    expect(md).toContain("Important → Urgent (customer is a hospital)");
    expect(md).toContain("- [ ] F1 Label pallets by order (owner Tao Li, due 2026-12-04)");
    expect(md).toContain("Fri 27 Nov 10:45  Lee Zhang · note: wrong pallet loaded");
  });

  it("renders in Chinese when the policy says so", () => {
    const md = renderSummaryMarkdown(defaultPolicy("zh"), summarize(defaultPolicy("zh"), 7, knownTimeline(), new Date(at("14:00"))));
    expect(md).toContain("事件总结评估");
    expect(md).toContain("## 响应时限");
    expect(md).toContain("| 首次书面答复 | 11月27日 周五 11:00 | ❌ 超时 30分钟 |");
  });

  it("counts a deadline still running past its due time as missed so far", () => {
    const entries = knownTimeline().slice(0, 4);
    const f = summarize(defaultPolicy(), 7, entries, new Date(at("11:10")));
    expect(f.deadlines.find((d) => d.key === "first_reply")).toMatchObject({ outcome: "missed", lateMinutes: 10 });
    expect(f.deadlines.find((d) => d.key === "onsite_local")).toMatchObject({ outcome: "running" });
  });

  it("labels a drill so it is never mistaken for a real incident", () => {
    const entries = knownTimeline();
    (entries[0]!.data as { drill: boolean }).drill = true;
    const md = renderSummaryMarkdown(defaultPolicy(), summarize(defaultPolicy(), 7, entries, new Date(at("14:00"))));
    expect(md).toMatch(/^# \[DRILL\] INC-7/);
    expect(md).toContain("kept out of every figure");
  });
});
