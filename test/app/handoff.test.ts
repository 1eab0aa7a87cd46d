import { describe, expect, it } from "vitest";
import { armHandoffs, handOff } from "../../src/app/handoff.js";
import { words } from "../../src/core/incident/context.js";
import { timerKeys } from "../../src/core/timers.js";
import { timelineModel } from "../../src/web/pages/timeline-model.js";
import { harness } from "../helpers/app-harness.js";
import { rotationPolicy } from "../helpers/rotation-policy.js";

// `ops` hands over daily at 17:45 Shanghai time: Lee until Friday 17:45, then Eva, then Lee again on Saturday.
describe("the handoff message", () => {
  it("tells the incoming person which open incidents their rotation covers, at each handoff", async () => {
    const h = await harness({ policy: rotationPolicy() });
    await armHandoffs(h.deps);
    await h.as("dana", 'declare urgent "Checkout down"'); // pages ops
    await h.as("lee", "ack #1");
    await h.as("dana", 'declare general "Parcel lost"'); // does not name ops
    const dms = () => h.chat.of("notify").filter((n) => n.text.includes("now on call"));
    await h.advance(14);
    expect(dms()).toEqual([]);
    await h.advance(1); // 17:45
    expect(dms().map((n) => [n.personId, n.text])).toEqual([
      ["eva", "🔁 You are now on call for Ops, which covers the open INC-1 *Checkout down* (Urgent, Acknowledged)."],
    ]);
    await h.advance(24 * 60); // Saturday 17:45: back to Lee
    expect(dms().map((n) => n.personId)).toEqual(["eva", "lee"]);
  });

  it("follows an override: the person it puts on call hears at its start, and nobody at a handoff it cancels", async () => {
    const h = await harness({ policy: rotationPolicy() });
    await armHandoffs(h.deps);
    await h.as("dana", 'declare urgent "Checkout down"');
    await h.as("lee", "ack #1");
    await h.as("ada", 'oncall override ops lee --from "17:40" --to "sat 09:00"'); // Lee keeps it past 17:45
    await h.advance(16);
    expect(h.chat.of("notify").filter((n) => n.text.includes("now on call"))).toEqual([]);
    await h.advance(15 * 60 + 14); // Saturday 09:00: Eva takes over from the override
    expect(
      h.chat
        .of("notify")
        .filter((n) => n.text.includes("now on call"))
        .map((n) => n.personId),
    ).toEqual(["eva"]);
  });

  it("tells nobody twice when a handoff runs again after a crash, and records it once on the incident's timeline", async () => {
    const h = await harness({ policy: rotationPolicy() });
    await armHandoffs(h.deps);
    await h.as("dana", 'declare urgent "Checkout down"');
    await h.as("dana", 'declare urgent "Refunds stuck"');
    await h.advance(15); // 17:45: Eva takes over
    const at = "2026-11-27T09:45:00.000Z";
    const key = timerKeys.handoff("ops", at);
    const dms = () => h.chat.of("notify").filter((n) => n.text.includes("now on call"));
    expect(dms().map((n) => n.personId)).toEqual(["eva", "eva"]);
    // The process died after telling one incident and before retiring the timer: it runs again.
    const second = (await h.store.getByNumber(2))!;
    await h.store.commit({
      incident: { ...second, handoffs: {}, version: second.version + 1 },
      expectedVersion: second.version,
      entries: [],
      addTimers: [],
      cancelTimers: [],
    });
    await handOff(h.deps, key, { kind: "handoff", rotation: "ops", at });
    await h.advance(1);
    expect(dms().map((n) => n.personId)).toEqual(["eva", "eva", "eva"]); // only the incident not yet told
    await handOff(h.deps, key, { kind: "handoff", rotation: "ops", at });
    await h.advance(1);
    expect(dms()).toHaveLength(3);
    const first = (await h.store.timeline((await h.store.getByNumber(1))!.id)).filter((e) => e.type === "handoff");
    expect(first.map((e) => e.data)).toEqual([{ key, rotation: "ops", at, from: "lee", to: "eva" }]);
    const summary = await h.as("dana", "timeline #1");
    expect(summary.text).toContain("Ops handed over: Lee Zhang → Eva Sun, who was told");
    const inc = (await h.store.getByNumber(1))!;
    const chart = timelineModel(words(h.deps.policy), h.deps.cal, inc, await h.store.timeline(inc.id), h.clock.now());
    expect(chart.marks.filter((m) => m.label === "On call: Eva Sun")).toEqual([expect.objectContaining({ lane: "paging" })]);
  });
});
