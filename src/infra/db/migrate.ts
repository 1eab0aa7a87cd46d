import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// Beacon's migration runner: applies prisma/migrations/*/migration.sql in
// order, each in its own transaction, recorded in Prisma's own
// `_prisma_migrations` table (same columns, checksum = sha256 of the file), so
// `prisma migrate status` on a machine with the native engine agrees. It needs
// nothing but npm packages: the Prisma CLI's migrate commands need a native
// engine that cannot be downloaded on a machine without access to Prisma's binary host.

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

/** The least a connection must do: run a script, and run one parameterised query. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  readonly code = "DB.MIGRATION_FAILED";
}

/** Migrations the database has not applied yet (all of them on an empty database), without changing anything. */
export async function pendingMigrations(db: SqlRunner, migrations: Migration[] = readMigrations()): Promise<string[]> {
  const [ledger] = await db.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!ledger?.t) return migrations.map((m) => m.name);
  const done = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return migrations.filter((m) => !done.some((d) => d.migration_name === m.name)).map((m) => m.name);
}

/** Apply every migration not yet applied. Returns the names applied now. */
export async function migrate(db: SqlRunner, migrations: Migration[] = readMigrations()): Promise<string[]> {
  await db.exec(LEDGER);
  const done = await db.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied: string[] = [];
  for (const m of migrations) {
    const previous = done.find((d) => d.migration_name === m.name);
    if (previous) {
      if (previous.checksum !== m.checksum) throw new MigrationError(`migration ${m.name} was edited after it was applied`);
      continue;
    }
    try {
      await db.exec(
        `BEGIN;\n${m.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('${randomUUID()}', '${m.checksum}', now(), '${m.name.replace(/'/g, "''")}', 1);\nCOMMIT;`,
      );
    } catch (e) {
      await db.exec("ROLLBACK").catch(() => undefined);
      throw new MigrationError(`migration ${m.name} failed: ${(e as Error).message}`);
    }
    applied.push(m.name);
  }
  return applied;
}
