import { expect } from "vitest";
import type { IncidentStore } from "../../src/ports/incident-store.js";

/**
 * Under the fast policy (test/helpers/fast-policy.ts) every urgent incident
 * left alone fires: one escalation, the exhausted plan, one missed deadline,
 * at most one 50 % reminder (dropped once its deadline passed during an
 * outage) and exactly two overdue reminders. Any timer fired twice shows here
 * as a count of 2; any lost one as 0. Returns how many were marked late.
 */
export async function expectEveryTimerFiredOnce(store: IncidentStore, expected: number): Promise<{ late: number }> {
  const incidents = await store.list({ limit: 100_000 });
  expect(incidents).toHaveLength(expected);
  let late = 0;
  for (const inc of incidents) {
    const entries = await store.timeline(inc.id);
    const count = (type: string) => entries.filter((e) => e.type === type).length;
    expect(count("escalated"), inc.title).toBe(1);
    expect(count("escalation_exhausted"), inc.title).toBe(1);
    expect(count("deadline_missed"), inc.title).toBe(1);
    const reminders = entries.filter((e) => e.type === "reminder_posted") as Array<{ data: { overdue: boolean } }>;
    expect(reminders.filter((e) => !e.data.overdue).length, inc.title).toBeLessThanOrEqual(1);
    expect(
      reminders.filter((e) => e.data.overdue),
      inc.title,
    ).toHaveLength(2);
    late += count("timer_late");
  }
  expect(await store.pendingTimers({ limit: 10 })).toEqual([]);
  return { late };
}

/** Wait (real time) until the ledger holds no pending timer, or fail after `ms`. */
export async function untilLedgerEmpty(store: IncidentStore, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while ((await store.pendingTimers({ limit: 1 })).length) {
    if (Date.now() > end)
      throw new Error(
        `timers still pending after ${ms} ms: ${JSON.stringify((await store.pendingTimers({ limit: 5 })).map((t) => t.key))}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}
