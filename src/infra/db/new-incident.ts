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
 * is taken, on the number this process expects for it. The change, decided
 * and serialized outside any lock, is written by one statement that takes the
 * number and writes only if it is the one expected, so the counter row is
 * never held across a round trip nor while JavaScript runs.
 *
 * This process's new incidents are written one after another, in the order
 * they were decided: each expects the number after those queued before it, so
 * declares made at once here do not take each other's numbers. When another
 * process took the number meanwhile, nothing is written and the statement
 * names the next free number: the declare is decided again for it (twice at
 * most), then, or when no number is known yet (the first declare), the number
 * is taken inside a transaction and the declare decided there, as before.
 * Deciding is pure (the same number gives the same change), so deciding twice
 * is safe.
 */
export class NewIncidents {
  /** The number the first declare in the queue should get; undefined until one is seen. */
  private expected: number | undefined;
  private queued = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly sql: NewIncidentSql) {}

  commit(build: (number: number) => ChangeSet): Promise<ChangeSet> {
    const guess = this.expected === undefined ? undefined : this.expected + this.queued;
    const early = guess === undefined ? undefined : tryDecide(build, guess);
    this.queued++;
    const turn = this.queue.then(() => this.write(build, early));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async write(build: (number: number) => ChangeSet, early: Decided | undefined): Promise<ChangeSet> {
    try {
      let decided = early;
      for (let attempt = 0; attempt < 3 && this.expected !== undefined; attempt++) {
        const number = this.expected;
        if (decided?.number !== number) decided = decide(build, number);
        try {
          await this.sql.commitAsNext(decided.json);
          this.expected = number + 1;
          return decided.change;
        } catch (e) {
          // Refused (a duplicate request) or failed: nothing taken, the number expected stays right.
          if (sqlState(e) !== "BC428") throw e;
          this.expected = nextFree(e);
        }
      }
      let change: ChangeSet | undefined;
      const number = await this.sql.commitLocked((n) => JSON.stringify((change = build(n))));
      this.expected = number + 1;
      return change!;
    } finally {
      this.queued--;
    }
  }
}

interface Decided {
  number: number;
  change: ChangeSet;
  json: string;
}

function decide(build: (number: number) => ChangeSet, number: number): Decided {
  const change = build(number);
  return { number, change, json: JSON.stringify(change) };
}

/** Deciding ahead is only a head start: a decision that fails is made again (and fails) in its turn. */
function tryDecide(build: (number: number) => ChangeSet, number: number): Decided | undefined {
  try {
    return decide(build, number);
  } catch {
    return undefined;
  }
}

/** The next free number, as `beacon_commit_new` names it when it refuses ("the next incident number is 12, not 13"). */
function nextFree(e: unknown): number | undefined {
  for (let x = e as { message?: unknown; cause?: unknown } | undefined, depth = 0; x && depth < 5; x = x.cause as typeof x, depth++) {
    const found = /next incident number is (\d+)/.exec(String(x.message));
    if (found) return Number(found[1]);
  }
  return undefined;
}
