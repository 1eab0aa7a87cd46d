import { afterEach, describe, expect, it } from "vitest";
import type { TimerSpec } from "../../src/core/timers.js";
import type { Scheduler } from "../../src/ports/scheduler.js";
import { MemoryStore } from "../fakes/memory-store.js";
import { created, sampleIncident } from "./db/sample-incident.js";

// One contract for every Scheduler, run against the in-process scheduler and
// BullMQ on Redis (as BullMQ tests its own backends). Real wall-clock time in
// short delays: the schedulers themselves are under test here.

export interface SchedulerUnderTest {
  scheduler: Scheduler;
  /** Drop every wake-up the scheduler holds (a restart, or Redis losing its data). */
  forget?(): Promise<void>;
}

export type OpenScheduler = (store: MemoryStore) => Promise<SchedulerUnderTest>;

const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
const spec = (key: string, dueAt: string): TimerSpec => ({
  key,
  dueAt,
  payload: { kind: "escalate", incidentId: "x", generation: 1, step: 0 },
});

async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function describeSchedulerContract(name: string, open: OpenScheduler): void {
  describe(`Scheduler contract: ${name}`, () => {
    const running: Scheduler[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((s) => s.stop()));
    });

    async function started(store = new MemoryStore()) {
      const fired: Array<{ key: string; at: number }> = [];
      const sut = await open(store);
      running.push(sut.scheduler);
      await sut.scheduler.start(async (key) => void fired.push({ key, at: Date.now() }));
      return { ...sut, fired, store };
    }

    it("hands a timer to the handler at its due time, not before", async () => {
      const { scheduler, fired } = await started();
      const dueAt = soon(300);
      await scheduler.arm([spec("a", dueAt)]);
      await new Promise((r) => setTimeout(r, 150));
      expect(fired).toEqual([]);
      await eventually(() => fired.length === 1);
      expect(fired[0]!.at).toBeGreaterThanOrEqual(Date.parse(dueAt) - 5);
    });

    it("treats arming the same timer twice as one wake-up", async () => {
      const { scheduler, fired } = await started();
      const dueAt = soon(150);
      await scheduler.arm([spec("same", dueAt)]);
      await scheduler.arm([spec("same", dueAt)]);
      await eventually(() => fired.length >= 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(fired.map((f) => f.key)).toEqual(["same"]);
    });

    it("fires timers in due order", async () => {
      const { scheduler, fired } = await started();
      await scheduler.arm([spec("third", soon(450)), spec("first", soon(150)), spec("second", soon(300))]);
      await eventually(() => fired.length === 3);
      expect(fired.map((f) => f.key)).toEqual(["first", "second", "third"]);
    });

    it("does not wake a cancelled timer", async () => {
      const store = new MemoryStore();
      const inc = sampleIncident();
      // Due 1 s ahead: a loaded machine may take a few hundred ms to cancel.
      const t = { ...spec("gone", soon(1000)), payload: { kind: "escalate" as const, incidentId: inc.id, generation: 1, step: 0 } };
      await store.commit(created(inc, [], [t]));
      const { scheduler, fired } = await started(store);
      await scheduler.arm([t]);
      await scheduler.cancel(["gone"]);
      await new Promise((r) => setTimeout(r, 1300));
      expect(fired).toEqual([]);
    });

    it("re-arms every pending ledger timer on start, including those already overdue", async () => {
      const store = new MemoryStore();
      const inc = sampleIncident();
      const mk = (key: string, dueAt: string) => ({
        ...spec(key, dueAt),
        payload: { kind: "escalate" as const, incidentId: inc.id, generation: 1, step: 0 },
      });
      await store.commit(created(inc, [], [mk("overdue", new Date(Date.now() - 60_000).toISOString()), mk("later", soon(200))]));
      const { fired } = await started(store);
      await eventually(() => fired.length === 2);
      expect(fired.map((f) => f.key).sort()).toEqual(["later", "overdue"]);
    });
  });
}
