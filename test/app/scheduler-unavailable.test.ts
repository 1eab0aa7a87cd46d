import { afterEach, describe, expect, it, vi } from "vitest";
import { harness } from "../helpers/app-harness.js";

// The ledger holds a command's timers once it commits; the scheduler only
// holds wake-ups. A scheduler that fails or hangs must not fail the command.

afterEach(() => vi.useRealTimers());

describe("a command while the scheduler is unavailable", () => {
  it("declares the incident and keeps its timers in the ledger when arming fails", async () => {
    const h = await harness();
    h.deps.scheduler.arm = async () => {
      throw new Error("Connection is closed.");
    };
    const reply = await h.as("dana", "declare urgent Checkout down");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toMatch(/INC-1 declared/);
    expect((await h.store.pendingTimers({ limit: 100 })).length).toBeGreaterThan(0);
    expect(h.logs.some((l) => l.startsWith("warn scheduler unavailable"))).toBe(true);
  });

  it("answers within three seconds when arming hangs", async () => {
    const h = await harness();
    h.deps.scheduler.arm = () => new Promise<void>(() => undefined); // a Redis that stopped answering
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let settled = false;
    const pending = h.as("dana", "declare urgent Checkout down").then((r) => ((settled = true), r));
    await vi.advanceTimersByTimeAsync(2900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    const reply = await pending;
    expect(reply.error).toBeUndefined();
    expect((await h.store.pendingTimers({ limit: 100 })).length).toBeGreaterThan(0);
    expect(h.logs.some((l) => l.startsWith("warn scheduler unavailable"))).toBe(true);
  });
});
