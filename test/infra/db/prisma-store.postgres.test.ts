import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type Database } from "../../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../../src/infra/db/prisma-incident-store.js";
import { freshPostgresDatabase } from "../../helpers/postgres.js";
import { describeIncidentStoreContract } from "./store-contract.js";
import { expectGapFreeAcrossStores } from "./numbering-contract.js";
import { describeStoreReadsContract } from "./store-figures-contract.js";

let db: Database;
let other: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const fresh = await freshPostgresDatabase();
  drop = fresh.drop;
  db = await openDatabase({ url: fresh.url, migrateOnOpen: true });
  other = await openDatabase({ url: fresh.url });
});
afterAll(async () => {
  await other?.close();
  await db?.close();
  await drop?.();
});

describeIncidentStoreContract("Prisma on PostgreSQL", async () => new PrismaIncidentStore(db.prisma, db.kind, db.direct));
describeStoreReadsContract("Prisma on PostgreSQL", async () => new PrismaIncidentStore(db.prisma, db.kind, db.direct));
// Without the bare pool every statement goes through Prisma, as on PGlite.
describeIncidentStoreContract("Prisma on PostgreSQL, Prisma only", async () => new PrismaIncidentStore(db.prisma, db.kind));

it("numbers declares without a gap when another process took the number this one expected", async () => {
  await expectGapFreeAcrossStores(
    new PrismaIncidentStore(db.prisma, db.kind, db.direct),
    new PrismaIncidentStore(other.prisma, other.kind, other.direct),
  );
});

it("makes a store on another connection pool (another process) wait for a lock this one holds", async () => {
  const here = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  const there = new PrismaIncidentStore(other.prisma, other.kind, other.direct);
  const log: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let entered!: () => void;
  const inside = new Promise<void>((r) => (entered = r));
  const held = here.exclusive("alerts:am", async () => {
    entered();
    await gate;
    log.push("here");
  });
  await inside;
  const waiting = there.exclusive("alerts:am", async () => void log.push("there"));
  // Wait (without sleeping) until the server shows the other pool's session waiting on the advisory lock.
  const waiters = async () =>
    Number(
      (await db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)[0]!
        .n,
    );
  let settled = false;
  void waiting.then(() => (settled = true));
  while (!settled && (await waiters()) === 0);
  expect(log).toEqual([]);
  release();
  await Promise.all([held, waiting]);
  expect(log).toEqual(["here", "there"]);
});
