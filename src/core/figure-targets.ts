import type { Figures, Rate, Spread } from "./figures.js";
import { minutesTarget, type Targets, type TimeMeasure } from "./policy/targets.js";

// A figure beside its target: the value, the target, and whether it is met.
// Rates and scores must reach their target; times must stay at or under it.
// No target, or no value yet, gives no verdict (`met` undefined), never a
// pass by default.

export interface Judged {
  value?: number;
  target?: number;
  met?: boolean;
}

function judge(value: number | undefined, target: number | undefined, atLeast: boolean): Judged {
  if (value === undefined || target === undefined) return { value, target };
  return { value, target, met: atLeast ? value >= target - 1e-9 : value <= target + 1e-9 };
}

export const judgeRate = (r: Rate | undefined, target?: number): Judged => judge(r?.rate, target, true);
export const judgeMedian = (s: Spread | undefined, target?: number): Judged => judge(s?.medianMinutes, target, false);

/** The headline figures against the policy's targets, for the figures page and the incident page. */
export function headline(f: Figures, t: Targets | undefined) {
  return {
    compliance: judgeRate(f.compliance.overall, t?.compliance),
    resolution: judge(f.resolution.rate, t?.resolution, true),
    satisfaction: judge(f.satisfaction.mean, t?.satisfaction, true),
  };
}

/** Target of one clock's compliance: its own, else the overall one. */
export const clockTarget = (t: Targets | undefined, clock: string): number | undefined => t?.clocks[clock] ?? t?.compliance;

export const timeTarget = (t: Targets | undefined, measure: TimeMeasure, severity: string) => minutesTarget(t, measure, severity);
