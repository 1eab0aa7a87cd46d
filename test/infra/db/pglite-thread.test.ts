import { messages } from "@electric-sql/pglite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/infra/db/connect.js";
import { pgliteAdapter } from "../../../src/infra/db/pglite-adapter.js";
import { PrismaIncidentStore } from "../../../src/infra/db/prisma-incident-store.js";
import { PgliteThread } from "../../../src/infra/db/pglite-thread.js";
import { sqlState } from "../../../src/infra/db/sql-state.js";
import { created, sampleIncident } from "./sample-incident.js";

let db: PgliteThread;

beforeAll(async () => {
  db = await PgliteThread.open();
  await db.exec(`
    CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL, at timestamptz, doc jsonb, big bigint);
    CREATE FUNCTION lose_race() RETURNS void LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'stale' USING ERRCODE = 'BC409'; END $$;
  `);
}, 120_000);
afterAll(() => db?.close());
beforeEach(() => db.exec("DELETE FROM item").then(() => undefined));

const count = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM item")).rows[0]!.n;

describe("the embedded database in its own thread", () => {
  it("answers queries with PGlite's rows, fields and affected rows", async () => {
    const inserted = await db.query("INSERT INTO item (id, name, big) VALUES ($1, $2, $3), (2, 'b', 2)", [1, "a", 9007199254740993n]);
    expect(inserted.affectedRows).toBe(2);
    const r = await db.query<{ id: number; name: string }>("SELECT id, name FROM item ORDER BY id");
    expect(r.rows).toEqual([
      { id: 1, name: "a" },
      { id: 2, name: "b" },
    ]);
    expect(r.fields.map((f) => f.name)).toEqual(["id", "name"]);
  });

  it("runs the caller's parsers on the text PostgreSQL sent, leaving nulls and other types alone", async () => {
    await db.query("INSERT INTO item VALUES (1, 'a', '2026-01-05 09:00:00+00', '{\"x\":1}', 42), (2, 'b', NULL, NULL, NULL)");
    const seen: string[] = [];
    const r = await db.query<unknown[]>("SELECT id, at, doc, big FROM item ORDER BY id", [], {
      rowMode: "array",
      parsers: { 1184: (text: string) => (seen.push(text), `at:${text}`), 3802: (text: string) => `doc:${text}` },
    });
    expect(r.rows).toEqual([
      [1, "at:2026-01-05 09:00:00+00", 'doc:{"x": 1}', 42],
      [2, null, null, null],
    ]);
    expect(seen).toEqual(["2026-01-05 09:00:00+00"]);
  });

  it("rejects with PGlite's own DatabaseError, SQLSTATE and details intact", async () => {
    await db.query("INSERT INTO item (id, name) VALUES (1, 'a')");
    const dup = await db.query("INSERT INTO item (id, name) VALUES (1, 'again')").catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(messages.DatabaseError);
    expect(dup).toMatchObject({ code: "23505", constraint: "item_pkey", detail: "Key (id)=(1) already exists.", severity: "ERROR" });
    const stale = await db.query("SELECT lose_race()").catch((e: unknown) => e);
    expect(sqlState(stale)).toBe("BC409");
  });

  it("commits a transaction whose work resolves, and rolls back one whose work throws", async () => {
    await db.transaction(async (tx) => void (await tx.query("INSERT INTO item (id, name) VALUES (1, 'kept')")));
    const thrown = await db
      .transaction(async (tx) => {
        await tx.query("INSERT INTO item (id, name) VALUES (2, 'dropped')");
        throw new Error("changed my mind");
      })
      .catch((e: Error) => e.message);
    expect(thrown).toBe("changed my mind");
    expect(await count()).toBe(1);
  });

  it("keeps a rolled-back transaction rolled back, and refuses statements after it", async () => {
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO item (id, name) VALUES (1, 'dropped')");
      void tx.rollback(); // as the Prisma adapter does: not awaited before the work ends
      expect(tx.closed).toBe(true);
      await expect(tx.query("SELECT 1")).rejects.toThrow(/Transaction is closed/);
    });
    expect(await count()).toBe(0);
  });

  it("rejects the commit of a transaction PostgreSQL aborted", async () => {
    await db.query("INSERT INTO item (id, name) VALUES (1, 'a')");
    const commit = db.transaction(async (tx) => {
      await tx.query("INSERT INTO item (id, name) VALUES (1, 'dup')").catch(() => undefined);
    });
    await expect(commit).rejects.toThrow();
    expect(await count()).toBe(1);
  });

  it("runs transactions one after another, and statements outside them after them", async () => {
    const order: string[] = [];
    const first = db.transaction(async (tx) => {
      await tx.query("INSERT INTO item (id, name) VALUES (1, 'first')");
      await new Promise((r) => setTimeout(r, 20));
      order.push("first ends");
    });
    // The second begins with its first statement, which waits for the first's COMMIT: it sees the row.
    const second = db.transaction(async (tx) => {
      const updated = await tx.query("UPDATE item SET name = 'second' WHERE id = 1");
      order.push(`second updated ${updated.affectedRows}`);
    });
    const outside = db.query<{ name: string }>("SELECT name FROM item WHERE id = 1").then((r) => (order.push("outside"), r.rows[0]?.name));
    await Promise.all([first, second]);
    expect(await outside).toBe("second");
    expect(order).toEqual(["first ends", "second updated 1", "outside"]);
  });

  it("ends a transaction that sent no statement as its work did: resolved with its result, or rejected with its error", async () => {
    expect(await db.transaction(async () => "nothing to do")).toBe("nothing to do");
    await expect(
      db.transaction(async () => {
        throw new Error("gave up first");
      }),
    ).rejects.toThrow("gave up first");
    // The connection is free for what follows.
    await db.transaction(async (tx) => void (await tx.query("INSERT INTO item (id, name) VALUES (1, 'after')")));
    expect(await count()).toBe(1);
  });

  it("rolls back a transaction queued behind another when its work throws after its first statement", async () => {
    const first = db.transaction(async (tx) => {
      await tx.query("INSERT INTO item (id, name) VALUES (1, 'kept')");
      await new Promise((r) => setTimeout(r, 20));
    });
    const second = db.transaction(async (tx) => {
      await tx.query("INSERT INTO item (id, name) VALUES (2, 'dropped')");
      throw new Error("changed my mind");
    });
    await first;
    await expect(second).rejects.toThrow("changed my mind");
    expect((await db.query<{ id: number }>("SELECT id FROM item")).rows).toEqual([{ id: 1 }]);
  });

  it("leaves the event loop free while a statement runs", async () => {
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    await db.query("SELECT count(*) FROM generate_series(1, 1000000)");
    running = false;
    // In one thread the statement holds the loop from start to end: a tick or two at most.
    expect(ticks).toBeGreaterThan(20);
  });

  it("serves the Prisma adapter: a unique violation arrives as Prisma's driver error with its SQLSTATE", async () => {
    const adapter = await pgliteAdapter(db).connect();
    const insert = {
      sql: "INSERT INTO item (id, name) VALUES ($1, $2)",
      args: [7, "x"],
      argTypes: [
        { scalarType: "int", arity: "scalar" },
        { scalarType: "string", arity: "scalar" },
      ] as never[],
    };
    await adapter.executeRaw(insert);
    const e = await adapter.executeRaw(insert).catch((err: unknown) => err);
    expect(e).toMatchObject({ name: "DriverAdapterError", cause: { kind: "UniqueConstraintViolation", originalCode: "23505" } });
  });

  it("stores and reads incidents through Prisma when BEACON_PGLITE_THREAD asks for the thread", async () => {
    let statements = 0;
    const threaded = await openDatabase({ dataDir: ":memory:", pgliteThread: true, onStatement: () => statements++ });
    const store = new PrismaIncidentStore(threaded.prisma, threaded.kind);
    const inc = sampleIncident();
    await store.commit(created(inc));
    expect((await store.get(inc.id))?.title).toBe(inc.title);
    expect(statements).toBeGreaterThan(1); // the statement log still counts
    await threaded.close();
  }, 120_000);

  it("rejects every call once the thread is gone", async () => {
    const other = await PgliteThread.open();
    await other.close();
    await expect(other.query("SELECT 1")).rejects.toThrow(/thread stopped/);
  });
});
