import { describe, expect, it } from "vitest";
import { computeFigures } from "../../src/core/figures.js";
import type { ClockState, Incident } from "../../src/core/model.js";
import { harness, type Harness } from "../helpers/app-harness.js";
import { defaultPolicy } from "../helpers/default-policy.js";

// The deadlines of the plans, through an incident's whole life, with due
// times worked out by hand from the default policy (Asia/Shanghai, open
// 09:00–18:00 Monday to Friday). Tuesday 1 December 2026, 10:00 local is
// 02:00Z.

const TUESDAY_10 = new Date("2026-12-01T02:00:00Z");
const local = (hhmm: string, day = "2026-12-01") => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

const incident = async (h: Harness, n = 1) => (await h.store.getByNumber(n))!;
const clock = (inc: Incident, key: string): ClockState => inc.clocks.filter((c) => c.key === key).at(-1)!;
const entries = async (h: Harness, n = 1) => h.store.timeline((await incident(h, n)).id);
const types = async (h: Harness, n = 1) => (await entries(h, n)).map((e) => e.type);
const notices = (h: Harness, personId: string) =>
  h.chat
    .of("notify")
    .filter((c) => c.personId === personId)
    .map((c) => c.text);

describe("honest deadlines", () => {
  it("judges no deadline at the resolve; at the close the undone ones are not met, and compliance shows it", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare urgent "Freezer failed at the depot" --kind complaint --onsite local --claim');
    await h.advance(5);
    await h.as("lee", "ack #1");
    await h.advance(10);
    await h.as("lee", "resolve #1 Nothing to see");
    let inc = await incident(h);
    // Resolving met nothing: the reply, the visit, the forwarding and the claim are still open.
    for (const key of ["first_reply", "onsite_local", "forward_department", "answer_complaint", "compensation", "customer_feedback"]) {
      expect(clock(inc, key).stoppedAt ?? clock(inc, key).notMetAt, key).toBeUndefined();
    }
    expect(clock(inc, "start_handling").stoppedAt).toBe(local("10:05"));
    const summary = (await h.as("dana", "summary #1")).text;
    expect(summary).toMatch(/\| First written reply \| Tue 1 Dec 11:00 \| ⏳ still running \|/);
    expect(summary).not.toMatch(/Forward to the responsible department \| [^|]+ \| ✅/);

    await h.as("liu", "accept #1");
    await h.as("dana", "close #1");
    inc = await incident(h);
    expect(clock(inc, "first_reply").notMetAt).toBe(local("10:15"));
    expect((await entries(h)).filter((e) => e.type === "deadline_not_met").map((e) => (e.data as { clock: string }).clock)).toEqual(
      expect.arrayContaining([
        "first_reply",
        "onsite_local",
        "forward_department",
        "answer_complaint",
        "compensation",
        "customer_feedback",
      ]),
    );
    const f = computeFigures([inc], h.clock.now(), "Asia/Shanghai");
    expect(f.compliance.overall).toMatchObject({ met: 2, missed: 0, notMet: 6 }); // start handling and the acceptance only
    expect(f.compliance.overall.rate).toBeCloseTo(2 / 8);
    expect((await h.as("dana", "summary #1")).text).toMatch(/\| First written reply \| Tue 1 Dec 11:00 \| ✖ not met/);
  });

  it("keeps a reopened incident's deadlines running, starts the reply-after-reopening clock, and misses what falls due", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare general "Refund refused" --kind complaint --claim');
    await h.as("lin", "ack #1");
    await h.as("lin", "update #1 customer We are looking into it");
    await h.as("lin", "resolve #1 Refund granted");
    await h.as("liu", "accept #1");
    await h.as("dana", "close #1");
    await h.advance(60);
    await h.as("dana", "reopen #1 The refund never arrived");
    const inc = await incident(h);
    expect(inc.status).toBe("acknowledged");
    // Reply within one working hour of the reopening (11:00 → 12:00).
    expect(clock(inc, "reopen_reply")).toMatchObject({ startedAt: local("11:00"), dueAt: local("12:00") });
    await h.advance(61);
    expect((await entries(h)).some((e) => e.type === "deadline_missed" && (e.data as { clock: string }).clock === "reopen_reply")).toBe(
      true,
    );
  });

  it("counts a raise from its own time: a general complaint acknowledged at 10:00 and raised to urgent at 13:00 must have someone on site by 15:00", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare general "Broken cold room" --kind complaint --onsite local');
    expect(clock(await incident(h), "onsite_agreed").dueAt).toBe(local("10:00", "2026-12-03")); // agree a visit within 48 h
    await h.as("lin", "ack #1");
    await h.advance(180);
    const missedBefore = (await types(h)).filter((t) => t === "deadline_missed").length;
    expect((await h.as("lee", "sev #1 urgent The customer's stock is spoiling")).text).toMatch(/now Urgent/);
    const inc = await incident(h);
    expect(clock(inc, "onsite_local")).toMatchObject({ startedAt: local("13:00"), dueAt: local("15:00") });
    expect(clock(inc, "onsite_agreed").cancelledAt).toBe(local("13:00"));
    expect((await types(h)).filter((t) => t === "deadline_missed").length).toBe(missedBefore); // nothing missed by the raise itself
    // The urgent plan pages its first step and must be acknowledged again; the informed hear who raised it and why.
    expect(h.chat.of("page").map((p) => p.personId)).toEqual(expect.arrayContaining(["lee", "eva", "max"]));
    for (const p of ["ada", "bo", "liu"])
      expect(notices(h, p).at(-1)).toMatch(/Raised from General to Urgent by Lee Zhang: The customer's stock is spoiling/);
    expect(inc.paging.ackedAt).toBeUndefined();
    await h.advance(6);
    expect((await entries(h)).filter((e) => e.type === "escalated").at(-1)!.data).toMatchObject({ toStep: 2, reason: "timeout" });
    await h.as("eva", "ack #1");
    expect((await incident(h)).paging.ackedAt).toBe(local("13:06"));
  });

  it("lowers with a stand-down: the escalation stops, the people paged for the higher level are released, the lower plan is paged", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare urgent "Checkout slow" --kind system');
    await h.advance(2);
    await h.as("dana", "sev #1 general Only one store affected");
    for (const p of ["lee", "eva", "max"]) expect(notices(h, p).at(-1)).toMatch(/Stand down: INC-1 \*Checkout slow\* is now General/);
    expect(h.chat.of("page").at(-1)!.personId).toBe("lin");
    const inc = await incident(h);
    expect(inc.pages.filter((p) => p.stoodDownAt).map((p) => p.personId)).toEqual(["lee", "eva", "max"]);
    await h.advance(10); // past the urgent plan's 5-minute wait: no escalation to the leadership
    expect(await types(h)).not.toContain("escalated");
    expect(await types(h)).toContain("stood_down");
  });

  it("informs the leadership of a system failure at once, whatever its severity", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare general "Ticketing down" --kind system');
    for (const p of ["ada", "bo"]) expect(notices(h, p)).toEqual([expect.stringMatching(/For your information: INC-1 \*Ticketing down\*/)]);
    expect(h.chat.of("page").map((p) => p.personId)).toEqual(["lin"]);
  });

  it("brings the liaison in for crisis PR", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare important "Video of a rude courier" --kind pr');
    expect(
      h.chat
        .of("page")
        .map((p) => p.personId)
        .sort(),
    ).toEqual(["liu", "sam", "tao"]);
  });

  it("reports a missed deadline upward once, acknowledged or not: to the leadership when urgent, to the handling lead otherwise", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare urgent "Warehouse flooded" --kind complaint');
    await h.as("lee", "ack #1");
    await h.advance(61); // the first written reply was due at 11:00
    for (const p of ["ada", "bo"]) expect(notices(h, p).filter((t) => /Deadline missed/.test(t))).toHaveLength(1);
    await h.as("dana", 'declare important "Invoices late" --kind complaint');
    await h.as("sam", "ack #2");
    await h.advance(61);
    expect(notices(h, "lee").filter((t) => /Deadline missed on INC-2/.test(t))).toHaveLength(1);
    expect(notices(h, "ada").filter((t) => /INC-2/.test(t))).toEqual([]);
  });

  it("refuses a close the customer did not accept, and reopens on a refusal with the reason on the timeline", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare general "Wrong colour delivered" --kind complaint');
    await h.as("lin", "ack #1");
    await h.as("lin", "resolve #1 Exchanged");
    expect(clock(await incident(h), "acceptance")).toMatchObject({ startedAt: local("10:00"), dueAt: local("10:00", "2026-12-02") });
    const closing = await h.as("dana", "close #1");
    expect(closing.error).toBe(true);
    expect(closing.text).toMatch(/cannot be closed before the customer accepts/);
    await h.advance(30);
    await h.as("liu", "refuse #1 Still the wrong colour");
    const inc = await incident(h);
    expect(inc.status).toBe("acknowledged");
    expect(clock(inc, "acceptance").cancelledAt).toBe(local("10:30"));
    expect(clock(inc, "reopen_reply")).toMatchObject({ startedAt: local("10:30"), dueAt: local("11:30") });
    expect((await entries(h)).find((e) => e.type === "refused")!.data).toEqual({ reason: "Still the wrong colour" });
  });

  it("starts the return call at the close, owned by the liaison, and records its miss", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare general "Late parcel" --kind complaint');
    await h.as("lin", "ack #1");
    await h.as("lin", "role #1 liaison liu");
    await h.as("lin", "resolve #1 Delivered");
    await h.as("liu", "accept #1 --satisfaction 3");
    await h.as("dana", "close #1");
    const call = clock(await incident(h), "return_call");
    expect(call.dueAt).toBe(local("10:00", "2026-12-04")); // three working days: Friday 10:00
    expect(notices(h, "liu").at(-1)).toMatch(/please call the customer back by Fri 4 Dec 10:00/);
    await h.advance(3 * 24 * 60 + 1);
    expect((await entries(h)).some((e) => e.type === "deadline_missed" && (e.data as { clock: string }).clock === "return_call")).toBe(
      true,
    );
    await h.as("liu", "callback #1 unreached");
    expect((await incident(h)).returnCall).toMatchObject({ reached: false });
    await h.as("liu", "callback #1 reached --satisfaction 5");
    const inc = await incident(h);
    expect(inc.satisfaction).toBe(5); // the return call's score replaces the acceptance's, counted once
    expect(computeFigures([inc], h.clock.now(), "Asia/Shanghai").satisfaction).toEqual({ n: 1, mean: 5, scores: { "5": 1 } });
  });

  it("starts a claim's or a visit's deadline when it is recorded during the incident", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare important "Damaged sofa" --kind complaint');
    await h.advance(60);
    await h.as("dana", "claim #1");
    await h.as("dana", "onsite #1 remote");
    const inc = await incident(h);
    expect(clock(inc, "compensation")).toMatchObject({ startedAt: local("11:00"), dueAt: local("11:00", "2026-12-15") }); // ten working days
    expect(clock(inc, "onsite_remote")).toMatchObject({ startedAt: local("11:00"), dueAt: local("11:00", "2026-12-03") }); // 48 h important
  });

  it("waives a deadline only for those the policy allows, lists it apart, and never counts it", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare general "Gift card not working" --kind complaint');
    const refused = await h.as("dana", "waive #1 forward_department No other department");
    expect(refused.text).toMatch(/not allowed to waive deadlines of incidents/);
    await h.as("lee", "waive #1 forward_department No other department");
    const inc = await incident(h);
    expect(clock(inc, "forward_department")).toMatchObject({ waivedBy: "lee", waiveReason: "No other department" });
    expect(computeFigures([inc], h.clock.now(), "Asia/Shanghai").compliance.byClock.forward_department).toEqual({
      met: 0,
      missed: 0,
      notMet: 0,
      waived: 1,
    });
    expect((await h.as("dana", "summary #1")).text).toMatch(/🏳️ waived by Lee Zhang: No other department/);
  });

  it("lets only the people the plans name change the severity or reopen, each with its own refusal", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare general "Printer jam" --kind complaint');
    expect((await h.as("sam", "sev #1 urgent bigger than it looked")).text).toMatch(/not allowed to change the severity of incidents/);
    await h.as("lin", "resolve #1 Cleared");
    expect((await h.as("lin", "reopen #1 jammed again")).text).toMatch(/not allowed to reopen incidents/);
  });

  it("runs a drill declared with the drill kind through the complaint flow, labelled for everyone it reaches", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare urgent "Practice: spoiled delivery" --kind drill');
    const inc = await incident(h);
    expect(inc).toMatchObject({ kind: "complaint", drill: true });
    expect(inc.clocks.map((c) => c.key)).toEqual(expect.arrayContaining(["start_handling", "answer_complaint"]));
    for (const p of ["ada", "bo", "liu"]) expect(notices(h, p)[0]).toMatch(/^\[DRILL\] /);
  });

  it("answers the complaint only with an update marked as the answer", async () => {
    const h = await harness({ at: TUESDAY_10 });
    await h.as("dana", 'declare general "Wrong invoice" --kind complaint');
    await h.as("lin", "update #1 customer We received your complaint");
    expect(clock(await incident(h), "answer_complaint").stoppedAt).toBeUndefined();
    expect((await h.as("lin", "update #1 internal --answer nothing")).text).toMatch(/Only an update to the customer/);
    await h.as("lin", "update #1 customer --answer The invoice is corrected and re-sent");
    expect(clock(await incident(h), "answer_complaint").stoppedAt).toBe(local("10:00"));
  });

  it("plays a complaint declared on 31 December 2026 at 17:45 across the 2027 New Year holiday, and warns that the holiday list ends", async () => {
    const h = await harness({ at: new Date("2026-12-31T09:45:00Z") });
    await h.as("dana", 'declare general "Year-end order lost" --kind complaint');
    const inc = await incident(h);
    // 15 working minutes on Thursday; Friday 1 January is a holiday, then the weekend: Monday 4 January 09:45.
    expect(clock(inc, "first_reply").dueAt).toBe(local("09:45", "2027-01-04"));
    expect(clock(inc, "forward_department").dueAt).toBe(local("17:45", "2027-01-04"));
    expect(clock(inc, "answer_complaint").dueAt).toBe(local("17:45", "2027-01-06"));
    const plan = (await h.as("dana", 'plan general complaint --at "2026-12-31 17:45"')).text;
    expect(plan).toMatch(/Mon 4 Jan 09:45 {2}First written reply/);
    expect(plan).toMatch(/public holidays end on 2026-12-31/);
  });
});

describe("honest deadlines, in Chinese", () => {
  it("tells a raise, a stand-down, the acceptance, the refusal and a missed deadline in Chinese", async () => {
    const h = await harness({ at: TUESDAY_10, policy: defaultPolicy("zh") });
    await h.as("dana", 'declare general "冷库故障" --kind complaint --onsite local');
    await h.as("lin", "ack #1");
    await h.advance(180);
    await h.as("lee", "sev #1 urgent 客户库存正在变质");
    expect(notices(h, "ada").at(-1)).toMatch(/Lee Zhang 将级别由一般升级为紧急：客户库存正在变质/);
    expect(clock(await incident(h), "onsite_local").dueAt).toBe(local("15:00"));
    await h.as("dana", "sev #1 important 已控制");
    expect(notices(h, "max").at(-1)).toMatch(/解除呼叫：INC-1 \*冷库故障\* 已调整为重要级/);
    await h.as("sam", "ack #1");
    await h.as("sam", "resolve #1 已修复");
    expect((await h.as("dana", "close #1")).text).toMatch(/客户验收之前不能结案/);
    await h.as("liu", "refuse #1 温度仍然偏高");
    expect(h.chat.posts().some((t) => /客户未通过验收（Liu Yang 记录）：温度仍然偏高/.test(t))).toBe(true);
    await h.advance(24 * 60);
    expect(notices(h, "lee").some((t) => /时限超时：.*应于/.test(t) || /INC-1 \*冷库故障\*（重要）时限超时/.test(t))).toBe(true);
  });
});
