import { describe, expect, it } from "vitest";
import { processAlerts } from "../../src/app/ingest-alerts.js";
import type { Alert } from "../../src/core/alerts/normalize.js";
import { timerKeys } from "../../src/core/timers.js";
import type { ChangeSet } from "../../src/ports/incident-store.js";
import { MemoryStore } from "../fakes/memory-store.js";
import { harness } from "../helpers/app-harness.js";
import { alertPolicy, firing } from "../helpers/alert-batches.js";

// A batch whose processing stopped part-way (the process died, the database
// went away) is run again from the ledger: what it already recorded is not recorded twice.

/** A store that fails where a process dying would leave it: recording one alert, or retiring the batch. */
class CrashingStore extends MemoryStore {
  crashRecording?: string;
  override async commit(change: ChangeSet): Promise<void> {
    const fp = (e: ChangeSet["entries"][number]) => (e.data as { fingerprint?: string }).fingerprint;
    if (change.entries.some((e) => e.type === "alert" && fp(e) === this.crashRecording)) throw new Error("the process died here");
    return super.commit(change);
  }
  crashOnRetire = false;
  override async retireTimer(key: string, at: Date): Promise<boolean> {
    if (this.crashOnRetire) throw new Error("the process died before retiring the batch");
    return super.retireTimer(key, at);
  }
}

/** A batch as `acceptAlerts` stores it, left to the test to process (the scheduler is not told of it). */
async function storedBatch(h: Awaited<ReturnType<typeof harness>>, request: string, alerts: Alert[]) {
  const row = {
    key: timerKeys.alert("mon", request),
    dueAt: h.clock.now().toISOString(),
    payload: { kind: "alert" as const, source: "mon", alerts },
  };
  await h.store.enqueue([row]);
  return row;
}

async function alertEntries(h: Awaited<ReturnType<typeof harness>>) {
  const incidents = await h.store.list({});
  const entries = await Promise.all(incidents.map((i) => h.store.timeline(i.id)));
  return {
    incidents,
    fingerprints: entries.flat().flatMap((e) => (e.type === "alert" ? [(e.data as { fingerprint: string }).fingerprint] : [])),
  };
}

describe("processing a stored alert batch", () => {
  it("records each alert once when the batch runs again because its timer was not retired", async () => {
    const store = new CrashingStore();
    const h = await harness({ policy: alertPolicy(), store });
    const row = await storedBatch(h, "r1", [firing("a"), firing("b"), firing("c")]);
    store.crashOnRetire = true;
    await expect(processAlerts(h.deps, row.key, row.payload)).rejects.toThrow("before retiring");
    store.crashOnRetire = false;
    expect((await h.store.timer(row.key))?.state).toBe("pending");
    await processAlerts(h.deps, row.key, row.payload);
    const { incidents, fingerprints } = await alertEntries(h);
    expect(incidents).toHaveLength(1);
    expect(fingerprints).toEqual(["a", "b", "c"]);
    expect((await h.store.timer(row.key))?.state).toBe("fired");
  });

  it("records the rest, and nothing twice, when the batch stopped part-way and runs again", async () => {
    const store = new CrashingStore();
    const h = await harness({ policy: alertPolicy(), store });
    const row = await storedBatch(h, "r1", [firing("a"), firing("b"), firing("c"), firing("a")]);
    store.crashRecording = "c"; // a declared, b folded, dies recording c
    await expect(processAlerts(h.deps, row.key, row.payload)).rejects.toThrow("died here");
    store.crashRecording = undefined;
    expect((await alertEntries(h)).fingerprints).toEqual(["a", "b"]);
    await processAlerts(h.deps, row.key, row.payload);
    const { incidents, fingerprints } = await alertEntries(h);
    expect(incidents).toHaveLength(1);
    expect(fingerprints).toEqual(["a", "b", "c", "a"]); // the second "a" is a repeat within the batch, recorded as such
  });

  it("still records a later batch repeating an alert already recorded", async () => {
    const h = await harness({ policy: alertPolicy() });
    const first = await storedBatch(h, "r1", [firing("a")]);
    await processAlerts(h.deps, first.key, first.payload);
    const second = await storedBatch(h, "r2", [firing("a")]);
    await processAlerts(h.deps, second.key, second.payload);
    expect((await alertEntries(h)).fingerprints).toEqual(["a", "a"]);
  });
});
