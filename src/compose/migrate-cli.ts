import pg from "pg";
import { loadConfig } from "../config.js";
import { migrate } from "../infra/db/migrate.js";
import { pgRunner } from "../infra/db/connect.js";

// `npm run db:migrate`: the Procfile's release step. Applies pending
// migrations to DATABASE_URL and prints one line each.

async function main(): Promise<void> {
  const { DATABASE_URL } = loadConfig();
  if (!DATABASE_URL) throw new Error("DATABASE_URL is not set (the embedded database migrates itself on start)");
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`Cannot reach PostgreSQL: ${(e as Error).message}`);
  }
  try {
    await client.query("SELECT pg_advisory_lock(724001)"); // one migrator at a time
    const applied = await migrate(pgRunner(client));
    for (const name of applied) console.log(`applied ${name}`);
    console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
  } finally {
    await client.end();
  }
}

main().catch((e: Error) => {
  console.error(`db:migrate: ${e.message}`);
  process.exit(1);
});
