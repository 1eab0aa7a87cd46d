import { ConflictError } from "../ports/incident-store.js";

/**
 * How often a decision is made again on fresh state when someone else changed
 * the incident (or fired the timer) in between. Conflicts come from a handful
 * of people and timers acting on one incident in the same instant; eight
 * rounds is far past that, and still ends a livelock.
 */
export const MAX_CONFLICT_ROUNDS = 8;

/** Signals that the round's state was stale and the attempt should run again. */
export const AGAIN = Symbol("again");

/**
 * Optimistic concurrency, written once: run `attempt` (read, decide, commit);
 * when its commit loses a race (ConflictError) or it asks for another round,
 * run it again on fresh state. After the last round, `exhausted()` answers.
 */
export async function onFreshState<T>(attempt: (round: number) => Promise<T | typeof AGAIN>, exhausted: () => T | Promise<T>): Promise<T> {
  for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
    try {
      const result = await attempt(round);
      if (result !== AGAIN) return result;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  return exhausted();
}
