import { describe, expect, it } from "vitest";
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
    expect((await h.as("dana", "oncall list")).text).toBe("*Ops*: Max Zhou from Fri 27 Nov 17:40 to Sat 28 Nov 09:00 (added by Ada Qian)");
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
        "*Ops*: Lee Zhang from Fri 27 Nov 17:45 to Sat 28 Nov 17:45 (added by Lee Zhang), covering Eva Sun",
        "*Ops*: Eva Sun from Sat 28 Nov 17:45 to Sun 29 Nov 17:45 (added by Lee Zhang), covering Lee Zhang",
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
