import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../src/infra/db/prisma-incident-store.js";
import { expectEveryTimerFiredOnce } from "../helpers/ledger-assertions.js";
import { freshPostgresDatabase } from "../helpers/postgres.js";

// The ledger is the truth: a process killed with SIGKILL while timers are
// pending loses none of them, and none fires twice after the restart. Real
// processes; the test waits on what they print, never on a fixed sleep: the
// kill lands once the first timer has fired, and the restarted process is
// told that time has moved past every due timer (time is an input).

const dir = mkdtempSync(join(tmpdir(), "beacon-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; said: (word: string) => Promise<void>; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "test/infra/timer-ledger-child.ts", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  let out = "";
  const waiters: Array<() => void> = [];
  child.stdout!.on("data", (d) => {
    out += d;
    waiters.splice(0).forEach((w) => w());
  });
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (out.includes(word) ? resolve() : waiters.push(check));
      child.once("exit", (code) => (out.includes(word) ? resolve() : reject(new Error(`child exited ${code} before "${word}"`))));
      check();
    });
  return { child, said, output: () => out };
}

async function crashAndResume(
  n: number,
  env: Record<string, string>,
  open: (dataDir: string) => ReturnType<typeof openDatabase>,
): Promise<number> {
  const dataDir = join(dir, `pglite-${Math.random().toString(36).slice(2)}`);
  const first = start(["declare", dataDir, String(n)], env);
  await first.said(" pending");
  const [, pending, lastDue] = /declared (\d+) pending, last due (\S+)/.exec(first.output())!;
  await first.said("fired "); // some timers fired, most are still pending
  const exited = new Promise((r) => first.child.once("exit", r));
  first.child.kill("SIGKILL");
  await exited;
  // Beacon comes back after every timer fell due: its clock starts 2 s past the last one.
  const second = start(["resume", dataDir, new Date(Date.parse(lastDue!) + 2000).toISOString()], env);
  await second.said("done");

  const db = await open(dataDir);
  const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  const { late } = await expectEveryTimerFiredOnce(store, n);
  expect(late).toBeGreaterThan(0);
  await db.close();
  return Number(pending);
}

describe("the timer ledger across a crash", () => {
  it("fires every timer exactly once after SIGKILL and restart of the embedded process, marking the missed ones late", async () => {
    await crashAndResume(12, {}, (dataDir) => openDatabase({ dataDir }));
  }, 180_000);

  it("fires each of 1,000 pending timers exactly once after SIGKILL and restart of a production worker on PostgreSQL and BullMQ", async () => {
    const fresh = await freshPostgresDatabase();
    const setup = await openDatabase({ url: fresh.url, migrateOnOpen: true });
    await setup.close();
    const env = {
      DATABASE_URL: fresh.url,
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      BEACON_QUEUE: `beacon-crash-${Date.now()}`,
    };
    try {
      // On a loaded machine the kill can land while a room is being opened: that delivery's lease (2 min) must end
      // before the room opens and its other messages follow it, in real time. Quiet, this takes about 20 s.
      // Each urgent incident holds three pending timers at a time (next page step, next reminder, deadline): 340 make 1,020.
      expect(await crashAndResume(340, env, () => openDatabase({ url: fresh.url }))).toBeGreaterThanOrEqual(1000);
    } finally {
      await fresh.drop();
    }
  }, 900_000);
});
