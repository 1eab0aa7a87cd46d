import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";
import { openDatabase } from "../../src/infra/db/connect.js";

let template: Promise<string> | undefined;
afterAll(async () => {
  if (template) rmSync(dirname(await template), { recursive: true, force: true });
});

/**
 * A BEACON_DATA_DIR holding an initialised, migrated embedded database,
 * copied from one made once per test file: initdb takes seconds, a copy
 * milliseconds. For tests about something else than a first start.
 */
export async function migratedDataDir(target: string): Promise<string> {
  template ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "beacon-template-")), "pglite");
    await (await openDatabase({ dataDir: dir })).close();
    return dir;
  })();
  mkdirSync(target, { recursive: true, mode: 0o700 });
  cpSync(await template, join(target, "pglite"), { recursive: true });
  return target;
}
