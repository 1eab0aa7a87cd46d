import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/infra/db/connect.js";
import { migrate, readMigrations } from "../../../src/infra/db/migrate.js";
import { pgliteAdapter } from "../../../src/infra/db/pglite-adapter.js";
import { PgliteThread } from "../../../src/infra/db/pglite-thread.js";
import { PrismaIncidentStore } from "../../../src/infra/db/prisma-incident-store.js";
import { created, sampleIncident } from "./sample-incident.js";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "beacon-db-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const runner = (client: PGlite) => ({
  exec: async (sql: string) => void (await client.exec(sql)),
  query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
});

describe("migrations and the embedded database", () => {
  it("applies the committed migrations once, recording them in _prisma_migrations", async () => {
    const client = new PGlite();
    expect(await migrate(runner(client))).toEqual(readMigrations().map((m) => m.name));
    expect(await migrate(runner(client))).toEqual([]);
    const rows = (
      await client.query<{ migration_name: string; checksum: string }>(`SELECT migration_name, checksum FROM "_prisma_migrations"`)
    ).rows;
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
    await client.close();
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const client = new PGlite();
    const [first] = readMigrations();
    await migrate(runner(client), [first!]);
    await expect(migrate(runner(client), [{ ...first!, checksum: "0".repeat(64) }])).rejects.toThrow(/edited after it was applied/);
    await client.close();
  });

  it("rolls back a failing migration and does not record it", async () => {
    const client = new PGlite();
    await expect(
      migrate(runner(client), [{ name: "bad", sql: "CREATE TABLE ok (id int); SELECT nope FROM missing;", checksum: "x" }]),
    ).rejects.toThrow(/migration bad failed/);
    const tables = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'ok'`))
      .rows[0]!.n;
    expect(tables).toBe(0);
    expect((await client.query(`SELECT * FROM "_prisma_migrations"`)).rows).toHaveLength(0);
    await client.close();
  });

  it("keeps incidents across a close and reopen of the data directory", async () => {
    const dataDir = join(tempDir(), "nested", "pglite");
    const db = await openDatabase({ dataDir });
    const inc = sampleIncident();
    await new PrismaIncidentStore(db.prisma, db.kind).commit(created(inc));
    await db.close();
    const again = await openDatabase({ dataDir });
    expect(again.applied).toEqual([]);
    expect((await new PrismaIncidentStore(again.prisma, again.kind).get(inc.id))?.title).toBe(inc.title);
    await again.close();
  });

  it("refuses a second process on the same data directory, and takes over a dead one's lock", async () => {
    const dataDir = join(tempDir(), "pglite");
    writeFileSync(`${dataDir}.lock`, "1"); // pid 1 is alive (init)
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process 1/);
    writeFileSync(`${dataDir}.lock`, "999999"); // no such process
    const db = await openDatabase({ dataDir });
    await db.close();
  });

  it("makes a failing script reject through the mended PGlite adapter", async () => {
    const client = await PgliteThread.open();
    const adapter = await pgliteAdapter(client).connect();
    await expect(adapter.executeScript("SELECT 1; SELECT * FROM no_such_table;")).rejects.toThrow(/no_such_table/);
    await adapter.executeScript("CREATE TABLE fine (id int)");
    expect((await client.query("SELECT count(*) FROM fine")).rows).toHaveLength(1);
    await client.close();
  });
});
