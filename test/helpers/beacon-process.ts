import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Policy } from "../../src/core/policy/schema.js";

// The compiled Beacon as an operator runs it: `node dist/src/main.js` in a
// child process with no terminal (stdin is /dev/null), settings from the
// environment only, JSON log lines on stderr. Tests wait on what it logs or
// on its exit, never on a fixed sleep. test/helpers/build-dist.ts builds dist/
// once before the suite.

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface BeaconProcess {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  stdout(): string;
  logs(): LogLine[];
  /** Resolves with the first log line with this message (or matching), rejects if the process exits first. */
  logged(msg: string | ((l: LogLine) => boolean), timeoutMs?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Send a signal and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The environment a fresh service would have: none of the developer's Beacon, Slack, Discord or server settings. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const drop = /^(BEACON_|SLACK_|DISCORD_|DATABASE_URL$|REDIS_URL$|PORT$|LOG_|npm_)/;
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !drop.test(k)));
}

export function startBeacon(args: string[], env: Record<string, string | undefined> = {}, cwd = process.cwd()): BeaconProcess {
  const child = spawn(process.execPath, [join(process.cwd(), "dist/src/main.js"), ...args], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...cleanEnv(), LOG_FORMAT: "json", ...env },
  });
  let err = "";
  let out = "";
  const waiters = new Set<() => void>();
  const poke = () => waiters.forEach((w) => w());
  child.stderr!.on("data", (d) => ((err += d), poke()));
  child.stdout!.on("data", (d) => ((out += d), poke()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      // Let the pipes drain before anyone reads the output.
      setImmediate(() => {
        resolve({ code, signal });
        poke();
      });
    }),
  );
  let done = false;
  void exited.then(() => (done = true));
  const logs = () =>
    err
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogLine);
  const logged = (want: string | ((l: LogLine) => boolean), timeoutMs = 60_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const match = typeof want === "string" ? (l: LogLine) => l.msg === want : want;
      const timer = setTimeout(() => finish(new Error(`no log line ${String(want)} within ${timeoutMs} ms; stderr:\n${err}`)), timeoutMs);
      const finish = (e?: Error, line?: LogLine) => {
        waiters.delete(check);
        clearTimeout(timer);
        if (e) reject(e);
        else resolve(line!);
      };
      const check = () => {
        const line = logs().find(match);
        if (line) finish(undefined, line);
        else if (done) finish(new Error(`exited before logging ${String(want)}; stderr:\n${err}`));
      };
      waiters.add(check);
      check();
    });
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    logs,
    logged,
    exited,
    stop: async (signal = "SIGTERM") => {
      child.kill(signal);
      return (await exited).code;
    },
  };
}

/** Run to the end (a start-up failure): exit code and stderr. */
export async function runBeacon(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const p = startBeacon(args, env);
  const { code } = await p.exited;
  return { code, stderr: p.stderr(), stdout: p.stdout() };
}

/** A policy file Beacon reads with BEACON_POLICY. */
export function writePolicy(dir: string, policy: Policy): string {
  const path = join(dir, "policy.json");
  writeFileSync(path, JSON.stringify(policy));
  return path;
}
