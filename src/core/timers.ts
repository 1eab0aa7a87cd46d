// Durable timers: every reminder, escalation step and chat delivery is a row
// in the timer ledger, written in the same transaction as the change that
// caused it. Keys are deterministic so that re-adding a timer is a no-op.

export type TimerState = "pending" | "fired" | "cancelled";

/** What Beacon must post when a delivery timer fires. Text may hold `@{personId}` mentions. */
export type Delivery =
  | { what: "open_room" }
  | { what: "card" }
  | { what: "page"; pageId: string }
  | { what: "page_update"; pageId: string }
  | { what: "post"; text: string; mentions: string[] }
  | { what: "notify"; personId: string; text: string }
  | { what: "archive" }
  /** The after-action summary, posted in the room when the incident is closed. */
  | { what: "summary" };

export type TimerPayload =
  | { kind: "escalate"; incidentId: string; generation: number; step: number }
  | { kind: "remind"; incidentId: string; clock: string; run: number; index: number }
  | { kind: "deadline"; incidentId: string; clock: string; run: number }
  | { kind: "overdue"; incidentId: string; clock: string; run: number; n: number }
  | { kind: "deliver"; incidentId: string; delivery: Delivery; attempt: number }
  | { kind: "followup_due"; incidentId: string; followUpId: string; n?: number };

export interface TimerSpec {
  key: string;
  dueAt: string; // ISO
  payload: TimerPayload;
}

export interface TimerRow extends TimerSpec {
  state: TimerState;
  firedAt?: string;
}

export const timerKeys = {
  escalate: (id: string, generation: number, step: number) => `incident:${id}:escalate:${generation}.${step}`,
  remind: (id: string, clock: string, run: number, index: number) => `incident:${id}:remind:${clock}.${run}.${index}`,
  deadline: (id: string, clock: string, run: number) => `incident:${id}:deadline:${clock}.${run}`,
  overdue: (id: string, clock: string, run: number, n: number) => `incident:${id}:overdue:${clock}.${run}.${n}`,
  deliver: (id: string, seq: number, n: number) => `incident:${id}:deliver:${seq}.${n}`,
  /** n: 0 on the due day, then 1, 2… for each working day it is overdue. */
  followupDue: (id: string, followUpId: string, n = 0) => `incident:${id}:followup:${followUpId}${n ? `.${n}` : ""}`,
};
