import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client.js";
import { migrate, type SqlRunner } from "./migrate.js";
import { pgliteAdapter } from "./pglite-adapter.js";

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** Migrations applied by this open (embedded mode migrates on open). */
  applied: string[];
  close(): Promise<void>;
}

export class DatabaseError extends Error {
  constructor(
    readonly code: "DB.UNREACHABLE" | "DB.LOCKED",
    message: string,
  ) {
    super(message);
  }
}

/**
 * With a URL: a PostgreSQL server through @prisma/adapter-pg (migrations are
 * applied by `npm run db:migrate`, the Procfile's release step, unless
 * `migrateOnOpen`). Without: the embedded PGlite in `dataDir` (":memory:" for a
 * throw-away one), migrated on open and guarded by a lock file, because two
 * processes on one PGlite directory lose writes.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string; migrateOnOpen?: boolean }): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.migrateOnOpen ?? false);
  return openPglite(opts.dataDir ?? "./data/pglite");
}

async function openPostgres(url: string, migrateOnOpen: boolean): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  pool.on("error", () => undefined); // an idle client dropped by the server; the pool replaces it
  try {
    await pool.query("SELECT 1");
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new DatabaseError("DB.UNREACHABLE", `Cannot reach PostgreSQL at ${redact(url)}: ${(e as Error).message}`);
  }
  const applied = migrateOnOpen ? await migrate(pgRunner(pool)) : [];
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind: "postgres",
    applied,
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

export function pgRunner(pool: pg.Pool | pg.Client): SqlRunner {
  return {
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const memory = dataDir === ":memory:";
  const release = memory ? () => undefined : takeLock(resolve(dataDir));
  try {
    if (!memory) mkdirSync(dirname(resolve(dataDir)), { recursive: true });
    const client = memory ? new PGlite() : new PGlite(resolve(dataDir));
    await client.waitReady;
    const applied = await migrate({
      exec: async (sql) => void (await client.exec(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    });
    const prisma = new PrismaClient({ adapter: pgliteAdapter(client) as never });
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

/** One process per data directory: a lock file with our pid; a dead holder's lock is taken over. */
function takeLock(dataDir: string): () => void {
  const lock = `${dataDir}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  try {
    const pid = Number(readFileSync(lock, "utf8").trim());
    if (pid && pid !== process.pid && alive(pid)) {
      throw new DatabaseError(
        "DB.LOCKED",
        `The embedded database ${dataDir} is in use by process ${pid}; stop it first (or set DATABASE_URL to use a PostgreSQL server).`,
      );
    }
  } catch (e) {
    if (e instanceof DatabaseError) throw e;
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
