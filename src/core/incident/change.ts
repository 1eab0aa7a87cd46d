import type { Actor, Incident } from "../model.js";
import type { EntryData, EntryType, NewEntry } from "../timeline.js";
import { timerKeys, type Delivery, type TimerSpec } from "../timers.js";

/**
 * A change being decided: a private copy of the incident plus what the change
 * records, arms, cancels and must deliver. Decision functions fill one and
 * `finish` turns it into what the store commits. Nothing here does I/O.
 */
export class Change {
  readonly incident: Incident;
  readonly entries: NewEntry[] = [];
  readonly addTimers: TimerSpec[] = [];
  readonly cancelTimers: string[] = [];
  readonly deliveries: Delivery[] = [];

  constructor(
    readonly before: Incident | null,
    incident: Incident,
    readonly now: Date,
  ) {
    this.incident = structuredClone(incident);
  }

  static of(incident: Incident, now: Date): Change {
    return new Change(incident, incident, now);
  }

  get at(): string {
    return this.now.toISOString();
  }

  record<K extends EntryType>(type: K, actor: Actor, data: EntryData[K], at: string = this.at): void {
    this.entries.push({ type, at, actor, data } as NewEntry);
  }

  arm(timer: TimerSpec): void {
    this.addTimers.push(timer);
  }

  cancel(...keys: string[]): void {
    for (const k of keys) if (!this.cancelTimers.includes(k)) this.cancelTimers.push(k);
  }

  deliver(delivery: Delivery): void {
    this.deliveries.push(delivery);
  }

  /** True when the change does anything worth committing. */
  get isEmpty(): boolean {
    return (
      this.entries.length === 0 &&
      this.addTimers.length === 0 &&
      this.cancelTimers.length === 0 &&
      this.deliveries.length === 0 &&
      JSON.stringify(this.before) === JSON.stringify(this.incident)
    );
  }
}

export interface FinishedChange {
  incident: Incident;
  expectedVersion: number | null;
  entries: NewEntry[];
  addTimers: TimerSpec[];
  cancelTimers: string[];
  /** Keys of the delivery timers, in the order they should be attempted right after commit. */
  deliveryKeys: string[];
}

/** Advance version and sequence, and turn deliveries into ledger timers due now. */
export function finish(change: Change): FinishedChange {
  const incident = change.incident;
  const expectedVersion = change.before ? change.before.version : null;
  incident.version = (expectedVersion ?? 0) + 1;
  incident.nextSeq = (change.before?.nextSeq ?? 0) + change.entries.length;
  const deliveryTimers: TimerSpec[] = change.deliveries.map((delivery, n) => ({
    key: timerKeys.deliver(incident.id, incident.version, n),
    dueAt: change.at,
    payload: { kind: "deliver", incidentId: incident.id, delivery, attempt: 0 },
  }));
  return {
    incident,
    expectedVersion,
    entries: change.entries,
    addTimers: [...change.addTimers, ...deliveryTimers],
    cancelTimers: change.cancelTimers.filter((k) => !change.addTimers.some((t) => t.key === k)),
    deliveryKeys: deliveryTimers.map((t) => t.key),
  };
}
