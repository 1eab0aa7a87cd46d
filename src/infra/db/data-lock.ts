import { randomUUID } from "node:crypto";
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { DatabaseError } from "./database-error.js";

/** How often the holder touches its lock, and after how long without a touch a lock is abandoned. */
const BEAT_MS = 10_000;
const ABANDONED_MS = 3 * BEAT_MS;

interface Holder {
  pid: number;
  host: string;
  /** The kernel's boot and the process's start tick: a reused pid (a restarted container's pid 1) is another process. */
  boot?: string;
  start?: string;
  /** Ours alone: only the lock with our token is ever removed. */
  token: string;
}

/**
 * One process per embedded data directory (two lose writes). The lock file is
 * created atomically (O_EXCL); a lock left by a process that died is taken
 * over when its holder is provably gone: on this machine, no process with
 * that pid and start time since this boot; elsewhere (a shared volume, a
 * recreated container), no heartbeat for 30 s. Returns the release, which
 * removes the lock only if it is still ours.
 */
export function takeLock(path: string, label: string): () => void {
  const me: Holder = { pid: process.pid, host: hostname(), boot: bootId(), start: startTick(process.pid), token: randomUUID() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return holdLock(path, me.token);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const raw = read(path);
    if (raw === undefined) continue; // released meanwhile
    const holder = parse(raw);
    // Unreadable: a starter between creating the file and writing it, or one that died there.
    const live = holder ? describeLive(path, holder, me) : ageMs(path) < ABANDONED_MS ? "a process that is starting" : undefined;
    if (live)
      throw new DatabaseError(
        "DB.LOCKED",
        `The embedded database ${label} is in use by ${live}; stop it first (or set DATABASE_URL to use a PostgreSQL server).`,
      );
    // Abandoned: move it aside only if it is still the one judged (another starter may have taken it over meanwhile).
    if (read(path) === raw) renameSync(path, `${path}.abandoned`);
  }
  throw new DatabaseError("DB.LOCKED", `Could not take the lock ${path}: another process keeps taking it.`);
}

function holdLock(path: string, token: string): () => void {
  const beat = setInterval(() => {
    const now = new Date();
    if (parse(read(path) ?? "")?.token === token) utimesSync(path, now, now);
  }, BEAT_MS);
  beat.unref();
  return () => {
    clearInterval(beat);
    if (parse(read(path) ?? "")?.token === token) rmSync(path, { force: true });
  };
}

/** Who holds the lock, if they are still alive; undefined when the lock is abandoned. */
function describeLive(path: string, h: Holder, me: Holder): string | undefined {
  const who = `process ${h.pid}${h.host === me.host ? "" : ` on ${h.host}`}`;
  if (h.host === me.host && h.boot && h.boot === me.boot) {
    if (!alive(h.pid)) return undefined;
    return !h.start || startTick(h.pid) === h.start ? who : undefined;
  }
  const age = ageMs(path);
  return age < ABANDONED_MS ? `${who} (its lock was refreshed ${Math.round(age / 1000)} s ago)` : undefined;
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}

function parse(raw: string): Holder | undefined {
  // A lock from an older Beacon held only a pid.
  if (/^\s*\d+\s*$/.test(raw)) return { pid: Number(raw), host: hostname(), boot: bootId(), token: "" };
  try {
    const h = JSON.parse(raw) as Holder;
    return typeof h?.pid === "number" ? h : undefined;
  } catch {
    return undefined;
  }
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Linux only (elsewhere undefined, and the pid alone decides). */
function bootId(): string | undefined {
  return read("/proc/sys/kernel/random/boot_id")?.trim();
}

function startTick(pid: number): string | undefined {
  // Field 22 of /proc/<pid>/stat, counted after the command name, which may hold spaces.
  const stat = read(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}
