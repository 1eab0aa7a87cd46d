import type { NewEntry } from "../core/timeline.js";

/** How a command ended, for operators (not the person who typed it). */
export type CommandOutcome = "ok" | "rejected" | "unavailable" | "failed";

/** How one attempt to deliver a chat message ended. */
export type DeliveryOutcome = "sent" | "retrying" | "failed";

/**
 * What the application reports for operators to graph. The app calls it at
 * a few central places (a command's outcome, a committed change, a delivery,
 * a timer firing); infra/metrics.ts turns it into Prometheus series.
 */
export interface Metrics {
  command(verb: string, outcome: CommandOutcome): void;
  /** The timeline entries a change committed: pages, acknowledgements, deadlines met or missed are counted from them. */
  committed(entries: readonly NewEntry[]): void;
  delivery(what: string, outcome: DeliveryOutcome): void;
  /** A due timer was picked up, this many seconds after its due time. */
  timerFired(kind: string, lateSeconds: number): void;
}

export const noMetrics: Metrics = { command() {}, committed() {}, delivery() {}, timerFired() {} };
