import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { DEFAULT_POLICY_PATH, parsePolicyText, PolicyError } from "../../src/infra/policy-file.js";

// A policy load takes about 15 ms (YAML, schema, calendar), so these run
// fewer cases than the grammar's; together a few seconds.
// The policy loader under generated input: a policy file an operator could
// write, damaged anywhere, is loaded or refused with a PolicyError naming
// where, never another exception. Fixed seed.

const TEXT = readFileSync(DEFAULT_POLICY_PATH, "utf8");
const LINES = TEXT.split("\n");
const SOURCE = parseDocument(TEXT).toJS() as Record<string, unknown>;

function load(text: string): "loaded" | "refused" {
  try {
    parsePolicyText(text, "policy.yml");
    return "loaded";
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    expect(e.message).toMatch(/^(Invalid policy:|policy\.yml)/);
    return "refused";
  }
}

/** Every path to a value inside the policy document. */
function paths(v: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v && typeof v === "object") return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}
const PATHS = paths(SOURCE).filter((p) => p.length > 0);

function replaced(doc: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  if (value === undefined) delete at[path.at(-1)!];
  else at[path.at(-1)!] = value;
  return copy;
}

describe("the policy loader under generated input", () => {
  it("loads or refuses with a clear problem any policy with one value replaced or removed", () => {
    const seen = { loaded: 0, refused: 0 };
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: -5, max: 1e6 }),
      fc.double(),
      fc.boolean(),
      fc.string({ maxLength: 12 }),
      fc.constantFrom("everyone", "leadership", "nobody", "5m", "0m", "-1h", "25:00", "2026-02-30", "\u0000", "{{", "[]"),
      fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), value, (path, v) => void seen[load(JSON.stringify(replaced(SOURCE, path, v)))]++),
      { seed: 16, numRuns: 200 },
    );
    expect(seen.refused).toBeGreaterThan(40);
    expect(seen.loaded).toBeGreaterThan(10);
  });

  it("loads or refuses any text, and the shipped file with a line damaged or dropped", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => void load(text)),
      { seed: 16, numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.nat(LINES.length - 1), fc.option(fc.string({ maxLength: 20 })), (line, text) => {
        const lines = [...LINES];
        if (text === null) lines.splice(line, 1);
        else lines[line] = text;
        load(lines.join("\n"));
      }),
      { seed: 16, numRuns: 60 },
    );
  });
});
