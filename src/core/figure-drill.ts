import { clockOutcome, type ClockOutcome } from "./clock-outcome.js";
import type { ClockState, Incident } from "./model.js";
import { latestClocks } from "./views.js";

// The incidents behind a figure: what a reviewer opens from "2 missed". The
// list pages, the CSV and every store ask this one definition (the database
// store in SQL, tested equal), so the drill-down lists exactly what the
// figures counted: no drill, resolved or not as asked, and at least one
// latest deadline of the clock and outcome asked for.

export interface FigureDrill {
  clock?: string;
  outcome?: "met" | "missed" | "waived" | "running";
  /** Has a resolve time (true) or none yet (false). */
  resolved?: boolean;
}

/** Does the drill name anything (else it selects nothing and the list is the plain one)? */
export const drills = (d: FigureDrill): boolean => Boolean(d.clock || d.outcome || d.resolved !== undefined);

/** The deadlines of an incident that the drill names (every latest clock when it names none). */
export function drilledClocks(clocks: ClockState[], d: FigureDrill, now: Date): Array<{ clock: ClockState; outcome: ClockOutcome }> {
  return latestClocks(clocks)
    .map((clock) => ({ clock, outcome: clockOutcome(clock, now) }))
    .filter((c) => (!d.clock || c.clock.key === d.clock) && (!d.outcome || c.outcome === d.outcome));
}

/** Is this incident behind the figure the drill opens? */
export function isBehind(incident: Pick<Incident, "drill" | "resolvedAt" | "clocks">, d: FigureDrill, now: Date): boolean {
  return (
    !incident.drill &&
    (d.resolved === undefined || Boolean(incident.resolvedAt) === d.resolved) &&
    (!d.clock && !d.outcome ? true : drilledClocks(incident.clocks, d, now).length > 0)
  );
}
