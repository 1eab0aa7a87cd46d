/** What the main thread and the embedded database's thread (pglite-worker.ts) send each other. */

export interface PgliteWorkerData {
  /** A directory, or undefined for a database held in memory. */
  dataDir?: string;
  /** For a database in memory: a tar of a data directory to start from (see pglite-template.ts). */
  load?: string;
}

/**
 * A transaction's begin, told without an answer: its id is the main thread's
 * choice, and its statements, its rollback and its end carry it. Its first
 * statement waits in the thread until BEGIN ran (and fails if BEGIN failed).
 */
export interface PgliteBegin {
  op: "begin";
  tx: number;
}

/** Each is answered by a PgliteReply with its id. */
export type PgliteRequest = { id: number } & (
  | { op: "query"; tx?: number; sql: string; params?: unknown[]; rowMode?: "array" | "object"; raw?: number[] }
  | { op: "exec"; tx?: number; sql: string }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "rollback"; tx: number }
  | { op: "dump" }
  | { op: "close" }
);

export type PgliteReply = { id: number; result: unknown; error?: undefined } | { id: number; error: WireError };

export type WireError =
  | { kind: "database"; message: string; length: number; name: string; fields: Record<string, string | number> }
  | { kind: "error"; message: string; name: string; stack?: string };
