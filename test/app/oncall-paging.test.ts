import { describe, expect, it } from "vitest";
import { policySchema } from "../../src/core/policy/schema.js";
import { harness } from "../helpers/app-harness.js";
import { defaultPolicy } from "../helpers/default-policy.js";
import { rotationPolicy } from "../helpers/rotation-policy.js";

describe("paging a rotation", () => {
  it("freezes the rotation onto the plan and pages whoever is on call when each step fires", async () => {
    const h = await harness({ policy: rotationPolicy() });
    await h.as("dana", 'declare urgent "Checkout down"');
    const inc = (await h.store.getByNumber(1))!;
    expect(inc.paging.steps[0]).toMatchObject({ page: [], notify: [], rotations: { page: ["ops"], notify: ["duty"] } });
    expect(h.chat.of("page").map((p) => p.personId)).toEqual(["lee"]);
    expect(h.chat.of("notify").map((n) => n.personId)).toEqual(["liu"]);

    await h.advance(15); // 17:45: Eva takes over; the wait has a minute left
    expect(h.chat.of("page").map((p) => p.personId)).toEqual(["lee"]);
    await h.advance(1); // 17:46: step 2 fires and reaches the incoming person
    expect(h.chat.of("page").map((p) => p.personId)).toEqual(["lee", "eva"]);

    const paged = (await h.store.timeline(inc.id)).filter((e) => e.type === "paged").map((e) => e.data);
    expect(paged).toEqual([
      expect.objectContaining({
        step: 1,
        personIds: ["lee"],
        notified: ["liu"],
        onCall: [
          { rotation: "ops", personId: "lee" },
          { rotation: "duty", personId: "liu" },
        ],
      }),
      expect.objectContaining({ step: 2, personIds: ["eva"], onCall: [{ rotation: "ops", personId: "eva" }] }),
    ]);
  });

  it("pages the person a stored override puts on call, from the override's start", async () => {
    const h = await harness({ policy: rotationPolicy() });
    await h.store.addOverrides([
      {
        id: "o1",
        rotation: "ops",
        personId: "max",
        from: "2026-11-27T09:40:00.000Z", // 17:40, after the first step and before the second
        to: "2026-11-27T12:00:00.000Z",
        createdBy: "ada",
        createdAt: "2026-11-27T09:00:00.000Z",
      },
    ]);
    await h.as("dana", 'declare urgent "Checkout down"');
    await h.advance(16);
    expect(h.chat.of("page").map((p) => p.personId)).toEqual(["lee", "max"]);
  });

  it("lets the person a rotation resolved to acknowledge the page", async () => {
    const h = await harness({ policy: rotationPolicy() });
    await h.as("dana", 'declare urgent "Checkout down"');
    const reply = await h.as("lee", "ack #1");
    expect(reply.text).toMatch(/You acknowledged INC-1/);
  });

  it("refuses a paging step naming a rotation the policy does not define", () => {
    const base = defaultPolicy();
    const result = policySchema.safeParse({
      ...base,
      severities: { ...base.severities, urgent: { ...base.severities.urgent, paging: [{ page: ["nightwatch"] }] } },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('unknown person, group or rotation "nightwatch"');
  });
});
