import { afterEach, describe, expect, it, vi } from "vitest";
import { openedRoom } from "../../src/app/opened-room.js";
import type { AppDeps } from "../../src/app/deps.js";
import { MemoryStore } from "../fakes/memory-store.js";
import { created, sampleIncident } from "../infra/db/sample-incident.js";

describe("waiting for a new incident's room", () => {
  afterEach(() => vi.useRealTimers());

  it("answers each of fifty waiters once its room opens, with one store read per tick for all of them", async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    const incidents = Array.from({ length: 50 }, (_, i) => sampleIncident({ id: `inc-${i}`, number: i + 1, room: undefined }));
    for (const i of incidents) await store.commit(created(i));
    const list = vi.spyOn(store, "list");
    const deps = { store } as unknown as AppDeps;
    const answers = incidents.map((i) => openedRoom(deps, i.id));
    await vi.advanceTimersByTimeAsync(250); // three reads: nothing open yet
    const reads = list.mock.calls.length;
    expect(reads).toBeLessThanOrEqual(3);
    for (const i of incidents)
      await store.commit({
        incident: { ...i, version: i.version + 1, room: { platform: "test", channelId: `C-${i.number}` } },
        expectedVersion: i.version,
        entries: [],
        addTimers: [],
        cancelTimers: [],
      });
    await vi.advanceTimersByTimeAsync(100);
    const opened = await Promise.all(answers);
    expect(opened.map((o) => o?.room?.channelId)).toEqual(incidents.map((i) => `C-${i.number}`));
    expect(list.mock.calls.length).toBeLessThanOrEqual(reads + 1);
    expect(list.mock.calls.every(([f]) => f.ids?.length === 50)).toBe(true);
  });

  it("gives up after the wait, when the incident does not exist, or when the platform stops", async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    const waiting = sampleIncident({ id: "slow", room: undefined });
    await store.commit(created(waiting));
    const deps = { store } as unknown as AppDeps;
    const stop = new AbortController();
    const slow = openedRoom(deps, "slow", { waitMs: 1_000 });
    const missing = openedRoom(deps, "no-such-incident");
    const stopped = openedRoom(deps, "slow", { signal: stop.signal });
    stop.abort();
    await vi.advanceTimersByTimeAsync(1_200);
    expect(await Promise.all([slow, missing, stopped])).toEqual([undefined, undefined, undefined]);
  });
});
