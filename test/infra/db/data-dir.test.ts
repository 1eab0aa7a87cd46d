import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/infra/db/connect.js";
import { prepareDataDir, tighten } from "../../../src/infra/db/data-dir.js";

const dir = mkdtempSync(join(tmpdir(), "beacon-datadir-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

function everything(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true }).map((d) => join(d.parentPath, d.name));
}

describe("the embedded data directory", () => {
  it("is created readable by its owner alone: directories 0700, files 0600", async () => {
    const data = join(dir, "fresh", "pglite");
    const db = await openDatabase({ dataDir: data });
    try {
      expect(mode(data)).toBe(0o700);
      expect(mode(join(dir, "fresh"))).toBe(0o700);
      const wider = everything(data).filter((p) => mode(p) & 0o077);
      expect(wider).toEqual([]);
    } finally {
      await db.close();
    }
  }, 60_000);

  it("is new when absent or empty", () => {
    expect(prepareDataDir(join(dir, "absent"))).toBe("new");
    mkdirSync(join(dir, "empty"));
    expect(prepareDataDir(join(dir, "empty"))).toBe("new");
  });

  it("is refused when it holds files but no database, and left as it is", () => {
    const data = join(dir, "other");
    mkdirSync(data);
    writeFileSync(join(data, "notes.txt"), "x");
    expect(() => prepareDataDir(data)).toThrow(/is not empty and holds no database \(no PG_VERSION\)/);
    expect(readdirSync(data)).toEqual(["notes.txt"]);
  });

  it("is refused as damaged when its control file is missing or truncated", () => {
    const data = join(dir, "damaged");
    mkdirSync(join(data, "global"), { recursive: true });
    writeFileSync(join(data, "PG_VERSION"), "18\n");
    expect(() => prepareDataDir(data)).toThrow(/is damaged \(global\/pg_control is missing or truncated\)/);
    writeFileSync(join(data, "global", "pg_control"), Buffer.alloc(8191));
    expect(() => prepareDataDir(data)).toThrow(/is damaged/);
    writeFileSync(join(data, "global", "pg_control"), Buffer.alloc(8192));
    expect(prepareDataDir(data)).toBe("existing");
  });

  it("has an older Beacon's world-readable directory tightened", () => {
    const data = join(dir, "old");
    mkdirSync(join(data, "base"), { recursive: true, mode: 0o755 });
    writeFileSync(join(data, "base", "1"), "rows", { mode: 0o644 });
    chmodSync(data, 0o755);
    tighten(data);
    expect([mode(data), mode(join(data, "base")), mode(join(data, "base", "1"))]).toEqual([0o700, 0o700, 0o600]);
  });
});
