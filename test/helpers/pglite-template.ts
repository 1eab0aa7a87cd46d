import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openDatabase } from "../../src/infra/db/connect.js";

let template: Promise<string> | undefined;
const made = () =>
  (template ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "beacon-template-")), "pglite");
    await (await openDatabase({ dataDir: dir })).close();
    return dir;
  })());

// Made before the file's tests (initdb on a busy machine can take most of a test's time budget).
beforeAll(() => made().then(() => undefined), 120_000);
afterAll(async () => {
  if (template) rmSync(dirname(await template), { recursive: true, force: true });
});

/**
 * A BEACON_DATA_DIR holding an initialised, migrated embedded database,
 * copied from one made once per test file: initdb takes seconds, a copy
 * milliseconds. For tests about something else than a first start.
 */
export async function migratedDataDir(target: string): Promise<string> {
  mkdirSync(target, { recursive: true, mode: 0o700 });
  cpSync(await made(), join(target, "pglite"), { recursive: true });
  return target;
}
