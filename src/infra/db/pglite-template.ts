import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, readMigrations } from "./migrate.js";
import { PgliteThread } from "./pglite-thread.js";

/**
 * A throw-away database (script mode, tests, benches) starts from a tar of a
 * migrated one instead of running initdb and every migration: initdb is
 * most of a script's start. The tar is made once per set of migrations and
 * PGlite build, in a directory of this user's own under the system's
 * temporary directory, and reused by every later start. Returns its path,
 * or undefined where it cannot be kept (then the caller runs initdb).
 */
export async function memoryTemplate(): Promise<string | undefined> {
  const dir = privateDir();
  if (!dir) return undefined;
  const path = join(dir, `pglite-${templateKey()}.tar`);
  if (exists(path)) return path;
  const db = await PgliteThread.open();
  try {
    await migrate(db.runner());
    // Written aside, then renamed: two starts making it at once each write their own, and either wins whole.
    const part = `${path}.${randomUUID()}`;
    writeFileSync(part, new Uint8Array(await db.dump()), { mode: 0o600 });
    renameSync(part, path);
  } finally {
    await db.close();
  }
  return path;
}

/** The template is remade when a migration or PGlite itself changes. */
function templateKey(): string {
  const hash = createHash("sha256");
  for (const m of readMigrations()) hash.update(`${m.name}:${m.checksum}\n`);
  hash.update(String(statSync(fileURLToPath(import.meta.resolve("@electric-sql/pglite/pglite.wasm"))).size));
  return hash.digest("hex").slice(0, 16);
}

/** `beacon-<uid>` in the temporary directory, ours and closed to others; undefined if another user made it or it cannot be made. */
function privateDir(): string | undefined {
  const dir = join(tmpdir(), `beacon-${process.getuid?.() ?? "user"}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    const mine = process.getuid === undefined || st.uid === process.getuid();
    return mine && st.isDirectory() && (st.mode & 0o077) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

/** A template PGlite could not load is removed, so the next start makes it again. */
export function discardTemplate(path: string): void {
  rmSync(path, { force: true });
}
