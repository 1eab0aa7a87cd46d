import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import { messages, type QueryOptions, type Results } from "@electric-sql/pglite";
import type { SqlRunner } from "./migrate.js";
import type { PgliteHost, PgliteTransaction } from "./pglite-host.js";
import { PGLITE_START_PARAMS } from "./pglite-local.js";
import type { PgliteBegin, PgliteReply, PgliteRequest, PgliteWorkerData, WireError } from "./pglite-wire.js";

/** Sent to the thread without its id (one per request). */
type Request = PgliteRequest extends infer R ? (R extends PgliteRequest ? Omit<R, "id"> : never) : never;

/**
 * The embedded database, run in its own thread (pglite-worker.ts), behind
 * the part of PGlite's interface that pglite-prisma-adapter and the
 * migrations call: `query`, `exec`, `transaction`, `close`. Results and
 * PostgreSQL errors arrive as PGlite gives them (a `messages.DatabaseError`
 * with its SQLSTATE), so the adapter converts them as before. PGlite is one
 * connection: the thread queues transactions and statements in the order they
 * are sent, as PGlite does in one thread.
 *
 * Each answer awaited costs a round trip between threads, so only statements
 * and a transaction's end are awaited: its begin is told without waiting (its
 * id is chosen here); and the two threads talk over a MessageChannel of their
 * own, which answers faster than the worker's own port.
 */
export class PgliteThread implements PgliteHost {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private nextTx = 1;
  private dead: Error | undefined;

  private constructor(data: PgliteWorkerData) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(workerUrl(), {
      workerData: { ...data, startParams: PGLITE_START_PARAMS, port: port2 },
      transferList: [port2],
    });
    this.port.on("message", (reply: PgliteReply) => this.settle(reply));
    const die = (e: Error) => {
      this.dead ??= e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      this.port.close();
    };
    this.worker.on("error", die);
    this.worker.on("exit", (code) => die(new Error(`The embedded database's thread stopped (exit code ${code}).`)));
  }

  /** Start the thread and open the database in `dataDir` (none: in memory, from the tar `load` if given); rejects as PGlite's open would. */
  static async open(data: PgliteWorkerData = {}): Promise<PgliteThread> {
    const thread = new PgliteThread(data);
    try {
      await new Promise((resolve, reject) => thread.pending.set(0, { resolve, reject }));
    } catch (e) {
      await thread.worker.terminate();
      throw e;
    }
    return thread;
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.runQuery(undefined, sql, params, options);
  }

  async exec(sql: string): Promise<Results[]> {
    return (await this.send({ op: "exec", sql })) as Results[];
  }

  /**
   * Run `work` in a transaction: committed when it resolves (unless it rolled
   * back), rolled back when it throws. `work` starts without waiting for the
   * thread to answer that the transaction began: its first statement waits
   * there for the transaction's turn (every one before it ended) instead.
   */
  async transaction<T>(work: (tx: PgliteTransaction) => Promise<T>): Promise<T> {
    if (this.dead) throw this.dead;
    const id = this.nextTx++;
    // Told now, unanswered: the thread queues it here among the other calls, as PGlite does in one thread.
    this.port.postMessage({ op: "begin", tx: id } satisfies PgliteBegin);
    let closed = false;
    const open = () => {
      if (closed) throw new Error("Transaction is closed");
    };
    const tx: PgliteTransaction = {
      query: async (sql, params, options) => (open(), this.runQuery(id, sql, params, options)),
      exec: async (sql) => (open(), (await this.send({ op: "exec", tx: id, sql })) as Results[]),
      rollback: async () => {
        open();
        closed = true; // at once: the adapter does not await its rollback before ending the transaction
        await this.send({ op: "rollback", tx: id });
      },
      get closed() {
        return closed;
      },
    };
    // After this call returns, as PGlite does: the Prisma adapter's work refers to the promise it returns.
    await Promise.resolve();
    let result: T;
    try {
      result = await work(tx);
    } catch (e) {
      closed = true;
      await this.send({ op: "end", tx: id, commit: false });
      throw e;
    }
    closed = true;
    await this.send({ op: "end", tx: id, commit: true });
    return result;
  }

  /** Whether the thread keeps the process alive (it must while anything waits on it). */
  keepAlive(on: boolean): void {
    if (on) {
      this.worker.ref();
      this.port.ref();
    } else {
      this.worker.unref();
      this.port.unref();
    }
  }

  /** The two calls the migrations make. */
  runner(): SqlRunner {
    return {
      exec: async (sql) => void (await this.exec(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await this.query<T>(sql, params)).rows,
    };
  }

  /** The whole data directory as an uncompressed tar (what `load` starts from). */
  async dump(): Promise<ArrayBuffer> {
    return (await this.send({ op: "dump" })) as ArrayBuffer;
  }

  async close(): Promise<void> {
    if (!this.dead) await this.send({ op: "close" });
    await this.worker.terminate();
  }

  /** The caller's parsers (functions, which cannot cross threads) run here, on the text PostgreSQL sent. */
  private async runQuery<T>(tx: number | undefined, sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const parsers = options?.parsers ?? NO_PARSERS;
    const raw = typesOf(parsers);
    const r = (await this.send({ op: "query", tx, sql, params, rowMode: options?.rowMode, raw })) as Results<T>;
    if (!raw.length) return r;
    const columns = r.fields.map((f, i) => [i, f.name, parsers[f.dataTypeID]] as const).filter(([, , parse]) => parse);
    for (const row of r.rows as Array<Record<string | number, unknown>>) {
      for (const [i, name, parse] of columns) {
        const key = options?.rowMode === "array" ? i : name;
        if (row[key] !== null) row[key] = parse!(row[key] as string);
      }
    }
    return r;
  }

  private send(req: Request): Promise<unknown> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (req as PgliteRequest).id = id;
      this.port.postMessage(req);
    });
  }

  private settle(reply: PgliteReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.error) p.reject(unwire(reply.error));
    else p.resolve(reply.result);
  }
}

const NO_PARSERS: NonNullable<QueryOptions["parsers"]> = {};
const typesByParsers = new WeakMap<object, number[]>();

/** The types the caller parses itself, worked out once per parsers object (the Prisma adapter always passes the same one). */
function typesOf(parsers: NonNullable<QueryOptions["parsers"]>): number[] {
  let raw = typesByParsers.get(parsers);
  if (!raw) typesByParsers.set(parsers, (raw = Object.keys(parsers).map(Number)));
  return raw;
}

type DatabaseErrorName = ConstructorParameters<typeof messages.DatabaseError>[2];

/** The error as PGlite would have thrown it in this thread. */
function unwire(e: WireError): Error {
  if (e.kind === "database") return Object.assign(new messages.DatabaseError(e.message, e.length, e.name as DatabaseErrorName), e.fields);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

/** The worker next to this file: compiled (dist/, .js) or run from source (tests, tsx: .ts, which Node strips of types itself). */
function workerUrl(): URL {
  const ext = import.meta.url.endsWith(".ts") ? "ts" : "js";
  return new URL(`./pglite-worker.${ext}`, import.meta.url);
}
