import type { QueryOptions, Results } from "@electric-sql/pglite";
import type { SqlRunner } from "./migrate.js";

/** A transaction as pglite-prisma-adapter uses it: statements inside it, and its rollback. */
export interface PgliteTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/** The embedded database as Beacon uses it, on the main thread (PgliteLocal) or in its own (PgliteThread). */
export interface PgliteHost {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  transaction<T>(work: (tx: PgliteTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The whole data directory as an uncompressed tar (what `load` starts from). */
  dump(): Promise<ArrayBuffer>;
  /** The two calls the migrations make. */
  runner(): SqlRunner;
  /** Whether it keeps the process alive (it must while anything waits on it). */
  keepAlive(on: boolean): void;
}
