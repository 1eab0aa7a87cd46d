import type { Incident } from "../../../src/core/model.js";
import type { NewEntry } from "../../../src/core/timeline.js";
import type { TimerSpec } from "../../../src/core/timers.js";
import type { ChangeSet } from "../../../src/ports/incident-store.js";

let counter = 0;

/** A minimal valid incident document, as the core would produce it. */
export function sampleIncident(over: Partial<Incident> = {}): Incident {
  counter++;
  const tag = `${counter}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    id: `inc-${tag}`,
    number: 100_000 + Math.floor(Math.random() * 1e9),
    requestKey: `req-${tag}`,
    title: "Checkout down",
    kind: "system",
    severity: "urgent",
    status: "declared",
    drill: false,
    declaredAt: "2026-11-27T09:30:00.000Z",
    declaredBy: { platform: "test", userId: "dana", name: "Dana", personId: "dana" },
    roles: { handlers: [] },
    paging: {
      steps: [{ page: ["lee"], notify: [], groups: ["handling_lead"], waitMinutes: 5 }],
      current: 0,
      startedAt: "2026-11-27T09:30:00.000Z",
      generation: 1,
    },
    pages: [],
    clocks: [],
    followUps: [],
    version: 1,
    nextSeq: 0,
    ...over,
  };
}

export const note = (text: string, at = "2026-11-27T09:31:00.000Z"): NewEntry => ({
  type: "note",
  at,
  actor: { platform: "test", userId: "dana", name: "Dana" },
  data: { text },
});

export const timer = (incidentId: string, key: string, dueAt: string): TimerSpec => ({
  key,
  dueAt,
  payload: { kind: "escalate", incidentId, generation: 1, step: 0 },
});

/** A creation change set with some entries and timers. */
export function created(incident: Incident, entries: NewEntry[] = [note("declared")], timers: TimerSpec[] = []): ChangeSet {
  return {
    incident: { ...incident, version: 1, nextSeq: entries.length },
    expectedVersion: null,
    entries,
    addTimers: timers,
    cancelTimers: [],
  };
}

/** The next change to an incident: version + 1, entries appended. */
export function next(incident: Incident, patch: Partial<Incident>, entries: NewEntry[] = [], more: Partial<ChangeSet> = {}): ChangeSet {
  return {
    incident: { ...incident, ...patch, version: incident.version + 1, nextSeq: incident.nextSeq + entries.length },
    expectedVersion: incident.version,
    entries,
    addTimers: [],
    cancelTimers: [],
    ...more,
  };
}

/**
 * An incident with every field of the schema set, optional ones included, so
 * a read-back shows whether the store keeps each of them
 * (test/core/model.test.ts checks it really covers the whole schema).
 */
export function fullIncident(): Incident {
  const ref = (channelId: string) => ({ platform: "slack", channelId, messageId: "m1", name: "#inc-1", url: "https://chat.example/c" });
  return sampleIncident({
    status: "closed",
    drill: true,
    customer: "Huaxin Foods",
    region: "Shanghai",
    onsite: "local",
    claim: true,
    description: "Cold chain broke",
    alert: {
      source: "am",
      fingerprints: ["f1", "f2"],
      firing: ["f2"],
      labels: { alertname: "ColdChain" },
      links: ["https://prometheus.example/graph"],
      recorded: [{ batch: "alert:am:r1", through: 3 }],
    },
    roles: { lead: "lee", liaison: "liu", handlers: ["lin", "sam"] },
    paging: {
      steps: [
        {
          page: ["lee"],
          notify: ["ada"],
          groups: ["handling_lead", "leadership"],
          waitMinutes: 5,
          rotations: { page: ["ops_primary"], notify: ["duty_manager"] },
        },
      ],
      current: 0,
      startedAt: "2026-11-27T09:30:00.000Z",
      generation: 2,
      ackedAt: "2026-11-27T09:33:00.000Z",
    },
    pages: [
      {
        id: "x:p1",
        step: 0,
        generation: 2,
        personId: "lee",
        pagedAt: "2026-11-27T09:30:00.000Z",
        ackedAt: "2026-11-27T09:33:00.000Z",
        ackedBy: "lee",
        stoodDownAt: "2026-11-27T09:34:00.000Z",
        ref: ref("D1"),
        failed: false,
      },
    ],
    clocks: [
      {
        key: "first_reply",
        run: 2,
        basis: "working",
        startedAt: "2026-11-27T09:30:00.000Z",
        dueAt: "2026-11-27T10:30:00.000Z",
        stopOn: "customer_update",
        remindAt: ["2026-11-27T10:00:00.000Z"],
        overdueEveryMinutes: 30,
        maxOverdueReminders: 3,
        escalateOnMiss: true,
        stoppedAt: "2026-11-27T10:40:00.000Z",
        missedAt: "2026-11-27T10:30:00.000Z",
        cancelledAt: "2026-11-27T10:41:00.000Z",
        waivedAt: "2026-11-27T10:42:00.000Z",
        waivedBy: "ada",
        waiveReason: "the customer asked to wait",
        notMetAt: "2026-11-27T13:00:00.000Z",
        reportedTo: ["ada", "bo"],
      },
    ],
    room: ref("C1"),
    card: ref("C1"),
    followUps: [
      {
        id: "F1",
        text: "Check fridges",
        ownerId: "tao",
        due: "2026-12-01",
        status: "open",
        createdAt: "2026-11-27T12:00:00.000Z",
        reminded: 1,
      },
    ],
    handoffs: { ops: "2026-11-27T09:45:00.000Z" },
    acknowledgedAt: "2026-11-27T09:33:00.000Z",
    firstResponseAt: "2026-11-27T10:40:00.000Z",
    resolvedAt: "2026-11-27T12:00:00.000Z",
    closedAt: "2026-11-27T13:00:00.000Z",
    acceptance: { at: "2026-11-27T12:30:00.000Z", by: "liu", satisfaction: 4, comment: "fine" },
    returnCall: { at: "2026-11-30T10:00:00.000Z", by: "liu", reached: true, satisfaction: 5, comment: "happy" },
    satisfaction: 5,
  });
}
