// Run as its own short-lived process (see create-data-dir.ts): makes a new
// embedded data directory (PGlite runs initdb in it), closes it and exits.
// Node runs this file as it is (types stripped), compiled or not, so it
// imports nothing of Beacon's: only PGlite and Node. Usage:
//   node pglite-create.js <dataDir> <start params as JSON>
import { PGlite } from "@electric-sql/pglite";

const [dataDir, params] = process.argv.slice(2);
if (!dataDir || !params) {
  process.stderr.write("usage: pglite-create <dataDir> <start params as JSON>\n");
  process.exit(2);
}
const db = new PGlite({ dataDir, startParams: JSON.parse(params) as string[] });
await db.waitReady;
await db.close();
