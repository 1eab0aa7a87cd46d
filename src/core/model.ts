// The incident aggregate and its parts, as plain data. Everything here is
// serialisable: the store keeps the incident as one JSON document (parsed back
// with zod, see incident-schema.ts) next to a few indexed columns.

export type Status = "declared" | "acknowledged" | "resolved" | "closed";

/** Who did something. `personId` is set when the platform user is a person of the policy. */
export interface Actor {
  personId?: string;
  platform: string;
  userId: string;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { platform: "beacon", userId: "beacon", name: "Beacon" };

/** A place on a chat platform, opaque to the core. */
export interface ChatRef {
  platform: string;
  channelId: string;
  messageId?: string;
  name?: string;
  url?: string;
}

export type Basis = "wall" | "working" | "working_days";

/** One paging step, frozen onto the incident when it is declared or re-planned. */
export interface PagingStep {
  page: string[]; // person ids, expanded from groups at planning time
  notify: string[]; // informed (FYI), no acknowledgement expected
  groups: string[]; // group ids named by the step, for the record
  waitMinutes: number; // how long to wait for an acknowledgement before the next step
}

export interface Page {
  id: string; // `<incidentId>:p<n>`
  step: number;
  personId: string;
  pagedAt: string; // ISO
  ackedAt?: string;
  ackedBy?: string; // person id
  ref?: ChatRef; // the page message, once delivered
  failed?: boolean; // delivery finally failed
}

export type StopEvent = "acknowledge" | "customer_update" | "resolve" | "done";

export interface ClockState {
  key: string;
  /** Incremented when the clock is re-planned (severity change), so its timer keys never collide. */
  run: number;
  basis: Basis;
  startedAt: string;
  dueAt: string;
  stopOn: StopEvent;
  /** ISO instants at which a reminder is posted before the deadline. */
  remindAt: string[];
  overdueEveryMinutes?: number;
  maxOverdueReminders: number;
  escalateOnMiss: boolean;
  stoppedAt?: string;
  missedAt?: string;
  /** Set when the clock no longer applies (severity or kind changed). */
  cancelledAt?: string;
}

export interface FollowUp {
  id: string;
  text: string;
  ownerId?: string;
  due?: string; // YYYY-MM-DD
  status: "open" | "done";
  createdAt: string;
  /** Reminders sent so far (due day, then each working day overdue): names the pending reminder timer. */
  reminded?: number;
}

export interface Incident {
  id: string;
  number: number;
  requestKey: string;
  title: string;
  kind: string;
  severity: string;
  status: Status;
  drill: boolean;
  declaredAt: string;
  declaredBy: Actor;
  customer?: string;
  region?: string;
  onsite?: "local" | "remote";
  claim?: boolean;
  description?: string;
  roles: { lead?: string; liaison?: string; handlers: string[] };
  paging: { steps: PagingStep[]; current: number; startedAt: string; generation: number };
  pages: Page[];
  clocks: ClockState[];
  room?: ChatRef;
  card?: ChatRef;
  followUps: FollowUp[];
  acknowledgedAt?: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  satisfaction?: number;
  version: number;
  nextSeq: number;
}

export const incidentLabel = (incident: Pick<Incident, "number">): string => `INC-${incident.number}`;
