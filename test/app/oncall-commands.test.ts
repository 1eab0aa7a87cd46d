import { describe, expect, it } from "vitest";
import { armHandoffs } from "../../src/app/handoff.js";
import { policySchema } from "../../src/core/policy/schema.js";
import { harness } from "../helpers/app-harness.js";
import { rotationPolicy } from "../helpers/rotation-policy.js";

// Friday 27 November 2026 17:30 Shanghai: Lee is on call for `ops` until 17:45, then Eva for a day.

describe("the on-call commands", () => {
  it("says who is on call now and next, per rotation", async () => {
    const h = await harness({ policy: rotationPolicy() });
    const reply = await h.as("dana", "oncall");
    expect(reply.text).toBe(
      ["*Ops*: Lee Zhang until Fri 27 Nov 17:45, then Eva Sun until Sat 28 Nov 17:45", "*Duty*: Liu Yang"].join("\n"),
    );
    expect((await h.as("dana", "oncall ops")).text).toBe("*Ops*: Lee Zhang until Fri 27 Nov 17:45, then Eva Sun until Sat 28 Nov 17:45");
    const unknown = await h.as("dana", "oncall nightwatch");
    expect(unknown.error).toBe(true);
    expect(unknown.text).toMatch(/Unknown rotation "nightwatch". Rotations: ops, duty/);
  });

  it("adds an override that starts mid-shift, lists it, and pages its person when a step fires", async () => {
    const h = await harness({ policy: rotationPolicy() });
    const added = await h.as("ada", 'oncall override ops max --from "17:40" --to "sat 09:00"');
    expect(added.text).toBe("Max Zhou is on call for Ops from Fri 27 Nov 17:40 to Sat 28 Nov 09:00.");
    expect((await h.as("dana", "oncall list")).text).toBe(
      "`000001` *Ops*: Max Zhou from Fri 27 Nov 17:40 to Sat 28 Nov 09:00 (added by Ada Qian)",
    );
    await h.advance(10);
    expect((await h.as("dana", "oncall ops")).text).toBe("*Ops*: Max Zhou until Sat 28 Nov 09:00, then Eva Sun until Sat 28 Nov 17:45");
    await h.as("dana", 'declare urgent "Checkout down"');
    expect(h.chat.of("page").map((p) => p.personId)).toEqual(["max"]);
  });

  it("swaps two people's shifts: each covers the other's within the window", async () => {
    const h = await harness({ policy: rotationPolicy() });
    // Eva has Fri 17:45 – Sat 17:45, Lee Sat 17:45 – Sun 17:45.
    const reply = await h.as("lee", 'oncall swap ops lee eva --from "fri 17:45" --to "sun 17:45"');
    expect(reply.text).toBe("Lee Zhang and Eva Sun swapped 2 shifts on Ops.");
    expect((await h.as("dana", "oncall list")).text).toBe(
      [
        "`000001` *Ops*: Lee Zhang from Fri 27 Nov 17:45 to Sat 28 Nov 17:45 (added by Lee Zhang), covering Eva Sun",
        "`000002` *Ops*: Eva Sun from Sat 28 Nov 17:45 to Sun 29 Nov 17:45 (added by Lee Zhang), covering Lee Zhang",
      ].join("\n"),
    );
    // Lee's own shift runs into his cover of Eva's; Eva's cover of Lee's runs into her own next shift.
    expect((await h.as("dana", "oncall ops")).text).toBe("*Ops*: Lee Zhang until Sat 28 Nov 17:45, then Eva Sun until Mon 30 Nov 17:45");
    const none = await h.as("lee", 'oncall swap ops max tao --from "sat 09:00" --to "sun 09:00"');
    expect(none.text).toMatch(/Neither of them is on call for ops/);
  });

  it("refuses an override that ends before it starts, and one by someone the policy does not allow", async () => {
    const strict = rotationPolicy();
    const h = await harness({ policy: policySchema.parse({ ...strict, permissions: { ...strict.permissions, oncall: ["leadership"] } }) });
    const backwards = await h.as("ada", 'oncall override ops max --from "sat 09:00" --to "fri 18:00"');
    expect(backwards.text).toMatch(/The end must come after the start/);
    const denied = await h.as("dana", 'oncall override ops max --from "sat 09:00" --to "sun 09:00"');
    expect(denied.error).toBe(true);
    expect(denied.text).toMatch(/not allowed to change who is on call \(policy: leadership\)/);
    expect(await h.store.overrides()).toEqual([]);
  });
});

describe("taking back an override or a swap", () => {
  it("cancels an override to come by the reference the list shows: the schedule applies again", async () => {
    const h = await harness({ policy: rotationPolicy() });
    await h.as("ada", 'oncall override ops max --from "sat 09:00" --to "sun 09:00"');
    const reply = await h.as("ada", "oncall cancel 000001");
    expect(reply.text).toBe("Cancelled: Max Zhou on call for Ops from Sat 28 Nov 09:00 to Sun 29 Nov 09:00. The schedule applies again.");
    expect((await h.as("dana", "oncall list")).text).toBe("No overrides running or to come.");
    expect(await h.store.overrides()).toEqual([]);
    expect((await h.as("dana", "oncall ops")).text).toBe("*Ops*: Lee Zhang until Fri 27 Nov 17:45, then Eva Sun until Sat 28 Nov 17:45");
  });

  it("ends a running override now, and the person the schedule puts back hears of the open incidents at once", async () => {
    const h = await harness({ policy: rotationPolicy() });
    await armHandoffs(h.deps);
    await h.as("ada", 'oncall override ops max --from "17:31" --to "sat 09:00"');
    await h.advance(2); // 17:32: Max covers Ops
    await h.as("dana", 'declare urgent "Checkout down"');
    expect(h.chat.of("page").map((p) => p.personId)).toEqual(["max"]);
    await h.advance(3); // 17:35
    const reply = await h.as("ada", "oncall cancel 000001");
    expect(reply.text).toMatch(/^Cancelled: Max Zhou on call for Ops from Fri 27 Nov 17:31 to Sat 28 Nov 09:00\./);
    await h.advance(0);
    const told = () => h.chat.of("notify").filter((n) => n.text.includes("now on call"));
    expect(told().map((n) => n.personId)).toEqual(["lee"]);
    const [kept] = await h.store.overrides();
    expect(kept).toMatchObject({ personId: "max", from: "2026-11-27T09:31:00.000Z", to: "2026-11-27T09:35:00.000Z" }); // who was on call stays true
    expect((await h.as("dana", "oncall ops")).text).toBe("*Ops*: Lee Zhang until Fri 27 Nov 17:45, then Eva Sun until Sat 28 Nov 17:45");
    await h.advance(10); // 17:45: the schedule's own handoff still comes
    expect(told().map((n) => n.personId)).toEqual(["lee", "eva"]);
  });

  it("takes back both halves of a swap when either is named", async () => {
    const h = await harness({ policy: rotationPolicy() });
    await h.as("lee", 'oncall swap ops lee eva --from "fri 17:45" --to "sun 17:45"');
    const reply = await h.as("lee", "oncall cancel 000002");
    expect(reply.text).toBe("Cancelled the swap of Lee Zhang and Eva Sun on Ops (2 shifts). The schedule applies again.");
    expect(await h.store.overrides()).toEqual([]);
    expect((await h.as("dana", "oncall ops")).text).toBe("*Ops*: Lee Zhang until Fri 27 Nov 17:45, then Eva Sun until Sat 28 Nov 17:45");
  });

  it("answers an unknown reference, one already over, and someone the policy does not allow, and changes nothing", async () => {
    const strict = rotationPolicy();
    const h = await harness({ policy: policySchema.parse({ ...strict, permissions: { ...strict.permissions, oncall: ["leadership"] } }) });
    await h.as("ada", 'oncall override ops max --from "17:31" --to "17:40"');
    const unknown = await h.as("ada", "oncall cancel beef42");
    expect(unknown.error).toBe(true);
    expect(unknown.text).toMatch(/No override or swap "beef42": \/incident oncall list shows each one's reference\./);
    const denied = await h.as("dana", "oncall cancel 000001");
    expect(denied.error).toBe(true);
    expect(denied.text).toMatch(/not allowed to change who is on call/);
    await h.advance(15); // 17:45: it is over
    const over = await h.as("ada", "oncall cancel 000001");
    expect(over.error).toBe(true);
    expect(over.text).toMatch(/The override 000001 on ops is already over: nothing to cancel\./);
    expect(await h.store.overrides()).toEqual([expect.objectContaining({ to: "2026-11-27T09:40:00.000Z" })]);
  });
});

describe("the plan simulator with rotations", () => {
  it("answers who is paged for an urgent complaint next Saturday at 03:00, overrides included", async () => {
    const h = await harness({ policy: rotationPolicy() });
    const plan = await h.as("dana", 'plan urgent complaint --at "sat 03:00"');
    // Eva's shift runs Fri 17:45 – Sat 17:45.
    expect(plan.text).toContain("Sat 28 Nov 03:00  step 1: Eva Sun; informs Liu Yang (on call: Ops → Eva Sun, Duty → Liu Yang)");
    expect(plan.text).toContain("Sat 28 Nov 03:16  step 2: Eva Sun (on call: Ops → Eva Sun)");
    await h.as("ada", 'oncall override ops max --from "sat 03:10" --to "sat 09:00"');
    const covered = await h.as("dana", 'plan urgent complaint --at "sat 03:00"');
    expect(covered.text).toContain("Sat 28 Nov 03:00  step 1: Eva Sun;");
    expect(covered.text).toContain("Sat 28 Nov 03:16  step 2: Max Zhou (on call: Ops → Max Zhou)");
  });

  it("shows the people a kind adds to the first step (crisis PR pages the liaison)", async () => {
    const h = await harness();
    const plan = await h.as("dana", "plan urgent pr");
    expect(plan.text).toMatch(/step 1: Lee Zhang, Eva Sun, Max Zhou, Liu Yang; informs Ada Qian, Bo Xu\n/);
  });
});
