import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

// The ports-and-adapters rules, enforced for every folder: who may import
// whom, which libraries each layer may use, and no import circles anywhere.

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path.startsWith(join("src", "infra", "db", "generated"))) return [];
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

interface Import {
  from: string;
  spec: string;
  /** The repository-relative file a relative import points at. */
  target?: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const out: Import[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
    const spec = m[2]!;
    const target = spec.startsWith(".") ? normalize(join(dirname(file), spec)).replace(/\.js$/, ".ts") : undefined;
    out.push({ from: file, spec, target, typeOnly: !!m[1] });
  }
  return out;
}

const ALL = [...files("src"), ...files("adapters")];
const IMPORTS = ALL.flatMap(importsOf);

/** The layer a file belongs to. */
function layer(file: string): string {
  if (file.startsWith("adapters/")) return `adapters/${file.split("/")[1]}`;
  if (file === "src/main.ts" || file === "src/config.ts") return file;
  return file.split("/").slice(0, 2).join("/");
}

/** Which layers each layer may import (its own always), and which packages. */
const RULES: Record<string, { layers: string[]; packages: RegExp }> = {
  "src/core": { layers: [], packages: /^zod$/ },
  "src/ports": { layers: ["src/core"], packages: /^$/ },
  "src/app": { layers: ["src/core", "src/ports"], packages: /^$/ },
  "src/infra": { layers: ["src/core", "src/ports"], packages: /./ },
  "src/web": { layers: ["src/core", "src/ports", "src/app"], packages: /^(node:http|node:crypto|zod)$/ },
  "src/config.ts": { layers: [], packages: /^zod$/ },
  "src/compose": { layers: ["*"], packages: /./ },
  "src/main.ts": { layers: ["*"], packages: /./ },
};
const ADAPTER_RULE = { layers: ["src/core", "src/ports", "src/app"], packages: /./ };
/** Libraries that belong to one platform only. */
const PLATFORM_PACKAGES: Record<string, RegExp> = { "adapters/slack": /^@slack\//, "adapters/discord": /^(discord\.js|@discordjs\/)/ };

describe("architecture", () => {
  it("has a rule for every folder", () => {
    const unruled = [...new Set(ALL.map(layer))].filter((l) => !RULES[l] && !l.startsWith("adapters/"));
    expect(unruled).toEqual([]);
  });

  it("keeps each layer to the layers and libraries it may use", () => {
    const offenders: string[] = [];
    for (const imp of IMPORTS) {
      const from = layer(imp.from);
      const rule = RULES[from] ?? ADAPTER_RULE;
      if (imp.target) {
        const to = layer(imp.target);
        if (to !== from && !rule.layers.includes("*") && !rule.layers.includes(to))
          offenders.push(`${imp.from} → ${imp.spec} (${from} may not import ${to})`);
      } else {
        const pkg = imp.spec;
        // Types of node's HTTP server describe a route's shape; they do no I/O.
        const typeOfHttp = imp.typeOnly && pkg === "node:http" && from === "src/ports";
        if (!rule.packages.test(pkg) && !typeOfHttp) offenders.push(`${imp.from} → ${pkg} (${from} may not use it)`);
        for (const [owner, lib] of Object.entries(PLATFORM_PACKAGES))
          if (lib.test(pkg) && from !== owner) offenders.push(`${imp.from} → ${pkg} (only ${owner} uses it)`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("keeps src/core free of hidden clocks (Date.now or new Date())", () => {
    const offenders = files("src/core").flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((line) => /Date\.now\(\)|new Date\(\)/.test(line) && !line.trim().startsWith("//") && !line.trim().startsWith("*"))
        .map((line) => `${f}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("names no chat platform in the core", () => {
    const offenders = files("src/core").flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((line) => /slack|discord/i.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line))
        .map((line) => `${f}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("has no import circle", () => {
    const graph = new Map<string, string[]>();
    for (const imp of IMPORTS) if (imp.target) graph.set(imp.from, [...(graph.get(imp.from) ?? []), imp.target]);
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        circles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(".", f)).join(" → "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of ALL) visit(file, []);
    expect(circles).toEqual([]);
  });
});
