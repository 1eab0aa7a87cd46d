import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrateLocked, openDatabase } from "../../../src/infra/db/connect.js";
import { readMigrations } from "../../../src/infra/db/migrate.js";
import { freshPostgresDatabase } from "../../helpers/postgres.js";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fresh(): Promise<string> {
  const db = await freshPostgresDatabase();
  cleanups.push(() => db.drop());
  return db.url;
}

async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  cleanups.push(() => c.end());
  return c;
}

describe("migrations on a PostgreSQL server", () => {
  it("runs two release steps started together one after the other: each migration is applied once", async () => {
    const url = await fresh();
    const [a, b] = await Promise.all([client(url), client(url)]);
    const results = await Promise.all([migrateLocked(a), migrateLocked(b)]);
    const names = readMigrations().map((m) => m.name);
    expect(results.sort((x, y) => y.length - x.length)).toEqual([names, []]);
    const rows = await a.query(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows.rows.map((r: { migration_name: string }) => r.migration_name)).toEqual(names);
  });

  it("refuses to serve from a database the release step has not migrated, naming the step", async () => {
    const url = await fresh();
    await expect(openDatabase({ url })).rejects.toMatchObject({
      code: "DB.MIGRATIONS_PENDING",
      message: expect.stringMatching(
        /lacks \d+ migration\(s\) \(\d+_init(, \d+_\w+)*\): run the release step, `npm run db:migrate`, first\.$/,
      ),
    });
  });

  it("opens a migrated database", async () => {
    const url = await fresh();
    await (await openDatabase({ url, migrateOnOpen: true })).close();
    const db = await openDatabase({ url });
    expect(db.kind).toBe("postgres");
    await db.close();
  });
});
