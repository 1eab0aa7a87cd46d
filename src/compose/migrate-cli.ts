import pg from "pg";
import { loadConfig } from "../config.js";
import { migrateLocked, redactUrl } from "../infra/db/connect.js";

// `npm run db:migrate`: the Procfile's release step. Applies pending
// migrations to DATABASE_URL under an advisory lock (two release steps run
// one after the other) and prints one line each; a problem is one line and
// exit code 1.

async function main(): Promise<void> {
  const { DATABASE_URL } = loadConfig();
  if (!DATABASE_URL) throw new Error("DATABASE_URL is not set (the embedded database migrates itself on start)");
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`Cannot reach PostgreSQL at ${redactUrl(DATABASE_URL)}: ${(e as Error).message}`);
  }
  try {
    const applied = await migrateLocked(client);
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
