import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database } from "../../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../../src/infra/db/prisma-incident-store.js";
import { freshPostgresDatabase } from "../../helpers/postgres.js";
import { describeIncidentStoreContract } from "./store-contract.js";
import { describeStoreReadsContract } from "./store-figures-contract.js";

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const fresh = await freshPostgresDatabase();
  drop = fresh.drop;
  db = await openDatabase({ url: fresh.url, migrateOnOpen: true });
});
afterAll(async () => {
  await db?.close();
  await drop?.();
});

describeIncidentStoreContract("Prisma on PostgreSQL", async () => new PrismaIncidentStore(db.prisma));
describeStoreReadsContract("Prisma on PostgreSQL", async () => new PrismaIncidentStore(db.prisma));
