// The embedded database's own thread (BEACON_PGLITE_THREAD=1): it owns the
// PGlite instance and runs what the main thread's PgliteThread sends, so SQL
// (PostgreSQL compiled to WASM, synchronous while it runs) never holds the
// event loop that answers Slack and Discord. Node runs this file as it is (types stripped), compiled
// or not, so it imports nothing of Beacon's: only PGlite and Node.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { messages, PGlite, type Transaction } from "@electric-sql/pglite";
import type { PgliteRequest, PgliteWorkerData, WireError } from "./pglite-wire.js";

const { dataDir, load, startParams } = workerData as PgliteWorkerData & { startParams: string[] };
const port = parentPort!;
// (PGlite reads its options from the first argument when no directory is given.)
const db = new PGlite({ dataDir, startParams, loadDataDir: load === undefined ? undefined : new Blob([readFileSync(load)]) });

/** Open transactions by id: PGlite's own, held open until the main thread ends them. */
const open = new Map<number, { tx: Transaction; end: (commit: boolean) => void }>();
let nextTx = 1;

db.waitReady.then(
  () => port.postMessage({ id: 0, result: null }),
  (e: unknown) => port.postMessage({ id: 0, error: wire(e) }),
);

port.on("message", (req: PgliteRequest) => {
  run(req).then(
    (result) => port.postMessage({ id: req.id, result }),
    (e: unknown) => port.postMessage({ id: req.id, error: wire(e) }),
  );
});

async function run(req: PgliteRequest): Promise<unknown> {
  switch (req.op) {
    case "query": {
      // Types the caller parses itself come back as the text PostgreSQL sent (parsers are functions: they stay there).
      const parsers = Object.fromEntries((req.raw ?? []).map((oid) => [oid, (text: string) => text]));
      const on = req.tx === undefined ? db : txOf(req.tx);
      const r = await on.query(req.sql, req.params, { rowMode: req.rowMode, parsers });
      return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
    }
    case "exec":
      return (await (req.tx === undefined ? db : txOf(req.tx)).exec(req.sql)).map((r) => ({
        rows: r.rows,
        fields: r.fields,
        affectedRows: r.affectedRows,
      }));
    case "begin":
      return begin();
    case "end":
      return end(req.tx, req.commit);
    case "rollback":
      return txOf(req.tx).rollback();
    case "dump":
      return await (await db.dumpDataDir("none")).arrayBuffer();
    case "close":
      return db.close();
  }
}

/** Start a transaction: PGlite queues it behind any running one, exactly as in one thread; answers its id once it has begun. */
function begin(): Promise<number> {
  const id = nextTx++;
  return new Promise((started, failed) => {
    const done = db.transaction(
      (tx) =>
        new Promise<void>((commit, abort) => {
          open.set(id, { tx, end: (ok) => (ok ? commit() : abort(new Error("rolled back"))) });
          started(id);
        }),
    );
    ended.set(id, done);
    done.catch(failed); // BEGIN itself failed: no id was answered
  });
}

/** How each transaction finished (COMMIT, or the ROLLBACK PGlite sent), by id. */
const ended = new Map<number, Promise<void>>();

async function end(id: number, commit: boolean): Promise<void> {
  const done = ended.get(id);
  open.get(id)?.end(commit);
  open.delete(id);
  ended.delete(id);
  try {
    await done;
  } catch (e) {
    if (commit) throw e; // a COMMIT PostgreSQL turned into a ROLLBACK
  }
}

function txOf(id: number): Transaction {
  const t = open.get(id);
  if (!t) throw new Error("Transaction is closed");
  return t.tx;
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
