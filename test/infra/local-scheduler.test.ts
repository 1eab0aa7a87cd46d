import { describe, expect, it } from "vitest";
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
});
