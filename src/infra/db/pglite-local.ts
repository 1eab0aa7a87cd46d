import { readFileSync } from "node:fs";
import { PGlite, type QueryOptions, type Results } from "@electric-sql/pglite";
import type { SqlRunner } from "./migrate.js";
import type { PgliteHost, PgliteTransaction } from "./pglite-host.js";
import type { PgliteWorkerData } from "./pglite-wire.js";

/** PostgreSQL's buffer cache in WASM memory (resident once touched): 16 MB instead of initdb's 128 MB. */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/**
 * PGlite on the main thread (BEACON_PGLITE_THREAD=0): a statement costs no
 * thread hop, but every statement holds the event loop while it runs, so
 * acknowledgements wait behind SQL (see README, Benchmarks).
 */
export class PgliteLocal implements PgliteHost {
  private constructor(private readonly db: PGlite) {}

  static async open(data: PgliteWorkerData = {}): Promise<PgliteLocal> {
    const loadDataDir = data.load === undefined ? undefined : new Blob([readFileSync(data.load)]);
    // (PGlite reads its options from the first argument when no directory is given.)
    const db = new PGlite({ dataDir: data.dataDir, startParams: PGLITE_START_PARAMS, loadDataDir });
    await db.waitReady;
    return new PgliteLocal(db);
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.db.query<T>(sql, params, options);
  }

  exec(sql: string): Promise<Results[]> {
    return this.db.exec(sql);
  }

  transaction<T>(work: (tx: PgliteTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async dump(): Promise<ArrayBuffer> {
    return (await this.db.dumpDataDir("none")).arrayBuffer();
  }

  runner(): SqlRunner {
    return {
      exec: async (sql) => void (await this.db.exec(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await this.db.query<T>(sql, params)).rows,
    };
  }

  keepAlive(): void {} // nothing of its own keeps the process alive
}
