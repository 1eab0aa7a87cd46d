import type { FigureDrill } from "../core/figure-drill.js";
import type { FigureInput, Figures } from "../core/figures.js";
import type { Incident } from "../core/model.js";
import type { RotationOverride } from "../core/oncall/schema.js";
import type { NewEntry, TimelineEntry } from "../core/timeline.js";
import type { TimerRow, TimerSpec } from "../core/timers.js";

/**
 * Everything one use-case writes, committed in one transaction. A state change,
 * its timeline entries and the timers it arms or cancels land together or not at all.
 */
export interface ChangeSet {
  /** The incident after the change. Its `version` must be one more than `expectedVersion`. */
  incident: Incident;
  /** The version read before the change; `null` when the incident is new. */
  expectedVersion: number | null;
  entries: NewEntry[];
  addTimers: TimerSpec[];
  cancelTimers: string[];
  /** Timers this change consumes (the timer that fired, the deliveries it settles): each moves pending -> fired, or the whole change is refused. */
  claimTimers?: string[];
}

export interface IncidentFilter {
  status?: Array<Incident["status"]>;
  drill?: boolean;
  severity?: string[];
  kind?: string[];
  /** Declared at or after this instant. */
  from?: Date;
  /** Declared before this instant. */
  to?: Date;
  /** Only these incidents (by id). */
  ids?: string[];
  /** What a person typed to find an incident: a number prefix (`12`, `#12`, `INC-12`) or text in the title (`core/incident-search.ts`). */
  text?: string;
  /** Only the incidents behind a figure (drills left out, `clockOutcome` at `now`), as `core/figure-drill.ts` decides. */
  behind?: FigureDrill & { now: Date };
  limit?: number;
  /** Newest first; skip this many (paging). */
  offset?: number;
  /** Keyset paging: only incidents listed after this one (older: declared earlier, or at the same instant with a lower number). */
  before?: ListCursor;
  /** Keyset paging backwards: only incidents listed before this one (newer); still returned newest first. */
  after?: ListCursor;
}

/** Where a page of the list starts or ends: lists run newest first by declaration time, then number. */
export interface ListCursor {
  declaredAt: Date;
  number: number;
}

export interface IncidentStore {
  /**
   * Commit a new incident under the next incident number, taken inside the
   * same transaction (a counter row): `build` is handed the number and returns
   * the change to write. A refused or failed commit takes no number, so the
   * numbers have no gaps. `build` must be pure: the store may call it first
   * with the number it expects, before taking one, and again with the number
   * taken when that differs. Returns the change as written.
   */
  commitNew(build: (number: number) => ChangeSet): Promise<ChangeSet>;
  get(id: string): Promise<Incident | null>;
  getByNumber(number: number): Promise<Incident | null>;
  getByRequestKey(requestKey: string): Promise<Incident | null>;
  /** The incident whose room is this chat channel (the newest, if a room was ever reused). */
  getByRoom(platform: string, channelId: string): Promise<Incident | null>;
  /** Newest first (declaration time, then number), `limit` (100 unless given) at a time. */
  list(filter: IncidentFilter): Promise<Incident[]>;
  /** Just what the figures need of each incident the filter selects (no limit unless given): the reference `figures` must equal. */
  figureInputs(filter: IncidentFilter): Promise<FigureInput[]>;
  /**
   * `computeFigures` over the incidents the filter selects, computed where they are stored (no incident is loaded
   * into memory): exactly what `computeFigures(await figureInputs(filter), now, timeZone)` gives.
   */
  figures(filter: IncidentFilter, now: Date, timeZone: string): Promise<Figures>;
  timeline(incidentId: string): Promise<TimelineEntry[]>;
  /** Throws `ConflictError` when the version moved or the claimed timer is no longer pending. */
  commit(change: ChangeSet): Promise<void>;
  /** Record a timer that is not tied to an incident change (rare; used by tests and repair). */
  timer(key: string): Promise<TimerRow | null>;
  /** Pending timers, oldest due first: the scheduler re-arms these on start. */
  pendingTimers(opts?: { dueBefore?: Date; limit?: number; afterKey?: string }): Promise<TimerRow[]>;
  /** Mark a pending timer fired without an incident change (a stale timer that has nothing to do). */
  retireTimer(key: string, at: Date): Promise<boolean>;
  /** `retireTimer` for several at once (the deliveries of a batch that changed nothing); how many were still pending. */
  retireTimers(keys: string[], at: Date): Promise<number>;
  /**
   * Take a short lease on every due pending delivery of one incident before
   * talking to a chat platform, in one round trip that also reads the
   * incident: atomically moves their dueAt to `until`, only where pending and
   * due at `now`. Of two runners, one gets each row. If the holder dies, the
   * deliveries fall due again when the lease ends.
   */
  leaseDeliveries(incidentId: string, now: Date, until: Date): Promise<{ timers: TimerRow[]; incident: Incident | null }>;
  /** Put a pending timer to a later time with a new payload (a delivery to retry). */
  retryTimer(key: string, dueAt: Date, payload: TimerSpec["payload"]): Promise<void>;
  /** Store timers not tied to an incident change (alerts received), pending; a key already stored is left as it is. */
  enqueue(timers: TimerSpec[]): Promise<void>;
  /** On-call overrides still running or to come at `endingAfter` (all when left out), oldest first. */
  overrides(opts?: { endingAfter?: Date }): Promise<RotationOverride[]>;
  /** Store on-call overrides, all or none (a swap is several); an id already stored is left as it is. */
  addOverrides(overrides: RotationOverride[]): Promise<void>;
  /**
   * Run `work` holding the lock called `name`, for every process on this
   * database: a second caller with the same name waits until the first one's
   * work has ended (other names do not wait). For a read-then-write that
   * optimistic concurrency cannot guard, such as an alert looking for the
   * incident to fold into before declaring one. Keep `work` short: it holds a
   * database connection on PostgreSQL. A holder that dies releases the lock.
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
  /**
   * Take back on-call overrides at `at`, all or none: one not started yet is
   * deleted, one running ends at `at` (who was on call before stays true); one
   * already over, or an unknown id, is left as it is. How many were changed.
   */
  removeOverrides(ids: string[], at: Date): Promise<number>;
  close(): Promise<void>;
}

/** Optimistic concurrency lost: someone else changed the incident, or the timer was already fired. */
export class ConflictError extends Error {
  readonly code = "STORE.CONFLICT";
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** A second declare with the same request key. */
export class DuplicateRequestError extends Error {
  readonly code = "STORE.DUPLICATE_REQUEST";
  constructor(readonly requestKey: string) {
    super(`request ${requestKey} was already handled`);
    this.name = "DuplicateRequestError";
  }
}

/**
 * The database could not be reached (down, restarting, connection dropped).
 * The command was not done, or its transaction was rolled back: whatever it
 * would have written is either entirely there or entirely absent.
 */
export class StoreUnavailableError extends Error {
  readonly code = "STORE.UNAVAILABLE";
  constructor(readonly reason: string) {
    super(`database unavailable: ${reason}`);
    this.name = "StoreUnavailableError";
  }
}
