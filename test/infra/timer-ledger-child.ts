// A Beacon process for the crash test: `declare <dataDir> <n>` declares n
// urgent incidents with second-scale timers and keeps firing them until it is
// killed; `resume <dataDir>` restarts on the same data and exits once the
// ledger has no pending timer left.
import { appendFileSync } from "node:fs";
import { createCalendar } from "../../src/core/calendar/business-calendar.js";
import { dispatch } from "../../src/app/dispatch.js";
import type { AppDeps } from "../../src/app/deps.js";
import { runDueTimer } from "../../src/app/run-due-timer.js";
import { openDatabase } from "../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../src/infra/db/prisma-incident-store.js";
import { LocalScheduler } from "../../src/infra/local-scheduler.js";
import { BullmqScheduler, redisConnection } from "../../src/infra/bullmq-scheduler.js";
import { systemClock } from "../../src/ports/clock.js";
import { silentLogger } from "../../src/ports/logger.js";
import { fastPolicy } from "../helpers/fast-policy.js";
import { RecordingChat } from "../fakes/recording-chat.js";

const [mode, dataDir, count] = process.argv.slice(2) as [string, string, string];
const policy = fastPolicy();

// With DATABASE_URL and REDIS_URL this is a production worker (PostgreSQL + BullMQ); else the embedded default.
const production = !!(process.env.DATABASE_URL && process.env.REDIS_URL);
const db = await openDatabase(production ? { url: process.env.DATABASE_URL } : { dataDir });
const store = new PrismaIncidentStore(db.prisma);
const chat = new RecordingChat();
const scheduler = production
  ? new BullmqScheduler({ connection: redisConnection(process.env.REDIS_URL!, "worker"), store, clock: systemClock, log: silentLogger, work: true, queueName: process.env.BEACON_QUEUE, reconcileEveryMs: 1000 })
  : new LocalScheduler({ store, clock: systemClock, log: silentLogger, auto: true });
const deps: AppDeps = { store, chats: new Map([["test", chat]]), scheduler, clock: systemClock, policy, cal: createCalendar(policy.calendar), newId: () => crypto.randomUUID(), log: silentLogger };
const fire = (key: string) => runDueTimer(deps, key).then(() => appendFileSync(`${dataDir}.fired`, key + "\n"));

if (mode === "declare") {
  // Declare everything first, then start firing: the kill then lands with the
  // whole ledger pending, some of it already due.
  for (let i = 0; i < Number(count); i++) {
    await dispatch(deps, { actor: { platform: "test", userId: "dana", name: "Dana", personId: "dana" }, text: `declare urgent Crash test ${i}`, requestKey: `crash-${i}` });
  }
  const pending = (await store.pendingTimers({ limit: 100_000 })).length;
  await scheduler.start(fire);
  process.stdout.write(`declared ${pending} pending\n`);
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
