import { afterAll, beforeAll, it } from "vitest";
import { openDatabase, type Database } from "../../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../../src/infra/db/prisma-incident-store.js";
import { MemoryStore } from "../../fakes/memory-store.js";
import { describeIncidentStoreContract, expectGapFreeAcrossStores } from "./store-contract.js";
import { describeStoreReadsContract } from "./store-figures-contract.js";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ dataDir: ":memory:" });
});
afterAll(async () => db?.close());

describeIncidentStoreContract("Prisma on embedded PGlite", async () => new PrismaIncidentStore(db.prisma, db.kind));
describeIncidentStoreContract("in-memory test fake", async () => new MemoryStore());
describeStoreReadsContract("Prisma on embedded PGlite", async () => new PrismaIncidentStore(db.prisma, db.kind));
describeStoreReadsContract("in-memory test fake", async () => new MemoryStore());

it("numbers declares without a gap when another store on the database took the number one expected", async () => {
  await expectGapFreeAcrossStores(new PrismaIncidentStore(db.prisma, db.kind), new PrismaIncidentStore(db.prisma, db.kind));
});
