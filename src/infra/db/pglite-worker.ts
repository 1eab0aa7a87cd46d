// The embedded database's own thread (the default; BEACON_PGLITE_THREAD=0
// keeps PGlite on the main thread): it owns the PGlite instance and runs what
// the main thread's PgliteThread sends, so SQL (PostgreSQL compiled to WASM,
// synchronous while it runs) never holds the event loop that answers Slack
// and Discord. Node runs this file as it is (types stripped), compiled or
// not, so it imports nothing of Beacon's: only PGlite and Node.
import { readFileSync } from "node:fs";
import { type MessagePort, workerData } from "node:worker_threads";
import { messages, PGlite, type Transaction } from "@electric-sql/pglite";
import type { PgliteBegin, PgliteRequest, PgliteWorkerData, WireError } from "./pglite-wire.js";

const { dataDir, load, startParams, port } = workerData as PgliteWorkerData & { startParams: string[]; port: MessagePort };
// (PGlite reads its options from the first argument when no directory is given.)
const db = new PGlite({ dataDir, startParams, loadDataDir: load === undefined ? undefined : new Blob([readFileSync(load)]) });

db.waitReady.then(
  () => port.postMessage({ id: 0, result: null }),
  (e: unknown) => port.postMessage({ id: 0, error: wire(e) }),
);

port.on("message", (req: PgliteRequest | PgliteBegin) => {
  if (req.op === "begin") return void open.set(req.tx, begin()); // unanswered: its statements and its end report how it went
  run(req).then(
    (result) => port.postMessage({ id: req.id, result }),
    (e: unknown) => port.postMessage({ id: req.id, error: wire(e) }),
  );
});

// Every call reaches PGlite (or a transaction's turn) synchronously, in the
// order the messages came: PGlite queues them in that order, as in one thread.
function run(req: PgliteRequest): Promise<unknown> {
  switch (req.op) {
    case "query": {
      // Types the caller parses itself come back as the text PostgreSQL sent (parsers are functions: they stay there).
      const options = { rowMode: req.rowMode, parsers: textParsers(req.raw) };
      const r =
        req.tx === undefined ? db.query(req.sql, req.params, options) : txOf(req.tx).then((t) => t.query(req.sql, req.params, options));
      return r.then((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case "exec": {
      const r = req.tx === undefined ? db.exec(req.sql) : txOf(req.tx).then((t) => t.exec(req.sql));
      return r.then((all) => all.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows })));
    }
    case "end":
      return end(req.tx, req.commit);
    case "rollback":
      return txOf(req.tx).then((tx) => tx.rollback());
    case "dump":
      return db.dumpDataDir("none").then((tar) => tar.arrayBuffer());
    case "close":
      return db.close();
  }
}

const identity = (text: string) => text;
const parsersByTypes = new Map<string, Record<number, (text: string) => string>>();

/** The same parsers object for the same types (the Prisma adapter always asks for the same ones). */
function textParsers(raw: number[] | undefined): Record<number, (text: string) => string> {
  if (!raw?.length) return {};
  const key = raw.join();
  let parsers = parsersByTypes.get(key);
  if (!parsers) parsersByTypes.set(key, (parsers = Object.fromEntries(raw.map((oid) => [oid, identity]))));
  return parsers;
}

interface Open {
  /** Resolves once BEGIN ran (PGlite queues it behind any running transaction); rejects if BEGIN failed. */
  begun: Promise<Transaction>;
  /** Lets PGlite's transaction finish: COMMIT, or ROLLBACK. */
  finish(commit: boolean): void;
  /** How it finished (COMMIT, or the ROLLBACK PGlite sent). */
  done: Promise<void>;
}

/** Open transactions by the main thread's id: PGlite's own, held open until the main thread ends them. */
const open = new Map<number, Open>();

/** The transaction `id` once it has begun. */
function txOf(id: number): Promise<Transaction> {
  return open.get(id)?.begun ?? Promise.reject(new Error("Transaction is closed"));
}

function begin(): Open {
  let started!: (tx: Transaction) => void;
  let failed!: (e: unknown) => void;
  let finish: (commit: boolean) => void = () => undefined;
  const begun = new Promise<Transaction>((resolve, reject) => ((started = resolve), (failed = reject)));
  const done = db.transaction(
    (tx) =>
      new Promise<void>((commit, abort) => {
        finish = (ok) => (ok ? commit() : abort(new Error("rolled back")));
        started(tx);
      }),
  );
  done.catch(failed); // BEGIN itself failed: the statements waiting on it fail with its error
  begun.catch(() => undefined); // (reported through those statements, or the end)
  return { begun, finish: (ok) => finish(ok), done };
}

async function end(id: number, commit: boolean): Promise<void> {
  const t = open.get(id);
  if (!t) throw new Error("Transaction is closed");
  open.delete(id);
  try {
    await t.begun; // every statement sent before the end is queued in it by now
    t.finish(commit);
    await t.done;
  } catch (e) {
    if (commit) throw e; // a COMMIT PostgreSQL turned into a ROLLBACK, or a BEGIN that failed
  }
}

/** An error in a shape that crosses threads: a PostgreSQL error keeps every field (SQLSTATE, detail, constraint…). */
function wire(e: unknown): WireError {
  if (e instanceof messages.DatabaseError) {
    const fields: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(e)) if (typeof v === "string" || typeof v === "number") fields[k] = v;
    return { kind: "database", message: e.message, length: e.length, name: e.name, fields };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: "error", message: err.message, name: err.name, stack: err.stack };
}
