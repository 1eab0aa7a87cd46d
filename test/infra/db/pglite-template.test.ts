import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/infra/db/connect.js";
import { openMemory, openMemoryEarly } from "../../../src/infra/db/memory-database.js";
import { readMigrations } from "../../../src/infra/db/migrate.js";
import { memoryTemplate } from "../../../src/infra/db/pglite-template.js";

// The template lives under the temporary directory: this file gets its own.
const realTmp = process.env.TMPDIR;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "beacon-template-test-"));
  process.env.TMPDIR = dir;
});
afterAll(() => {
  if (realTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = realTmp;
  rmSync(dir, { recursive: true, force: true });
});

const migrationsIn = async (db: Awaited<ReturnType<typeof openMemory>>) =>
  (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations")).rows[0]!.n;

describe("the throw-away database's template", () => {
  it("is made once, migrated, in a directory closed to other users, and reused", async () => {
    const path = (await memoryTemplate())!;
    expect(path.startsWith(dir)).toBe(true);
    expect(statSync(join(path, "..")).mode & 0o777).toBe(0o700);
    const made = statSync(path).mtimeMs;
    expect(await memoryTemplate()).toBe(path);
    expect(statSync(path).mtimeMs).toBe(made);
    const db = await openMemory();
    expect(await migrationsIn(db)).toBe(readMigrations().length);
    await db.close();
  }, 120_000);

  it("gives every open a database of its own", async () => {
    const a = await openDatabase({ dataDir: ":memory:" });
    const b = await openDatabase({ dataDir: ":memory:" });
    await a.prisma.$executeRawUnsafe("CREATE TABLE only_in_a (x int)");
    await expect(b.prisma.$queryRawUnsafe("SELECT * FROM only_in_a")).rejects.toThrow(/only_in_a/);
    await a.close();
    await b.close();
  }, 120_000);

  it("hands the database opened early to the next open", async () => {
    openMemoryEarly();
    const db = await openMemory();
    expect(await migrationsIn(db)).toBe(readMigrations().length);
    await db.close();
  }, 120_000);

  it("replaces a template PGlite cannot load, and still opens", async () => {
    const path = (await memoryTemplate())!;
    writeFileSync(path, "not a tar");
    const db = await openMemory();
    expect(await migrationsIn(db)).toBe(readMigrations().length);
    await db.close();
    expect(statSync(path).size).toBeGreaterThan(1_000_000); // made again
  }, 120_000);
});
