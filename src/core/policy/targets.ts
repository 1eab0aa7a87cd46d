import { z } from "zod";

// What a team promises itself (考核指标): the figures page and the incident
// page compare each figure with its target. Every target is optional; a
// figure without one is shown without a verdict.
//
// targets:
//   compliance: 0.95                       # all deadlines together
//   clocks: { first_reply: 0.95 }          # one deadline
//   resolution: 0.9
//   satisfaction: 4.5                      # mean of 1–5
//   medianMinutes:
//     acknowledge: 5                       # every severity, or per severity:
//     firstResponse: { urgent: 30, important: 60 }

const rate = z.number().min(0).max(1);
const minutes = z.union([z.number().positive(), z.record(z.string(), z.number().positive())]);

export const targetsSchema = z.strictObject({
  /** Response-time compliance over every deadline: met / (met + missed) at least this. */
  compliance: rate.optional(),
  /** Compliance of one deadline, by clock key. */
  clocks: z.record(z.string(), rate).default({}),
  /** Resolved / all at least this. */
  resolution: rate.optional(),
  /** Mean satisfaction score (1–5) at least this. */
  satisfaction: z.number().min(1).max(5).optional(),
  /** Median minutes at most this, for every severity or per severity key. */
  medianMinutes: z
    .strictObject({ acknowledge: minutes.optional(), firstResponse: minutes.optional(), resolve: minutes.optional() })
    .default({}),
});

export type Targets = z.infer<typeof targetsSchema>;
export type TimeMeasure = keyof Targets["medianMinutes"];

/** The median-minutes target of one measure for one severity, if the policy sets one. */
export function minutesTarget(t: Targets | undefined, measure: TimeMeasure, severity: string): number | undefined {
  const m = t?.medianMinutes[measure];
  return typeof m === "number" ? m : m?.[severity];
}
