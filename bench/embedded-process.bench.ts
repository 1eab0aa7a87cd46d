// The embedded process as a user starts it (the compiled build, `node
// dist/src/main.js`): how long a script of one `/quit` line takes from spawn
// to exit, the console workspace's resident memory when idle, and after 1,000
// declarations typed into it. Beside each, in the same run, the baseline: a
// bare `node` doing nothing (its start time, its idle memory). Linux only for
// memory (/proc). Needs `npm run build` first. Run: npm run bench -- process
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { percentiles, report } from "./stats.js";

const MAIN = fileURLToPath(new URL("../dist/src/main.js", import.meta.url));
const DECLARES = Number(process.env.BENCH_PROCESS_DECLARES ?? 1000);
const STARTS = Number(process.env.BENCH_PROCESS_STARTS ?? 5);
/** How long a process is left alone before its memory is read. */
const SETTLE_MS = 3000;

export async function benchProcess(): Promise<void> {
  if (!existsSync(MAIN)) return console.log("process: skipped, no build (run `npm run build` first)");
  const tmp = mkdtempSync(join(tmpdir(), "beacon-process-"));
  try {
    await startTime(tmp);
    await memory(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function startTime(tmp: string): Promise<void> {
  const script = join(tmp, "quit.txt");
  writeFileSync(script, "/quit\n");
  const beacon: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    beacon.push(await timedRun([MAIN, "--script", script]));
    bare.push(await timedRun(["-e", "0"]));
  }
  const b = percentiles(beacon);
  const n = percentiles(bare);
  report("start: script of one /quit line (compiled)", {
    n: STARTS,
    p50_ms: b.p50,
    max_ms: b.max,
    baseline_p50_ms: n.p50,
    ratio: b.p50 / n.p50,
  });
}

function timedRun(args: string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], env: benchEnv() });
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${args.join(" ")}: exit ${code}`)))),
  );
}

async function memory(tmp: string): Promise<void> {
  const bare = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  const data = join(tmp, "pglite");
  try {
    const first = await startConsole(data);
    await settle();
    const bareIdle = rssMb(bare.pid!);
    const idle = rssMb(first.pid);
    report("embedded console, idle (new data directory)", {
      ready_ms: first.readyMs,
      rss_mb: idle,
      baseline_rss_mb: bareIdle,
      ratio: idle / bareIdle,
    });
    const t1 = performance.now();
    const last = first.seen(new RegExp(`INC-${DECLARES} declared`));
    for (let i = 1; i <= DECLARES; i++) first.type(`/incident declare urgent "Memory ${i}" --kind complaint`);
    await last;
    const rate = DECLARES / ((performance.now() - t1) / 1000);
    await settle();
    const after = rssMb(first.pid);
    report(`embedded console, after ${DECLARES} declares`, {
      declares_per_s: rate,
      rss_mb: after,
      baseline_rss_mb: rssMb(bare.pid!),
      ratio: after / bareIdle,
    });
    await first.quit();
    // What `npm start` is most days: the directory exists, with its incidents.
    const again = await startConsole(data);
    await settle();
    const reopened = rssMb(again.pid);
    report(`embedded console, idle (reopened, ${DECLARES} incidents)`, {
      ready_ms: again.readyMs,
      rss_mb: reopened,
      baseline_rss_mb: rssMb(bare.pid!),
      ratio: reopened / bareIdle,
    });
    await again.quit();
  } finally {
    bare.kill();
  }
}

/** The console workspace on `data`, typed into through stdin; resolves once it is ready for commands. */
async function startConsole(data: string) {
  const child = spawn(process.execPath, [MAIN, "--mode", "console", "--data", data], {
    stdio: ["pipe", "pipe", "inherit"],
    env: benchEnv(),
  });
  let out = "";
  const waiters: Array<[RegExp, () => void]> = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out = (out + chunk).slice(-4096);
    for (const [i, [re, done]] of waiters.entries())
      if (re.test(out)) {
        waiters.splice(i, 1);
        done();
      }
  });
  const seen = (re: RegExp) => new Promise<void>((r) => waiters.push([re, r]));
  const t0 = performance.now();
  await seen(/console workspace/);
  return {
    pid: child.pid!,
    readyMs: performance.now() - t0,
    seen,
    type: (line: string) => child.stdin.write(line + "\n"),
    quit: async () => {
      const exited = new Promise((r) => child.on("exit", r));
      child.stdin.end("/quit\n");
      await exited;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

/** Resident memory of a process (its threads included), in MB. */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}

/** Beacon's own settings removed (but BEACON_PGLITE_THREAD, to compare), so a developer's environment does not change what is measured; no HTTP port taken. */
function benchEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(BEACON_(?!PGLITE_THREAD)|DATABASE_URL|REDIS_URL|SLACK_|DISCORD_)/.test(k)),
  );
  return { ...env, PORT: "0" };
}
