/** What the main thread and the embedded database's thread (pglite-worker.ts) send each other. */

export interface PgliteWorkerData {
  /** A directory, or undefined for a database held in memory. */
  dataDir?: string;
  /** For a database in memory: a tar of a data directory to start from (see pglite-template.ts). */
  load?: string;
}

export type PgliteRequest = { id: number } & (
  | { op: "query"; tx?: number; sql: string; params?: unknown[]; rowMode?: "array" | "object"; raw?: number[] }
  | { op: "exec"; tx?: number; sql: string }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "rollback"; tx: number }
  | { op: "dump" }
  | { op: "close" }
);

export type PgliteReply = { id: number; result: unknown; error?: undefined } | { id: number; error: WireError };

export type WireError =
  | { kind: "database"; message: string; length: number; name: string; fields: Record<string, string | number> }
  | { kind: "error"; message: string; name: string; stack?: string };
