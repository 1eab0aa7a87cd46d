import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { DatabaseError } from "./database-error.js";

/** PostgreSQL's control file is exactly this long; anything else is a damaged directory. */
const PG_CONTROL_SIZE = 8192;

/**
 * Decide what an embedded data directory is before PGlite touches it: absent
 * or empty, a new database; a PostgreSQL data directory, opened; anything
 * else is refused, because PGlite would silently initialise an empty database
 * over it (every incident gone, numbering back at INC-1). The directory is
 * kept 0700 and its files 0600: the WAL holds customer names.
 */
export function prepareDataDir(dir: string): "new" | "existing" {
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    mkdirSync(dirname(dir), { recursive: true, mode: 0o700 });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    return "new";
  }
  if (!statSync(dir).isDirectory())
    throw new DatabaseError("DB.NOT_BEACON", `${dir} is not a directory: point BEACON_DATA_DIR at a directory.`);
  if (!existsSync(join(dir, "PG_VERSION"))) {
    throw new DatabaseError(
      "DB.NOT_BEACON",
      `${dir} is not empty and holds no database (no PG_VERSION): Beacon will not initialise over it. Restore it from a backup, or point BEACON_DATA_DIR at an empty directory.`,
    );
  }
  const control = join(dir, "global", "pg_control");
  if (!existsSync(control) || statSync(control).size !== PG_CONTROL_SIZE) {
    throw new DatabaseError(
      "DB.DAMAGED",
      `The embedded database in ${dir} is damaged (global/pg_control is missing or truncated): restore the directory from a backup.`,
    );
  }
  return "existing";
}

/** Directories 0700, files 0600, wherever they are wider (directories made by an older Beacon were 0755). */
export function tighten(dir: string): void {
  const fix = (path: string, mode: number) => {
    const st = lstatSync(path);
    if (!st.isSymbolicLink() && (st.mode & 0o077) !== 0 && st.uid === process.getuid?.()) chmodSync(path, mode);
  };
  fix(dir, 0o700);
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(d.parentPath, d.name);
    if (d.isDirectory()) fix(path, 0o700);
    else if (d.isFile()) fix(path, 0o600);
  }
}
