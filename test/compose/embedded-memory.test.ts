import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { holdsEmbeddedDatabase } from "../../src/compose/embedded-memory.js";

const MODULE = fileURLToPath(new URL("../../src/compose/embedded-memory.ts", import.meta.url));

/** The young generation's size (MB) after a burst of short-lived garbage, in a fresh Node (tuned or not). */
function youngGenerationAfterBurst(tuned: boolean): number {
  const script = `
    import { getHeapSpaceStatistics } from "node:v8";
    ${tuned ? `(await import(${JSON.stringify(MODULE)})).tuneForEmbeddedDatabase();` : ""}
    const young = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 2 ** 20;
    const kept = [];
    for (let i = 0; i < 2e6; i++) { const o = { i, s: "x" + i }; if (i % 10 === 0) kept.push(o); if (kept.length > 50000) kept.splice(0, 25000); }
    console.log(young());`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
}

describe("the embedded database's process settings", () => {
  it("apply to the console and serve modes on the embedded database, not to a PostgreSQL server's processes", () => {
    expect(holdsEmbeddedDatabase("console", undefined)).toBe(true);
    expect(holdsEmbeddedDatabase("serve", undefined)).toBe(true);
    expect(holdsEmbeddedDatabase("console", "postgresql://db/beacon")).toBe(false);
    expect(holdsEmbeddedDatabase("web", undefined)).toBe(false);
    expect(holdsEmbeddedDatabase("worker", undefined)).toBe(false);
  });

  it("keep V8's young generation small through a burst of garbage, which otherwise grows it many times over", () => {
    const untuned = youngGenerationAfterBurst(false);
    const tuned = youngGenerationAfterBurst(true);
    expect(tuned).toBeGreaterThan(0);
    expect(tuned).toBeLessThan(untuned / 4);
  }, 30_000);
});
