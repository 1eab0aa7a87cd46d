import type { TimerRow, TimerSpec } from "../../core/timers.js";
import type { Prisma } from "./generated/client.js";
import { timerPayloadSchema } from "./incident-codec.js";

// The timer ledger's rows: a timer as Prisma writes it, and a row read back.

export type TimerRecord = { key: string; dueAt: Date; payload: unknown; state: string; firedAt: Date | null };

export function timerData(t: TimerSpec) {
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

export function toTimerRow(row: TimerRecord): TimerRow {
  return {
    key: row.key,
    dueAt: row.dueAt.toISOString(),
    payload: timerPayloadSchema.parse(row.payload),
    state: row.state as TimerRow["state"],
    ...(row.firedAt ? { firedAt: row.firedAt.toISOString() } : {}),
  };
}
