import type { ChangeSet } from "../../ports/incident-store.js";
import { sqlState } from "./sql-state.js";

/** Take the next incident number: the counter row stays locked until the transaction ends. Past the highest number already there (an import). */
export const TAKE_NUMBER = `UPDATE incident_counter SET last = GREATEST(last, (SELECT COALESCE(MAX(number), 0) FROM incident)) + 1
  WHERE id = 1 RETURNING last`;

/** The two ways the store can write a new incident (on Prisma, or on the bare PostgreSQL pool). */
export interface NewIncidentSql {
  /** One statement, `beacon_commit_new`: the change if it was decided for the next number, else SQLSTATE BC428 and nothing written. */
  commitAsNext(json: string): Promise<void>;
  /** Take the number inside a transaction, decide for it (`build` gives the change's JSON), write, commit; the number taken. */
  commitLocked(build: (number: number) => string): Promise<number>;
}

/**
 * Numbers new incidents without gaps, deciding each declare before its number
 * is taken: on the number this process expects (the last one it took, plus
 * the declares still under way here). The change, decided and serialized
 * outside any lock, is written by one statement that takes the number and
 * writes only if it is the one expected, so the counter row is never held
 * across a round trip nor while JavaScript runs. When another process took
 * a number meanwhile (or the first declare, with nothing expected yet) it
 * falls back to deciding inside the transaction, as before. Deciding is pure
 * (the same number gives the same change), so deciding twice is safe.
 */
export class NewIncidents {
  private next: number | undefined;
  /** Declares under way in this process that have not learned their number yet. */
  private waiting = 0;

  constructor(private readonly sql: NewIncidentSql) {}

  async commit(build: (number: number) => ChangeSet): Promise<ChangeSet> {
    const guess = this.next;
    if (guess !== undefined) this.next = guess + 1;
    this.waiting++;
    try {
      const early = guess === undefined ? undefined : tryBuild(build, guess);
      if (early) {
        try {
          await this.sql.commitAsNext(JSON.stringify(early));
          this.learn(guess!);
          return early;
        } catch (e) {
          if (sqlState(e) !== "BC428") {
            this.next = undefined; // refused (a duplicate request) or failed: the number was given back
            throw e;
          }
        }
      }
      let change: ChangeSet | undefined;
      const number = await this.sql.commitLocked((n) => JSON.stringify((change = build(n))));
      this.learn(number);
      return change!;
    } finally {
      this.waiting--;
    }
  }

  /** The declares still waiting here take the numbers after this one: the next to start expects the one after theirs. */
  private learn(number: number): void {
    this.next = number + this.waiting;
  }
}

/** A decision that fails on the expected number is decided again, inside the transaction, on the number taken. */
function tryBuild(build: (number: number) => ChangeSet, number: number): ChangeSet | undefined {
  try {
    return build(number);
  } catch {
    return undefined;
  }
}
