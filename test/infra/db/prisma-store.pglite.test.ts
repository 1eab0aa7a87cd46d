import { afterAll, beforeAll, it } from "vitest";
import { openDatabase, type Database } from "../../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../../src/infra/db/prisma-incident-store.js";
import { MemoryStore } from "../../fakes/memory-store.js";
import { describeIncidentStoreContract } from "./store-contract.js";
import { expectGapFreeAcrossStores } from "./numbering-contract.js";
import { describeStoreReadsContract } from "./store-figures-contract.js";

let db: Database;
let threaded: Database;
beforeAll(async () => {
  db = await openDatabase({ dataDir: ":memory:", pgliteThread: false });
  threaded = await openDatabase({ dataDir: ":memory:", pgliteThread: true });
});
afterAll(async () => {
  await db?.close();
  await threaded?.close();
});

describeIncidentStoreContract("Prisma on embedded PGlite", async () => new PrismaIncidentStore(db.prisma, db.kind));
describeIncidentStoreContract(
  "Prisma on embedded PGlite in its own thread",
  async () => new PrismaIncidentStore(threaded.prisma, threaded.kind),
);
describeIncidentStoreContract("in-memory test fake", async () => new MemoryStore());
describeStoreReadsContract("Prisma on embedded PGlite", async () => new PrismaIncidentStore(db.prisma, db.kind));
describeStoreReadsContract(
  "Prisma on embedded PGlite in its own thread",
  async () => new PrismaIncidentStore(threaded.prisma, threaded.kind),
);
describeStoreReadsContract("in-memory test fake", async () => new MemoryStore());

it("numbers declares without a gap when another store on the database took the number one expected", async () => {
  await expectGapFreeAcrossStores(new PrismaIncidentStore(db.prisma, db.kind), new PrismaIncidentStore(db.prisma, db.kind));
});
