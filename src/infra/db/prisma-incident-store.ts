import type { Incident } from "../../core/model.js";
import { overrideSchema, type RotationOverride } from "../../core/oncall/schema.js";
import type { FigureInput } from "../../core/figures.js";
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
import { figureRowSchema, parseEntry, parseIncident, timerPayloadSchema } from "./incident-codec.js";

type Tx = Prisma.TransactionClient;
type TimerRecord = { key: string; dueAt: Date; payload: unknown; state: string; firedAt: Date | null };

/**
 * The IncidentStore on Prisma 7, for PGlite and PostgreSQL alike. A commit is
 * one interactive transaction: the incident (insert, or update guarded by its
 * version), its timeline entries, and the timer-ledger rows it adds, cancels
 * or claims. Inside the transaction only `tx` is used: PGlite is a single
 * connection and the outer client would deadlock.
 */
export class PrismaIncidentStore implements IncidentStore {
  constructor(private readonly prisma: PrismaClient) {
    // A lost connection surfaces as StoreUnavailableError from every method.
    return translateConnectionErrors(this);
  }

  async nextNumber(): Promise<number> {
    const rows = await this.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT nextval('incident_number_seq') AS n`;
    return Number(rows[0]!.n);
  }

  async get(id: string): Promise<Incident | null> {
    return this.one({ id });
  }

  async getByNumber(number: number): Promise<Incident | null> {
    return this.one({ number });
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
    const rows = await this.prisma.incident.findMany({
      where: {
        ...(filter.status ? { status: { in: filter.status } } : {}),
        ...(filter.drill !== undefined ? { drill: filter.drill } : {}),
        ...(filter.severity ? { severity: { in: filter.severity } } : {}),
        ...(filter.kind ? { kind: { in: filter.kind } } : {}),
        ...(filter.from || filter.to
          ? { declaredAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
          : {}),
      },
      orderBy: { number: "desc" },
      take: filter.limit ?? 100,
      skip: filter.offset ?? 0,
      select: { state: true },
    });
    return rows.map((r) => parseIncident(r.state));
  }

  async figureInputs(filter: IncidentFilter): Promise<FigureInput[]> {
    const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (filter.status) where.push(Prisma.sql`status IN (${Prisma.join(filter.status)})`);
    if (filter.drill !== undefined) where.push(Prisma.sql`drill = ${filter.drill}`);
    if (filter.severity) where.push(Prisma.sql`severity IN (${Prisma.join(filter.severity)})`);
    if (filter.kind) where.push(Prisma.sql`kind IN (${Prisma.join(filter.kind)})`);
    if (filter.from) where.push(Prisma.sql`declared_at >= ${filter.from}`);
    if (filter.to) where.push(Prisma.sql`declared_at < ${filter.to}`);
    const limit = filter.limit ? Prisma.sql`LIMIT ${filter.limit} OFFSET ${filter.offset ?? 0}` : Prisma.empty;
    // Only the fields figures read: a tenth of each incident document.
    const rows = await this.prisma.$queryRaw<unknown[]>`
      SELECT number, drill, kind, severity, declared_at,
             state->>'acknowledgedAt' AS acknowledged_at, state->>'firstResponseAt' AS first_response_at,
             state->>'resolvedAt' AS resolved_at, state->>'closedAt' AS closed_at, state->'acceptance' AS acceptance,
             state->'satisfaction' AS satisfaction, state->'clocks' AS clocks
      FROM incident WHERE ${Prisma.join(where, " AND ")} ORDER BY number DESC ${limit}`;
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

  async timeline(incidentId: string): Promise<TimelineEntry[]> {
    const rows = await this.prisma.timelineEntry.findMany({ where: { incidentId }, orderBy: { seq: "asc" } });
    return rows.map(parseEntry);
  }

  async commit(change: ChangeSet): Promise<void> {
    try {
      await this.prisma.$transaction(async (tx) => {
        await this.writeIncident(tx, change);
        await this.writeEntries(tx, change);
        await this.writeTimers(tx, change);
      });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && change.expectedVersion === null) {
        const target = JSON.stringify(e.meta ?? {});
        if (target.includes("request_key") || target.includes("requestKey")) throw new DuplicateRequestError(change.incident.requestKey);
        if (await this.getByRequestKey(change.incident.requestKey)) throw new DuplicateRequestError(change.incident.requestKey);
      }
      throw e;
    }
  }

  private async writeIncident(tx: Tx, { incident, expectedVersion }: ChangeSet): Promise<void> {
    const columns = {
      status: incident.status,
      severity: incident.severity,
      kind: incident.kind,
      drill: incident.drill,
      closedAt: incident.closedAt ? new Date(incident.closedAt) : null,
      roomPlatform: incident.room?.platform ?? null,
      roomChannelId: incident.room?.channelId ?? null,
      version: incident.version,
      state: incident as unknown as Prisma.InputJsonValue,
      updatedAt: new Date(),
    };
    if (expectedVersion === null) {
      await tx.incident.create({
        data: {
          id: incident.id,
          number: incident.number,
          requestKey: incident.requestKey,
          declaredAt: new Date(incident.declaredAt),
          ...columns,
        },
      });
      return;
    }
    const updated = await tx.incident.updateMany({ where: { id: incident.id, version: expectedVersion }, data: columns });
    if (updated.count !== 1) throw new ConflictError(`incident ${incident.id} moved past version ${expectedVersion}`);
  }

  /** The document's nextSeq is already past the new entries: they take the seqs just before it. */
  private async writeEntries(tx: Tx, { incident, entries }: ChangeSet): Promise<void> {
    if (!entries.length) return;
    const first = incident.nextSeq - entries.length;
    await tx.timelineEntry.createMany({
      data: entries.map((e, i) => ({
        incidentId: incident.id,
        seq: first + i,
        at: new Date(e.at),
        type: e.type,
        actor: e.actor as unknown as Prisma.InputJsonValue,
        data: e.data as unknown as Prisma.InputJsonValue,
      })),
    });
  }

  private async writeTimers(tx: Tx, change: ChangeSet): Promise<void> {
    if (change.claimTimer) {
      const claimed = await tx.timer.updateMany({
        where: { key: change.claimTimer, state: "pending" },
        data: { state: "fired", firedAt: new Date() },
      });
      if (claimed.count !== 1) throw new ConflictError(`timer ${change.claimTimer} is no longer pending`);
    }
    if (change.addTimers.length) {
      await tx.timer.createMany({ data: change.addTimers.map((t) => timerData(t)), skipDuplicates: true });
    }
    if (change.cancelTimers.length) {
      await tx.timer.updateMany({ where: { key: { in: change.cancelTimers }, state: "pending" }, data: { state: "cancelled" } });
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

  async leaseTimer(key: string, now: Date, until: Date): Promise<TimerRow | null> {
    // One round trip: the conditional update returns the row it leased.
    const rows = await this.prisma.$queryRaw<Array<{ key: string; due_at: Date; payload: unknown; state: string; fired_at: Date | null }>>`
      UPDATE timer SET due_at = ${until} WHERE key = ${key} AND state = 'pending' AND due_at <= ${now}
      RETURNING key, due_at, payload, state, fired_at`;
    const r = rows[0];
    return r
      ? toTimerRow({
          key: r.key,
          dueAt: new Date(r.due_at),
          payload: typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload,
          state: r.state,
          firedAt: r.fired_at ? new Date(r.fired_at) : null,
        })
      : null;
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
    return rows.map((r) =>
      overrideSchema.parse({
        id: r.id,
        rotation: r.rotation,
        personId: r.personId,
        from: r.fromAt.toISOString(),
        to: r.toAt.toISOString(),
        ...(r.replaces ? { replaces: r.replaces } : {}),
        createdBy: r.createdBy,
        createdAt: r.createdAt.toISOString(),
      }),
    );
  }

  async addOverrides(overrides: RotationOverride[]): Promise<void> {
    await this.prisma.oncallOverride.createMany({
      data: overrides.map((o) => ({
        id: o.id,
        rotation: o.rotation,
        personId: o.personId,
        fromAt: new Date(o.from),
        toAt: new Date(o.to),
        replaces: o.replaces ?? null,
        createdBy: o.createdBy,
        createdAt: new Date(o.createdAt),
      })),
      skipDuplicates: true,
    });
  }

  async close(): Promise<void> {
    await this.prisma.$disconnect();
  }

  private async one(where: Prisma.IncidentWhereUniqueInput): Promise<Incident | null> {
    const row = await this.prisma.incident.findUnique({ where, select: { state: true } });
    return row ? parseIncident(row.state) : null;
  }
}

function timerData(t: TimerSpec) {
  return {
    key: t.key,
    incidentId: "incidentId" in t.payload ? t.payload.incidentId : null,
    kind: t.payload.kind,
    dueAt: new Date(t.dueAt),
    payload: t.payload as unknown as Prisma.InputJsonValue,
    state: "pending",
    createdAt: new Date(),
  };
}

function toTimerRow(row: TimerRecord): TimerRow {
  return {
    key: row.key,
    dueAt: row.dueAt.toISOString(),
    payload: timerPayloadSchema.parse(row.payload),
    state: row.state as TimerRow["state"],
    ...(row.firedAt ? { firedAt: row.firedAt.toISOString() } : {}),
  };
}
