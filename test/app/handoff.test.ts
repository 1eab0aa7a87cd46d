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

  it("tells nobody twice when a handoff runs again after a crash, and records it once on each incident's timeline", async () => {
    const h = await harness({ policy: rotationPolicy() });
    await h.as("dana", 'declare urgent "Checkout down"');
    await h.as("dana", 'declare urgent "Refunds stuck"');
    await h.advance(15); // 17:45: Eva takes over (no handoff armed: this test runs it by hand)
    const at = "2026-11-27T09:45:00.000Z";
    const key = timerKeys.handoff("ops", at);
    const payload = { kind: "handoff", rotation: "ops", at } as const;
    await h.store.enqueue([{ key, dueAt: at, payload }]);
    const dms = () => h.chat.of("notify").filter((n) => n.text.includes("now on call"));
    // The process dies after telling one incident, before the other and before the timer is retired.
    const commit = h.store.commit.bind(h.store);
    let commits = 0;
    h.store.commit = async (c) => {
      if (++commits === 2) throw new Error("the process died");
      return commit(c);
    };
    await expect(handOff(h.deps, key, payload)).rejects.toThrow("the process died");
    h.store.commit = commit;
    await h.advance(0);
    expect(dms().map((n) => n.text.match(/INC-\d/)![0])).toEqual(["INC-2"]);
    expect(await h.store.timer(key)).toMatchObject({ state: "pending" });
    // Back up, the timer runs again: only the incident not yet told hears of it, and again it is silent.
    await handOff(h.deps, key, payload);
    await h.advance(0);
    expect(dms().map((n) => [n.personId, n.text.match(/INC-\d/)![0]])).toEqual([
      ["eva", "INC-2"],
      ["eva", "INC-1"],
    ]);
    await handOff(h.deps, key, payload);
    await h.advance(0);
    expect(dms()).toHaveLength(2);
    for (const n of [1, 2]) {
      const handoffs = (await h.store.timeline((await h.store.getByNumber(n))!.id)).filter((e) => e.type === "handoff");
      expect(handoffs.map((e) => e.data)).toEqual([{ key, rotation: "ops", at, from: "lee", to: "eva" }]);
    }
    const summary = await h.as("dana", "timeline #1");
    expect(summary.text).toContain("Ops handed over: Lee Zhang → Eva Sun, who was told");
    const inc = (await h.store.getByNumber(1))!;
    const chart = timelineModel(words(h.deps.policy), h.deps.cal, inc, await h.store.timeline(inc.id), h.clock.now());
    expect(chart.marks.filter((m) => m.label === "On call: Eva Sun")).toEqual([expect.objectContaining({ lane: "paging" })]);
  });
});
