// `npm run build`: the compiled service in dist/, what production runs
// (`node dist/src/main.js`: no compiler at start, signals reach Beacon).
// Each TypeScript file becomes one JavaScript file at the same relative path,
// so code that finds files next to itself (the default policy, the
// migrations) finds them in dist/ too: they are copied there. Types are
// checked by `npm run lint` (tsc), not here, so a build takes a second.
// With `--if-possible` (npm start's prestart, npm install's postinstall) a
// machine without the build tools (a production install without
// devDependencies) keeps the dist/ it has.
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "dist");
const SOURCES = ["src", "adapters", "scripts/discord-register.ts"];
const ASSETS = ["config", "prisma/migrations"];

const ifPossible = process.argv.includes("--if-possible");
let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  if (ifPossible && existsSync(join(out, "src/main.js"))) process.exit(0);
  console.error("build: esbuild is not installed (run `npm ci` with devDependencies, then `npm run build`)");
  process.exit(1);
}

/** Every .ts file under the given roots (or the file itself). */
function sources(rel) {
  const path = join(root, rel);
  if (rel.endsWith(".ts")) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".ts") && !d.name.endsWith(".d.ts"))
    .map((d) => join(d.parentPath, d.name));
}

// A full build starts clean (no output of deleted sources); npm start's
// refresh overwrites in place, since another Beacon may be running from dist/.
if (!ifPossible) rmSync(out, { recursive: true, force: true });
await esbuild.build({
  entryPoints: SOURCES.flatMap(sources),
  outdir: out,
  outbase: root,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});
for (const rel of ASSETS) cpSync(join(root, rel), join(out, rel), { recursive: true });
