import { setFlagsFromString } from "node:v8";

/**
 * V8 settings for a process that holds the embedded database (console and
 * serve modes without DATABASE_URL), where resident memory is most of what
 * a small install pays for. Set at the start of the process, before PGlite's
 * WebAssembly is compiled; both flags are read by V8 when it needs them, not
 * only at startup. Measured with /proc/self/smaps and the process bench:
 *
 * - One WebAssembly compilation task instead of one per core: each task
 *   compiles on its own thread, and glibc keeps each thread's freed memory
 *   in that thread's arena; PGlite's 9 MB module compiled on several left
 *   about 55 MB of RSS behind once idle.
 * - The young generation kept at its initial size (no growth): V8 doubles it
 *   under a burst of work (up to 128 MB of semi-spaces after 1,000 declares
 *   typed at once), and gives it back only after seconds of idleness, if at
 *   all. Beacon's allocation rate is low: the declares per second measured
 *   the same with it fixed.
 *
 * Production's web and worker processes (PostgreSQL, Redis) keep V8's
 * defaults: they hold no WebAssembly database and serve the chat platforms.
 */
export function tuneForEmbeddedDatabase(): void {
  setFlagsFromString("--wasm-num-compilation-tasks=1");
  setFlagsFromString("--semi-space-growth-factor=1");
}

/** Whether the process about to start holds the embedded database. */
export function holdsEmbeddedDatabase(mode: string, databaseUrl: string | undefined): boolean {
  return (mode === "console" || mode === "serve") && !databaseUrl;
}
