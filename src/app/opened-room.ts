import type { Incident } from "../core/model.js";
import type { IncidentStore } from "../ports/incident-store.js";
import type { AppDeps } from "./deps.js";

/**
 * The declared incident once its room is open. A command answers after its
 * commit, before its deliveries run (in this process or the worker), so an
 * adapter that wants to tell the declarer where the room is asks here. Every
 * waiter of a store shares one watch: while anyone waits, the store is read
 * every `everyMs` for all the incidents waited on in one query (fifty
 * declarations at once cost one read a tick, not fifty). A waiter gives up
 * after `waitMs`, when its incident is gone, or when `signal` aborts (a
 * platform that is slow or down, or a process stopping, leaves the first
 * answer as it was).
 */
export function openedRoom(
  deps: AppDeps,
  incidentId: string,
  opts: { signal?: AbortSignal; waitMs?: number; everyMs?: number } = {},
): Promise<Incident | undefined> {
  let watch = watches.get(deps.store);
  if (!watch) watches.set(deps.store, (watch = new RoomWatch(deps.store)));
  return watch.wait(incidentId, opts.waitMs ?? 15_000, opts.everyMs ?? 100, opts.signal);
}

const watches = new WeakMap<IncidentStore, RoomWatch>();

interface Waiter {
  incidentId: string;
  /** Reads left before giving up (counted, not timed: nothing here reads the machine's clock). */
  ticksLeft: number;
  done: (incident: Incident | undefined) => void;
}

class RoomWatch {
  private readonly waiters = new Set<Waiter>();
  private running = false;
  private everyMs = 100;

  constructor(private readonly store: IncidentStore) {}

  wait(incidentId: string, waitMs: number, everyMs: number, signal?: AbortSignal): Promise<Incident | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        incidentId,
        ticksLeft: Math.max(1, Math.ceil(waitMs / everyMs) + 1),
        done: (incident) => {
          this.waiters.delete(waiter);
          signal?.removeEventListener("abort", abort);
          resolve(incident);
        },
      };
      const abort = () => waiter.done(undefined);
      signal?.addEventListener("abort", abort, { once: true });
      this.waiters.add(waiter);
      this.everyMs = Math.min(this.everyMs, everyMs);
      if (!this.running) {
        this.running = true;
        // Started after this turn of the event loop: waiters added together are read together.
        queueMicrotask(() => void this.loop());
      }
    });
  }

  private async loop(): Promise<void> {
    try {
      while (this.waiters.size) {
        const ids = [...new Set([...this.waiters].map((w) => w.incidentId))];
        // A failed read (the database restarting) is one lost tick, not a failed answer.
        const found = await this.store.list({ ids, limit: ids.length }).catch(() => undefined);
        if (found) {
          const byId = new Map(found.map((i) => [i.id, i]));
          for (const w of [...this.waiters]) {
            if (!ids.includes(w.incidentId)) continue; // started waiting during the read
            const incident = byId.get(w.incidentId);
            if (!incident) w.done(undefined);
            else if (incident.room) w.done(incident);
          }
        }
        for (const w of [...this.waiters]) if (--w.ticksLeft <= 0) w.done(undefined);
        if (this.waiters.size) await new Promise((r) => setTimeout(r, this.everyMs));
      }
    } finally {
      this.running = false;
      this.everyMs = 100;
    }
  }
}
