import { afterEach, describe, expect, it, vi } from "vitest";
import { ManualClock } from "../../src/infra/clocks.js";
import { LocalScheduler } from "../../src/infra/local-scheduler.js";
import { silentLogger } from "../../src/ports/logger.js";
import { MemoryStore } from "../fakes/memory-store.js";

const T = new Date("2026-11-27T09:30:00.000Z");
const due = (key: string) => ({
  key,
  dueAt: T.toISOString(),
  payload: { kind: "escalate" as const, incidentId: "x", generation: 1, step: 0 },
});

async function blockedRun(concurrency: number | undefined) {
  const scheduler = new LocalScheduler({
    store: new MemoryStore(),
    clock: new ManualClock(T),
    log: silentLogger,
    auto: false,
    concurrency,
  });
  const started: string[] = [];
  const release: Array<() => void> = [];
  await scheduler.start((key) => {
    started.push(key);
    return new Promise<void>((r) => release.push(r));
  });
  await scheduler.arm(["a", "b", "c", "d", "e"].map(due));
  const run = scheduler.runDue();
  await new Promise((r) => setImmediate(r));
  const before = [...started];
  for (let i = 0; i < 5; i++) {
    release.splice(0).forEach((r) => r());
    await new Promise((r) => setImmediate(r));
  }
  return { before, fired: await run, all: started };
}

describe("the in-process scheduler", () => {
  it("runs due timers one at a time in due order unless told otherwise (a script prints the same every time)", async () => {
    const { before, fired, all } = await blockedRun(undefined);
    expect(before).toEqual(["a"]);
    expect(fired).toBe(5);
    expect(all).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("runs up to its concurrency of due timers at once, and all of them in the end", async () => {
    const { before, fired, all } = await blockedRun(3);
    expect(before).toEqual(["a", "b", "c"]);
    expect(fired).toBe(5);
    expect(all.sort()).toEqual(["a", "b", "c", "d", "e"]);
  });

  describe("running by itself", () => {
    afterEach(() => vi.useRealTimers());

    it("fires a timer its handler left pending for later (a lease that ends) once the ledger sweep finds it due", async () => {
      vi.useFakeTimers({ now: T });
      const store = new MemoryStore();
      const clock = { now: () => new Date(Date.now()) };
      const scheduler = new LocalScheduler({ store, clock, log: silentLogger, auto: true });
      const runs: string[] = [];
      await scheduler.start(async (key) => {
        runs.push(new Date(Date.now()).toISOString());
        // The first run takes a two-minute lease and leaves the timer pending, as a delivery runner that gave up does.
        if (runs.length === 1) await store.retryTimer(key, new Date(Date.now() + 120_000), due(key).payload);
        else await store.retireTimer(key, new Date(Date.now()));
      });
      await store.enqueue([due("leased")]);
      await scheduler.arm([due("leased")]);
      await vi.advanceTimersByTimeAsync(10);
      expect(runs).toEqual(["2026-11-27T09:30:00.000Z"]);
      await vi.advanceTimersByTimeAsync(4 * 60_000);
      expect(runs).toHaveLength(2);
      expect(Date.parse(runs[1]!) - T.getTime()).toBeGreaterThanOrEqual(120_000);
      expect(Date.parse(runs[1]!) - T.getTime()).toBeLessThanOrEqual(120_000 + 60_000 + 30_000);
      expect(await store.pendingTimers()).toEqual([]);
      await scheduler.stop();
    });
  });
});
