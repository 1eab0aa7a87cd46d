import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createDataDir } from "./create-data-dir.js";
import { prepareDataDir, tighten } from "./data-dir.js";
import { takeLock } from "./data-lock.js";
import { DatabaseError } from "./database-error.js";
import { PrismaClient } from "./generated/client.js";
import { migrate, pendingMigrations, type SqlRunner } from "./migrate.js";
import { pgliteAdapter } from "./pglite-adapter.js";
import { openMemory } from "./memory-database.js";
import { openPgliteHost } from "./open-pglite-host.js";
import type { PgliteHost } from "./pglite-host.js";
import { loggingAdapter, type StatementListener } from "./statement-log.js";
import { DirectSql } from "./pg-direct.js";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export { DatabaseError };

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** On PostgreSQL, the pool beneath Prisma used bare for the hot path's statements (PrismaIncidentStore's `direct`). */
  direct?: DirectSql;
  /** Migrations applied by this open (embedded mode migrates on open). */
  applied: string[];
  close(): Promise<void>;
}

/**
 * With a URL: a PostgreSQL server through @prisma/adapter-pg (migrations are
 * applied by `npm run db:migrate`, the Procfile's release step, unless
 * `migrateOnOpen`; a database the release step has not migrated is refused
 * with one line). Without: the embedded PGlite in `dataDir` (":memory:" for a
 * throw-away one), migrated on open and guarded by a lock file, because two
 * processes on one PGlite directory lose writes.
 */
export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  migrateOnOpen?: boolean;
  /** Told of every statement Prisma sends (tests count them; benches show them). */
  onStatement?: StatementListener;
  /** Run the embedded database in its own worker thread (the service's default, BEACON_PGLITE_THREAD; unset here: on this thread). */
  pgliteThread?: boolean;
}): Promise<Database> {
  const log = opts.onStatement;
  const adapt = (factory: SqlDriverAdapterFactory) => (log ? loggingAdapter(factory, log) : factory);
  if (opts.url) return openPostgres(opts.url, opts.migrateOnOpen ?? false, adapt, log);
  return openPglite(opts.dataDir ?? "./data/pglite", adapt, opts.pgliteThread ?? false);
}

type Adapt = (factory: SqlDriverAdapterFactory) => SqlDriverAdapterFactory;

async function openPostgres(url: string, migrateOnOpen: boolean, adapt: Adapt, log?: StatementListener): Promise<Database> {
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  } catch (e) {
    throw new DatabaseError(
      "DB.UNREACHABLE",
      `DATABASE_URL is not a PostgreSQL URL (${(e as Error).message}): use postgresql://user:password@host:5432/database`,
    );
  }
  pool.on("error", () => undefined); // an idle client dropped by the server; the pool replaces it
  try {
    await pool.query("SELECT 1");
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new DatabaseError("DB.UNREACHABLE", `Cannot reach PostgreSQL at ${redactUrl(url)}: ${(e as Error).message}`);
  }
  try {
    const applied = migrateOnOpen ? await migrateLocked(pool) : await requireMigrated(pool, url);
    const prisma = new PrismaClient({ adapter: adapt(new PrismaPg(pool) as unknown as SqlDriverAdapterFactory) as never });
    return {
      prisma,
      kind: "postgres",
      direct: new DirectSql(pool, log),
      applied,
      close: async () => {
        await prisma.$disconnect();
        await pool.end().catch(() => undefined);
      },
    };
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
}

async function requireMigrated(pool: pg.Pool, url: string): Promise<string[]> {
  const pending = await pendingMigrations(pgRunner(pool));
  if (pending.length) {
    throw new DatabaseError(
      "DB.MIGRATIONS_PENDING",
      `The database at ${redactUrl(url)} lacks ${pending.length} migration(s) (${pending.join(", ")}): run the release step, \`npm run db:migrate\`, first.`,
    );
  }
  return [];
}

/** Any number advisory-locks the migrations; this one is Beacon's ("BEACON" on a phone keypad). */
const MIGRATION_LOCK = 232_266;

/**
 * Apply pending migrations holding a PostgreSQL advisory lock, so two release
 * steps (or two processes migrating on open) run one after the other: the
 * second finds everything applied.
 */
export async function migrateLocked(pool: pg.Pool | pg.Client): Promise<string[]> {
  const client = pool instanceof pg.Pool ? await pool.connect() : pool;
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      return await migrate(pgRunner(client));
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    if (client !== pool) (client as pg.PoolClient).release();
  }
}

export function pgRunner(pool: pg.Pool | pg.ClientBase): SqlRunner {
  return {
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
  };
}

async function openPglite(dataDir: string, adapt: Adapt, thread: boolean): Promise<Database> {
  const memory = dataDir === ":memory:";
  const dir = resolve(dataDir);
  if (!memory) mkdirSync(dirname(dir), { recursive: true, mode: 0o700 });
  const release = memory ? () => undefined : takeLock(`${dir}.lock`, dir);
  try {
    const client = memory ? await openMemory(thread) : await openDirectory(dir, thread);
    const applied = await migrate(client.runner());
    if (!memory) tighten(dir);
    const prisma = new PrismaClient({ adapter: adapt(pgliteAdapter(client)) as never });
    return {
      prisma,
      kind: "pglite",
      applied,
      close: async () => {
        await prisma.$disconnect();
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

async function openDirectory(dir: string, thread: boolean): Promise<PgliteHost> {
  const state = prepareDataDir(dir);
  // PGlite writes its files through Node's fs with default modes; in the
  // embedded process nothing else should be readable by other users either.
  process.umask(0o077);
  try {
    // Made by a short-lived process: initdb's memory leaves with it (see create-data-dir.ts).
    if (state === "new") await createDataDir(dir);
    return await openPgliteHost({ dataDir: dir }, thread);
  } catch (e) {
    // PGlite aborts (RuntimeError: Aborted()) on a directory it cannot read.
    const what = state === "new" ? "could not be created" : "could not be opened: it is damaged";
    throw new DatabaseError(
      "DB.DAMAGED",
      `The embedded database in ${dir} ${what} (${(e as Error).message}); restore the directory from a backup.`,
    );
  }
}

export const redactUrl = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]+@/, "//$1:***@");
