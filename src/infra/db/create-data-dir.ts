import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PGLITE_START_PARAMS } from "./pglite-local.js";

/**
 * Make a new embedded data directory in a short-lived child process. initdb
 * runs a second PostgreSQL beside the first, and what it allocates stays in
 * the process that ran it: in a worker thread, glibc keeps the thread's
 * freed memory (measured with /proc/self/smaps: about 190 MB of RSS left
 * after the thread had ended). A process returns all of it when it exits,
 * so the long-running process then opens the directory as it opens an
 * existing one. Rejects with the child's last line of error output.
 */
export function createDataDir(dir: string): Promise<void> {
  const script = new URL(`./pglite-create.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`, import.meta.url);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [fileURLToPath(script), dir, JSON.stringify(PGLITE_START_PARAMS)], (error, _out, err) => {
      if (!error) return resolve();
      const last = String(err).trim().split("\n").pop();
      reject(new Error(last || error.message));
    });
  });
}
