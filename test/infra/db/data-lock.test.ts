import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { takeLock } from "../../../src/infra/db/data-lock.js";

const dir = mkdtempSync(join(tmpdir(), "beacon-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const lockPath = () => join(dir, `pglite-${++n}.lock`);
const boot = () => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
const held = (path: string) => JSON.parse(readFileSync(path, "utf8")) as { pid: number; token: string };
const write = (path: string, holder: Record<string, unknown>) =>
  writeFileSync(path, JSON.stringify({ host: hostname(), boot: boot(), token: "theirs", ...holder }));

/** The pid of a process that has exited. */
const deadPid = () => Number(execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).toString());

describe("the embedded data directory's lock", () => {
  it("is taken by one holder at a time, and released by it", () => {
    const path = lockPath();
    const release = takeLock(path, "the test database");
    expect(held(path).pid).toBe(process.pid);
    expect(() => takeLock(path, "the test database")).toThrow(
      `The embedded database the test database is in use by process ${process.pid}`,
    );
    release();
    expect(existsSync(path)).toBe(false);
  });

  it("takes over a lock whose process has exited", () => {
    const path = lockPath();
    write(path, { pid: deadPid(), start: "1" });
    const release = takeLock(path, "db");
    expect(held(path).pid).toBe(process.pid);
    release();
  });

  it("takes over a lock whose pid now belongs to an unrelated process (started at another time)", () => {
    const path = lockPath();
    write(path, { pid: process.ppid, start: "1" }); // alive, but not the process that wrote the lock
    const release = takeLock(path, "db");
    expect(held(path).pid).toBe(process.pid);
    release();
  });

  it("refuses a lock from another host while its holder keeps it fresh, and takes it over once abandoned", () => {
    const path = lockPath();
    write(path, { pid: 1, host: "other-host", boot: "other-boot" });
    expect(() => takeLock(path, "db")).toThrow(/in use by process 1 on other-host \(its lock was refreshed \d+ s ago\)/);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(path, minuteAgo, minuteAgo);
    const release = takeLock(path, "db");
    expect(held(path).pid).toBe(process.pid);
    release();
  });

  it("respects a lock file still being written, and takes over one left empty by a crash", () => {
    const path = lockPath();
    writeFileSync(path, "");
    expect(() => takeLock(path, "db")).toThrow("is in use by a process that is starting");
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(path, minuteAgo, minuteAgo);
    const release = takeLock(path, "db");
    expect(held(path).pid).toBe(process.pid);
    release();
  });

  it("reads a lock left by an older Beacon (a bare pid)", () => {
    const path = lockPath();
    writeFileSync(path, String(deadPid()));
    const release = takeLock(path, "db");
    expect(held(path).pid).toBe(process.pid);
    release();
  });

  it("removes only its own lock on release", () => {
    const path = lockPath();
    const release = takeLock(path, "db");
    write(path, { pid: 4242, token: "someone-else" }); // another process took it over meanwhile
    release();
    expect(held(path).token).toBe("someone-else");
  });
});
