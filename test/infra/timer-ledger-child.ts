// A Beacon process for the crash test: `declare <dataDir> <n>` declares n
// urgent incidents with second-scale timers, says how many timers are pending
// and when the last falls due, then fires them (saying "fired <key>" for each)
// until it is killed; `resume <dataDir> <iso>` restarts on the same data with
// its clock at <iso> (the restart happens after everything fell due: time is
// an input, so the test need not wait for it) and exits once the ledger has
// no pending timer left.
import { appendFileSync } from "node:fs";
import { createCalendar } from "../../src/core/calendar/business-calendar.js";
import { dispatch } from "../../src/app/dispatch.js";
import type { AppDeps } from "../../src/app/deps.js";
import { runDueTimer } from "../../src/app/run-due-timer.js";
import { openDatabase } from "../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../src/infra/db/prisma-incident-store.js";
import { LocalScheduler } from "../../src/infra/local-scheduler.js";
import { BullmqScheduler, redisConnection } from "../../src/infra/bullmq-scheduler.js";
import { systemClock, type Clock } from "../../src/ports/clock.js";
import { silentLogger } from "../../src/ports/logger.js";
import { fastPolicy } from "../helpers/fast-policy.js";
import { RecordingChat } from "../fakes/recording-chat.js";

const [mode, dataDir, arg] = process.argv.slice(2) as [string, string, string];
// Resume: real time, moved so that "now" starts at the instant the test names.
const offsetMs = mode === "resume" ? Date.parse(arg) - Date.now() : 0;
const clock: Clock = offsetMs ? { now: () => new Date(Date.now() + offsetMs) } : systemClock;
const policy = fastPolicy();

// With DATABASE_URL and REDIS_URL this is a production worker (PostgreSQL + BullMQ); else the embedded default.
const production = !!(process.env.DATABASE_URL && process.env.REDIS_URL);
const db = await openDatabase(production ? { url: process.env.DATABASE_URL } : { dataDir });
const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
const chat = new RecordingChat();
const scheduler = production
  ? new BullmqScheduler({
      connection: redisConnection(process.env.REDIS_URL!, "worker"),
      store,
      clock,
      log: silentLogger,
      work: true,
      queueName: process.env.BEACON_QUEUE,
      reconcileEveryMs: 1000,
    })
  : new LocalScheduler({ store, clock, log: silentLogger, auto: true });
const deps: AppDeps = {
  store,
  chats: new Map([["test", chat]]),
  scheduler,
  clock,
  policy,
  cal: createCalendar(policy.calendar),
  newId: () => crypto.randomUUID(),
  log: silentLogger,
};
const fire = (key: string) =>
  runDueTimer(deps, key).then(() => {
    appendFileSync(`${dataDir}.fired`, key + "\n");
    process.stdout.write(`fired ${key}\n`);
  });

if (mode === "declare") {
  // Declare everything first, then start firing: the kill then lands with the
  // whole ledger pending, some of it already due.
  for (let i = 0; i < Number(arg); i++) {
    await dispatch(deps, {
      actor: { platform: "test", userId: "dana", name: "Dana", personId: "dana" },
      text: `declare urgent Crash test ${i}`,
      requestKey: `crash-${i}`,
    });
  }
  const pending = await store.pendingTimers({ limit: 100_000 });
  process.stdout.write(`declared ${pending.length} pending, last due ${pending.at(-1)!.dueAt}\n`);
  await scheduler.start(fire);
  setInterval(() => undefined, 1000); // run until killed
} else {
  await scheduler.start(fire);
  for (;;) {
    if ((await store.pendingTimers({ limit: 1 })).length === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await scheduler.stop();
  await db.close();
  process.stdout.write("done\n");
  process.exit(0);
}
