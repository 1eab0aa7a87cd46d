import { isIncidentNumber } from "../../core/commands/read.js";
import type { Incident } from "../../core/model.js";
import type { RotationOverride } from "../../core/oncall/schema.js";
import type { FigureInput, Figures } from "../../core/figures.js";
import type { TimelineEntry } from "../../core/timeline.js";
import type { TimerRow, TimerSpec } from "../../core/timers.js";
import {
  ConflictError,
  DuplicateRequestError,
  type ChangeSet,
  type IncidentFilter,
  type IncidentStore,
} from "../../ports/incident-store.js";
import { Prisma, type PrismaClient } from "./generated/client.js";
import { translateConnectionErrors } from "./connection-errors.js";
import { sqlState } from "./sql-state.js";
import { figureRowSchema, parseEntry, parseIncident } from "./incident-codec.js";
import { figuresInSql } from "./figures-sql.js";
import { whereSql } from "./incident-filter-sql.js";
import { DatabaseLocks } from "./database-locks.js";
import { overrideData, toOverride } from "./oncall-override-rows.js";
import { timerData, toTimerRow } from "./timer-rows.js";
import { NewIncidents } from "./new-incident.js";
import { COMMIT, directNewIncidents, prismaNewIncidents } from "./new-incident-sql.js";
import type { DirectSql } from "./pg-direct.js";

/**
 * The IncidentStore on Prisma 7, for PGlite and PostgreSQL alike. Prisma
 * holds the schema and the migrations and serves the reads; the hot writes (a
 * commit, a delivery lease) are single raw statements, so a command costs a
 * round trip or two rather than a transaction of many. On PostgreSQL those
 * go to the bare pool beneath Prisma (`direct`), a fraction of the cost.
 */
export class PrismaIncidentStore implements IncidentStore {
  private readonly locks: DatabaseLocks;
  private readonly newIncidents: NewIncidents;

  /**
   * `kind`: PostgreSQL, where other processes may share the database, or the embedded PGlite, which one process owns.
   * `direct`: the bare PostgreSQL pool beneath Prisma, for the hot path's statements (Database.direct).
   */
  constructor(
    private readonly prisma: PrismaClient,
    kind: "pglite" | "postgres",
    private readonly direct?: DirectSql,
  ) {
    this.locks = new DatabaseLocks(prisma, kind);
    this.newIncidents = new NewIncidents(direct ? directNewIncidents(direct) : prismaNewIncidents(prisma));
    // A lost connection surfaces as StoreUnavailableError from every method.
    return translateConnectionErrors(this);
  }

  async commitNew(build: (number: number) => ChangeSet): Promise<ChangeSet> {
    let change: ChangeSet | undefined;
    return this.guarded(
      () => change,
      () => this.newIncidents.commit((number) => (change = build(number))),
    );
  }

  async get(id: string): Promise<Incident | null> {
    return this.one({ id });
  }

  async getByNumber(number: number): Promise<Incident | null> {
    // Out of the column's range (#2147483648): no such incident, not a database error.
    return isIncidentNumber(number) ? this.one({ number }) : null;
  }

  async getByRequestKey(requestKey: string): Promise<Incident | null> {
    return this.one({ requestKey });
  }

  async getByRoom(platform: string, channelId: string): Promise<Incident | null> {
    const row = await this.prisma.incident.findFirst({
      where: { roomPlatform: platform, roomChannelId: channelId },
      orderBy: { declaredAt: "desc" },
      select: { state: true },
    });
    return row ? parseIncident(row.state) : null;
  }

  async list(filter: IncidentFilter): Promise<Incident[]> {
    // Newer than a cursor: walk up from it (the index read forwards), then turn the page round.
    const order = filter.after ? Prisma.sql`declared_at ASC, number ASC` : Prisma.sql`declared_at DESC, number DESC`;
    const rows = await this.prisma.$queryRaw<Array<{ state: unknown }>>`
      SELECT state FROM incident WHERE ${whereSql(filter)}
      ORDER BY ${order} LIMIT ${filter.limit ?? 100} OFFSET ${filter.offset ?? 0}`;
    const page = rows.map((r) => parseIncident(r.state));
    return filter.after ? page.reverse() : page;
  }

  async figureInputs(filter: IncidentFilter): Promise<FigureInput[]> {
    const limit = filter.limit ? Prisma.sql`LIMIT ${filter.limit} OFFSET ${filter.offset ?? 0}` : Prisma.empty;
    // Only the fields figures read: a tenth of each incident document.
    const rows = await this.prisma.$queryRaw<unknown[]>`
      SELECT number, drill, kind, severity, declared_at,
             state->>'acknowledgedAt' AS acknowledged_at, state->>'firstResponseAt' AS first_response_at,
             state->>'resolvedAt' AS resolved_at, state->>'closedAt' AS closed_at, state->'acceptance' AS acceptance,
             state->'satisfaction' AS satisfaction, state->'clocks' AS clocks
      FROM incident WHERE ${whereSql(filter)} ORDER BY number DESC ${limit}`;
    return rows.map((raw) => {
      const r = figureRowSchema.parse(raw);
      return {
        number: r.number,
        drill: r.drill,
        kind: r.kind,
        severity: r.severity,
        declaredAt: r.declared_at.toISOString(),
        ...(r.acknowledged_at ? { acknowledgedAt: r.acknowledged_at } : {}),
        ...(r.first_response_at ? { firstResponseAt: r.first_response_at } : {}),
        ...(r.resolved_at ? { resolvedAt: r.resolved_at } : {}),
        ...(r.closed_at ? { closedAt: r.closed_at } : {}),
        ...(r.acceptance ? { acceptance: r.acceptance } : {}),
        ...(r.satisfaction !== null ? { satisfaction: r.satisfaction } : {}),
        clocks: r.clocks,
      };
    });
  }

  async figures(filter: IncidentFilter, now: Date, timeZone: string): Promise<Figures> {
    return figuresInSql(this.prisma, filter, now, timeZone);
  }

  async timeline(incidentId: string): Promise<TimelineEntry[]> {
    const rows = await this.prisma.timelineEntry.findMany({ where: { incidentId }, orderBy: { seq: "asc" } });
    return rows.map(parseEntry);
  }

  /**
   * One statement: `beacon_commit` (a migration) writes the incident, its
   * entries and timers, cancels and claims, atomically.
   */
  async commit(change: ChangeSet): Promise<void> {
    await this.guarded(
      () => change,
      () => this.hot(COMMIT, [JSON.stringify(change)]),
    );
  }

  /** A hot-path statement: on the bare pool when there is one, else through Prisma. */
  private async hot<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.direct ? this.direct.query<T>(sql, params) : this.prisma.$queryRawUnsafe<T[]>(sql, ...params);
  }

  /** A lost race is SQLSTATE BC409 (from `beacon_commit`); a second declare with the same request key is a unique violation. */
  private async guarded<T>(change: () => ChangeSet | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      const c = change();
      const state = sqlState(e);
      if (c && state === "BC409") throw new ConflictError(`change to incident ${c.incident.id} lost a race: ${(e as Error).message}`);
      if (c && state === "23505" && c.expectedVersion === null) {
        if (/request_key/.test(String((e as Error).message)) || (await this.getByRequestKey(c.incident.requestKey)))
          throw new DuplicateRequestError(c.incident.requestKey);
      }
      throw e;
    }
  }

  async timer(key: string): Promise<TimerRow | null> {
    const row = await this.prisma.timer.findUnique({ where: { key } });
    return row ? toTimerRow(row) : null;
  }

  async pendingTimers(opts: { dueBefore?: Date; limit?: number; afterKey?: string } = {}): Promise<TimerRow[]> {
    const after = opts.afterKey
      ? await this.prisma.timer.findUnique({ where: { key: opts.afterKey }, select: { dueAt: true, key: true } })
      : null;
    const rows = await this.prisma.timer.findMany({
      where: {
        state: "pending",
        ...(opts.dueBefore ? { dueAt: { lte: opts.dueBefore } } : {}),
        ...(after ? { OR: [{ dueAt: { gt: after.dueAt } }, { dueAt: after.dueAt, key: { gt: after.key } }] } : {}),
      },
      orderBy: [{ dueAt: "asc" }, { key: "asc" }],
      take: opts.limit ?? 1000,
    });
    return rows.map(toTimerRow);
  }

  async retireTimer(key: string, at: Date): Promise<boolean> {
    const r = await this.prisma.timer.updateMany({ where: { key, state: "pending" }, data: { state: "fired", firedAt: at } });
    return r.count === 1;
  }

  async retireTimers(keys: string[], at: Date): Promise<number> {
    const r = await this.prisma.timer.updateMany({ where: { key: { in: keys }, state: "pending" }, data: { state: "fired", firedAt: at } });
    return r.count;
  }

  async leaseDeliveries(incidentId: string, now: Date, until: Date): Promise<{ timers: TimerRow[]; incident: Incident | null }> {
    // One round trip: the conditional update returns the rows it leased, and the incident rides along.
    type Row = { key: string | null; due_at: Date | null; payload: unknown; incident: unknown };
    const rows = await this.hot<Row>(LEASE, [until, incidentId, now, incidentId]);
    const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
    const incident = rows.find((r) => r.key === null)?.incident;
    return {
      incident: incident ? parseIncident(json(incident)) : null,
      timers: rows
        .filter((r) => r.key !== null)
        .map((r) => toTimerRow({ key: r.key!, dueAt: new Date(r.due_at!), payload: json(r.payload), state: "pending", firedAt: null })),
    };
  }

  async retryTimer(key: string, dueAt: Date, payload: TimerSpec["payload"]): Promise<void> {
    await this.prisma.timer.updateMany({
      where: { key, state: "pending" },
      data: { dueAt, payload: payload as unknown as Prisma.InputJsonValue },
    });
  }

  async enqueue(timers: TimerSpec[]): Promise<void> {
    await this.prisma.timer.createMany({ data: timers.map((t) => timerData(t)), skipDuplicates: true });
  }

  async overrides(opts: { endingAfter?: Date } = {}): Promise<RotationOverride[]> {
    const rows = await this.prisma.oncallOverride.findMany({
      where: opts.endingAfter ? { toAt: { gt: opts.endingAfter } } : {},
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toOverride);
  }

  async addOverrides(overrides: RotationOverride[]): Promise<void> {
    await this.prisma.oncallOverride.createMany({
      data: overrides.map(overrideData),
      skipDuplicates: true,
    });
  }

  async exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    return this.locks.run(name, work);
  }

  async removeOverrides(ids: string[], at: Date): Promise<number> {
    if (!ids.length) return 0;
    const [deleted, ended] = await this.prisma.$transaction([
      this.prisma.oncallOverride.deleteMany({ where: { id: { in: ids }, fromAt: { gte: at } } }),
      this.prisma.oncallOverride.updateMany({ where: { id: { in: ids }, fromAt: { lt: at }, toAt: { gt: at } }, data: { toAt: at } }),
    ]);
    return deleted.count + ended.count;
  }

  async close(): Promise<void> {
    await this.prisma.$disconnect();
  }

  private async one(where: Prisma.IncidentWhereUniqueInput): Promise<Incident | null> {
    const row = await this.prisma.incident.findUnique({ where, select: { state: true } });
    return row ? parseIncident(row.state) : null;
  }
}

/** The whole change in one round trip, on the client or inside a transaction. */

const LEASE = `WITH leased AS (
    UPDATE timer SET due_at = $1
    WHERE incident_id = $2 AND kind = 'deliver' AND state = 'pending' AND due_at <= $3
    RETURNING key, due_at, payload)
  SELECT key, due_at, payload, NULL::jsonb AS incident FROM leased
  UNION ALL SELECT NULL, NULL, NULL, state FROM incident WHERE id = $4`;
