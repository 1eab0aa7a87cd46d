import { execFileSync } from "node:child_process";

/** Vitest global setup: build dist/ once, so the tests that run the compiled service run this tree's code. */
export default function buildDist(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
