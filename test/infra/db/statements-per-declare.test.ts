import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../../src/infra/db/prisma-incident-store.js";
import { harness } from "../../helpers/app-harness.js";
import { freshPostgresDatabase } from "../../helpers/postgres.js";

// Counting statements is deterministic where timing is not: this is the
// test that keeps the hot path short. A declare costs its request-key check,
// its number, its one commit, and then, for all its chat deliveries together,
// one lease (which also reads the incident) and one settling commit.
const BUDGET = 8;

let db: Database;
let drop: () => Promise<void>;
const statements: string[] = [];
beforeAll(async () => {
  const fresh = await freshPostgresDatabase();
  drop = fresh.drop;
  db = await openDatabase({ url: fresh.url, migrateOnOpen: true, onStatement: (sql) => statements.push(sql) });
});
afterAll(async () => {
  await db?.close();
  await drop?.();
});

describe("an urgent declaration on PostgreSQL", () => {
  it(`costs at most ${BUDGET} SQL statements, its room, card, pages and notices delivered included`, async () => {
    const h = await harness({ store: new PrismaIncidentStore(db.prisma, db.kind, db.direct) });
    statements.length = 0;
    const reply = await h.as("dana", 'declare urgent "Checkout down" --kind complaint');
    await h.scheduler.idle();
    expect(reply.text).toMatch(/INC-1 declared/);
    const ops = h.chat.calls.map((c) => c.op);
    expect(ops.filter((o) => o === "openRoom")).toHaveLength(1);
    expect(ops.filter((o) => o === "upsertCard")).toHaveLength(1);
    expect(ops.filter((o) => o === "page").length).toBeGreaterThanOrEqual(3);
    expect(ops.filter((o) => o === "notify").length).toBeGreaterThanOrEqual(1);
    expect(statements.length, statements.join("\n---\n")).toBeLessThanOrEqual(BUDGET);
    expect((await h.store.pendingTimers({ limit: 100 })).filter((t) => t.payload.kind === "deliver")).toEqual([]);
    await h.scheduler.stop();
  });

  it("takes a later declare's number and writes it in one statement, no transaction held open across round trips", async () => {
    const fresh = await freshPostgresDatabase();
    const told: string[] = [];
    const own = await openDatabase({ url: fresh.url, migrateOnOpen: true, onStatement: (sql) => told.push(sql) });
    try {
      const h = await harness({ store: new PrismaIncidentStore(own.prisma, own.kind, own.direct) });
      await h.as("dana", 'declare urgent "Checkout down" --kind complaint');
      told.length = 0;
      const reply = await h.as("dana", 'declare urgent "Search slow" --kind complaint');
      expect(reply.text).toMatch(/INC-2 declared/);
      expect(
        told.filter((s) => /beacon_commit_new/.test(s)),
        told.join("\n---\n"),
      ).toHaveLength(1);
      expect(
        told.filter((s) => /^\s*(BEGIN|COMMIT)\b|incident_counter/.test(s)),
        told.join("\n---\n"),
      ).toEqual([]);
      await h.scheduler.stop();
    } finally {
      await own.close();
      await fresh.drop();
    }
  });
});
