import type { Actor } from "./model.js";

// Every entry type the timeline knows, with the data each carries. The
// after-action summary is built from these entries alone, so an entry carries
// what a reader needs (names, due times) rather than a pointer to mutable state.

export interface EntryData {
  declared: {
    title: string;
    severity: string;
    kind: string;
    drill: boolean;
    customer?: string;
    clocks: Array<{ key: string; dueAt: string; basis: string }>;
  };
  paged: { step: number; personIds: string[]; notified: string[]; groups: string[] };
  acknowledged: { personId: string; pageId?: string; afterMinutes: number };
  escalated: { fromStep: number; toStep: number; reason: "timeout" | "manual" | "deadline_missed" };
  escalation_exhausted: { step: number };
  severity_changed: {
    from: string;
    to: string;
    reason: string;
    /** Deadlines running after the change (new or recomputed), and those that no longer apply. */
    clocks: Array<{ key: string; dueAt: string; basis: string }>;
    dropped: string[];
  };
  kind_changed: { from: string; to: string };
  note: {
    text: string;
    source?: "command" | "pinned" | "reaction";
    permalink?: string;
    author?: string;
    /** The chat message a captured note came from, so it is captured once. */ messageId?: string;
  };
  role_assigned: { role: "lead" | "liaison" | "handler"; personId: string };
  update_posted: { audience: "customer" | "internal"; text: string };
  reminder_posted: { clock: string; dueAt: string; overdue: boolean; late?: boolean };
  deadline_met: { clock: string; dueAt: string; metAt: string; marginMinutes: number };
  deadline_missed: { clock: string; dueAt: string; late?: boolean };
  clock_stopped: { clock: string; dueAt: string; overdueMinutes: number };
  resolved: { summary?: string };
  reopened: { reason: string };
  closed: { satisfaction?: number };
  followup_added: { id: string; text: string; ownerId?: string; due?: string };
  followup_done: { id: string };
  room_opened: { channelId: string; name?: string; url?: string };
  delivery_failed: { what: string; target?: string; error: string };
  timer_late: { timer: string; dueAt: string; lateMinutes: number };
}

export type EntryType = keyof EntryData;

export type TimelineEntry = {
  [K in EntryType]: { seq: number; at: string; type: K; actor: Actor; data: EntryData[K] };
}[EntryType];

export type NewEntry = {
  [K in EntryType]: { at: string; type: K; actor: Actor; data: EntryData[K] };
}[EntryType];

export const ENTRY_TYPES: EntryType[] = [
  "declared",
  "paged",
  "acknowledged",
  "escalated",
  "escalation_exhausted",
  "severity_changed",
  "kind_changed",
  "note",
  "role_assigned",
  "update_posted",
  "reminder_posted",
  "deadline_met",
  "deadline_missed",
  "clock_stopped",
  "resolved",
  "reopened",
  "closed",
  "followup_added",
  "followup_done",
  "room_opened",
  "delivery_failed",
  "timer_late",
];
