import { policySchema, type Policy } from "../../src/core/policy/schema.js";
import { defaultPolicy } from "./default-policy.js";

const allDay = [{ from: "00:00", to: "24:00" }];

/**
 * The default policy with second-scale timers, for tests that run real
 * processes on real time: urgent pages step 1 for 1 s then leadership for 2 s,
 * one 4 s clock with a 50 % reminder and two overdue reminders 1 s apart.
 */
export function fastPolicy(): Policy {
  const base = defaultPolicy();
  return policySchema.parse({
    ...base,
    calendar: { ...base.calendar, week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay } },
    severities: {
      ...base.severities,
      urgent: {
        ...base.severities.urgent,
        paging: [
          { page: ["lee"], notify: [], wait: "1s" },
          { page: ["leadership"], notify: [], wait: "2s" },
        ],
      },
    },
    clocks: [
      {
        key: "quick",
        name: { en: "Quick", zh: "快速" },
        duration: { wall: "4s" },
        stopOn: "resolve",
        reminders: { at: [0.5], overdueEvery: "1s", maxOverdue: 2 },
      },
    ],
    timers: { lateAfter: "1s" },
  });
}
