import { randomUUID } from "node:crypto";

/** Random ids for a running Beacon: incident ids, error references. */
export const randomIds = (): (() => string) => randomUUID;

/**
 * Ids that are the same on every run (console script mode): UUID-shaped,
 * counting up from 1, so a script's output never carries a random id.
 */
export function sequentialIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, "0")}`;
}
