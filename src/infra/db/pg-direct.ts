import type pg from "pg";
import type { StatementListener } from "./statement-log.js";

/**
 * The PostgreSQL pool Prisma runs on, used bare for the few statements of
 * the hot path (a declare's number and commit, a delivery batch's lease and
 * settlement). Per statement node-postgres costs a fraction of Prisma's
 * query interpreter, and a simple query may carry several statements in one
 * round trip, which is what keeps the counter row's lock short. Every
 * statement is still told to the statement listener, so the counts tests and
 * benches show stay true.
 */
export class DirectSql {
  constructor(
    private readonly pool: pg.Pool,
    private readonly onStatement?: StatementListener,
  ) {}

  /** One statement with parameters, on whichever connection is free. */
  async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    this.onStatement?.(sql);
    return (await this.pool.query(sql, params)).rows as T[];
  }

  /**
   * `work` on one connection of its own; `run` sends statements without
   * parameters as one round trip (`told`: the statements as the listener
   * hears them, when the SQL carries a literal too long to show). A failure
   * rolls back whatever transaction is open, and a connection that failed
   * beneath us is thrown away rather than returned to the pool.
   */
  async session<T>(work: (run: (sql: string, told: string[]) => Promise<pg.QueryResult[]>) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    const run = async (sql: string, told: string[]) => {
      for (const s of told) this.onStatement?.(s);
      const out = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
      return Array.isArray(out) ? out : [out];
    };
    try {
      return await work(run);
    } catch (e) {
      // Outside a transaction ROLLBACK only warns; on a dead connection it fails, and the client is not reused.
      await client.query("ROLLBACK").catch((r: unknown) => (broken = r as Error));
      throw e;
    } finally {
      client.release(broken);
    }
  }
}

/**
 * `text` as a dollar-quoted SQL literal, no escaping needed: the tag is one
 * the text cannot end early (it does not occur in the text, nor across its
 * end).
 */
export function dollarQuoted(text: string): string {
  let tag = "$j$";
  for (let i = 0; (text + tag).indexOf(tag) !== text.length; i++) tag = `$j${i}$`;
  return `${tag}${text}${tag}`;
}
