import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The ports-and-adapters rule, enforced: the domain, the ports and the
// use-cases know no platform, database or queue library, and no adapter.

const FORBIDDEN =
  /from\s+["'](@slack\/|discord\.js|@prisma\/|bullmq|ioredis|pg["']|@electric-sql\/|[^"']*adapters\/|[^"']*infra\/|node:(fs|net|http|child_process))/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("architecture", () => {
  for (const layer of ["src/core", "src/ports", "src/app"]) {
    it(`keeps ${layer} free of platform, database, queue and I/O imports`, () => {
      const offenders = files(layer).flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .filter((line) => FORBIDDEN.test(line))
          .map((line) => `${f}: ${line.trim()}`),
      );
      expect(offenders).toEqual([]);
    });
  }

  it("keeps src/core free of hidden clocks (Date.now or new Date())", () => {
    const offenders = files("src/core").flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((line) => /Date\.now\(\)|new Date\(\)/.test(line) && !line.trim().startsWith("//") && !line.trim().startsWith("*"))
        .map((line) => `${f}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("lets only the composition root (src/main.ts, src/compose/) import adapters", () => {
    const importers = files("src").filter((f) => /from\s+["'][^"']*adapters\//.test(readFileSync(f, "utf8")));
    expect(importers.filter((f) => !f.startsWith("src/compose/") && f !== "src/main.ts")).toEqual([]);
  });
});
