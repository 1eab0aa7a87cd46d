import { drills, isBehind } from "../../src/core/figure-drill.js";
import { computeFigures } from "../../src/core/figures.js";
import { matchesSearch, searchTerms } from "../../src/core/incident-search.js";
import type { Incident } from "../../src/core/model.js";
import type { RotationOverride } from "../../src/core/oncall/schema.js";
import type { TimelineEntry } from "../../src/core/timeline.js";
import type { TimerRow, TimerSpec } from "../../src/core/timers.js";
import { NamedMutex } from "../../src/infra/named-mutex.js";
import {
  ConflictError,
  DuplicateRequestError,
  type ChangeSet,
  type IncidentFilter,
  type IncidentStore,
  type ListCursor,
} from "../../src/ports/incident-store.js";

/** Negative when `i` is listed before the cursor (newer), positive after it (older): declaration time, then number, newest first. */
const newestFirst = (i: Incident, c: ListCursor) => c.declaredAt.getTime() - Date.parse(i.declaredAt) || c.number - i.number;

/** An in-memory IncidentStore with the same commit semantics as the Prisma one (all or nothing). */
export class MemoryStore implements IncidentStore {
  incidents = new Map<string, Incident>();
  entries = new Map<string, TimelineEntry[]>();
  timers = new Map<string, TimerRow>();
  oncallOverrides = new Map<string, RotationOverride>();
  commits: ChangeSet[] = [];
  private seq = 0;
  private readonly locks = new NamedMutex();
  /** Make the next commit throw (simulates a database failure). */
  failNextCommit?: Error;

  async commitNew(build: (number: number) => ChangeSet): Promise<ChangeSet> {
    // As the counter row: one past the highest number taken, given back if the commit is refused.
    const top = Math.max(this.seq, ...[...this.incidents.values()].map((i) => i.number));
    const change = build(top + 1);
    await this.commit(change);
    this.seq = top + 1;
    return change;
  }
  async get(id: string) {
    return clone(this.incidents.get(id) ?? null);
  }
  async getByNumber(n: number) {
    return clone([...this.incidents.values()].find((i) => i.number === n) ?? null);
  }
  async getByRequestKey(k: string) {
    return clone([...this.incidents.values()].find((i) => i.requestKey === k) ?? null);
  }
  async getByRoom(platform: string, channelId: string) {
    const found = [...this.incidents.values()].filter((i) => i.room?.platform === platform && i.room.channelId === channelId);
    return clone(found.at(-1) ?? null);
  }
  async list(f: IncidentFilter) {
    let all = [...this.incidents.values()].reverse();
    if (f.ids) all = all.filter((i) => f.ids!.includes(i.id));
    if (f.status) all = all.filter((i) => f.status!.includes(i.status));
    if (f.drill !== undefined) all = all.filter((i) => i.drill === f.drill);
    if (f.severity) all = all.filter((i) => f.severity!.includes(i.severity));
    if (f.kind) all = all.filter((i) => f.kind!.includes(i.kind));
    if (f.from) all = all.filter((i) => Date.parse(i.declaredAt) >= f.from!.getTime());
    if (f.to) all = all.filter((i) => Date.parse(i.declaredAt) < f.to!.getTime());
    if (f.text !== undefined) all = all.filter((i) => matchesSearch(searchTerms(f.text!), i));
    if (f.behind && drills(f.behind)) all = all.filter((i) => isBehind(i, f.behind!, f.behind!.now));
    if (f.before) all = all.filter((i) => newestFirst(i, f.before!) > 0);
    if (f.after) all = all.filter((i) => newestFirst(i, f.after!) < 0);
    all.sort((a, b) => newestFirst(a, { declaredAt: new Date(b.declaredAt), number: b.number }));
    const start = f.offset ?? 0;
    const limit = f.limit ?? 100;
    // Newer than a cursor: the page just above it, still newest first.
    const page = f.after ? all.slice(Math.max(0, all.length - start - limit), all.length - start) : all.slice(start, start + limit);
    return clone(page);
  }
  async figureInputs(f: IncidentFilter) {
    const all = await this.list({ ...f, limit: f.limit ?? Number.MAX_SAFE_INTEGER });
    return all.sort((a, b) => b.number - a.number);
  }
  async figures(f: IncidentFilter, now: Date, timeZone: string) {
    return computeFigures(await this.figureInputs(f), now, timeZone);
  }
  async timeline(id: string) {
    return clone(this.entries.get(id) ?? []);
  }
  async commit(c: ChangeSet): Promise<void> {
    if (this.failNextCommit) {
      const e = this.failNextCommit;
      this.failNextCommit = undefined;
      throw e;
    }
    const current = this.incidents.get(c.incident.id);
    if (c.expectedVersion === null) {
      if (current) throw new ConflictError("exists");
      if ([...this.incidents.values()].some((i) => i.requestKey === c.incident.requestKey))
        throw new DuplicateRequestError(c.incident.requestKey);
    } else if (!current || current.version !== c.expectedVersion) {
      throw new ConflictError(`version moved for ${c.incident.id}`);
    }
    for (const k of c.claimTimers ?? []) if (this.timers.get(k)?.state !== "pending") throw new ConflictError(`timer ${k} not pending`);
    // All checks passed: apply everything.
    this.commits.push(clone(c));
    this.incidents.set(c.incident.id, clone(c.incident));
    const list = this.entries.get(c.incident.id) ?? [];
    const first = c.incident.nextSeq - c.entries.length;
    c.entries.forEach((e, i) => list.push({ ...clone(e), seq: first + i } as TimelineEntry));
    this.entries.set(c.incident.id, list);
    for (const t of c.addTimers) if (!this.timers.has(t.key)) this.timers.set(t.key, { ...clone(t), state: "pending" });
    for (const k of c.cancelTimers) {
      const t = this.timers.get(k);
      if (t?.state === "pending") t.state = "cancelled";
    }
    for (const k of c.claimTimers ?? []) Object.assign(this.timers.get(k)!, { state: "fired", firedAt: new Date().toISOString() });
  }
  async timer(key: string) {
    return clone(this.timers.get(key) ?? null);
  }
  async pendingTimers(o: { dueBefore?: Date; limit?: number; afterKey?: string } = {}) {
    let all = [...this.timers.values()].filter((t) => t.state === "pending");
    if (o.dueBefore) all = all.filter((t) => t.dueAt <= o.dueBefore!.toISOString());
    all.sort((a, b) => (a.dueAt === b.dueAt ? a.key.localeCompare(b.key) : a.dueAt.localeCompare(b.dueAt)));
    if (o.afterKey) all = all.slice(all.findIndex((t) => t.key === o.afterKey) + 1);
    return clone(all.slice(0, o.limit ?? 1000));
  }
  async retireTimer(key: string, at: Date) {
    const t = this.timers.get(key);
    if (t?.state !== "pending") return false;
    Object.assign(t, { state: "fired", firedAt: at.toISOString() });
    return true;
  }
  async retireTimers(keys: string[], at: Date) {
    let n = 0;
    for (const k of keys) if (await this.retireTimer(k, at)) n++;
    return n;
  }
  async leaseDeliveries(incidentId: string, now: Date, until: Date) {
    const due = [...this.timers.values()].filter(
      (t) => t.payload.kind === "deliver" && t.payload.incidentId === incidentId && t.state === "pending" && t.dueAt <= now.toISOString(),
    );
    for (const t of due) t.dueAt = until.toISOString();
    return { timers: clone(due), incident: clone(this.incidents.get(incidentId) ?? null) };
  }
  async retryTimer(key: string, dueAt: Date, payload: TimerSpec["payload"]) {
    const t = this.timers.get(key);
    if (t) Object.assign(t, { state: "pending", dueAt: dueAt.toISOString(), payload: clone(payload) });
  }
  async enqueue(list: TimerSpec[]) {
    for (const t of list) if (!this.timers.has(t.key)) this.timers.set(t.key, { ...clone(t), state: "pending" });
  }
  async overrides(o: { endingAfter?: Date } = {}) {
    const all = [...this.oncallOverrides.values()].filter((x) => !o.endingAfter || Date.parse(x.to) > o.endingAfter.getTime());
    return clone(all.sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  }
  async addOverrides(list: RotationOverride[]) {
    for (const x of list) if (!this.oncallOverrides.has(x.id)) this.oncallOverrides.set(x.id, clone(x));
  }
  async exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    // One process holds the whole store: a lock within it is a lock for everyone.
    return this.locks.run(name, work);
  }
  async removeOverrides(ids: string[], at: Date) {
    let n = 0;
    for (const id of ids) {
      const o = this.oncallOverrides.get(id);
      if (!o || Date.parse(o.to) <= at.getTime()) continue;
      if (Date.parse(o.from) >= at.getTime()) this.oncallOverrides.delete(id);
      else o.to = at.toISOString();
      n++;
    }
    return n;
  }
  async close() {}
}

const clone = <T>(v: T): T => (v === null || v === undefined ? v : structuredClone(v));
