import { randomUUID } from "node:crypto";
import { readScript, runInteractive, runScript } from "../../adapters/console/run-console.js";
import { ConsoleChat } from "../../adapters/console/console-chat.js";
import type { AppDeps } from "../app/deps.js";
import { runDueTimer } from "../app/run-due-timer.js";
import { createCalendar } from "../core/calendar/business-calendar.js";
import type { Policy } from "../core/policy/schema.js";
import { ManualClock, OffsetClock, type SettableClock } from "../infra/clocks.js";
import { openDatabase } from "../infra/db/connect.js";
import { PrismaIncidentStore } from "../infra/db/prisma-incident-store.js";
import { LocalScheduler } from "../infra/local-scheduler.js";
import type { Logger } from "../ports/logger.js";

export { readScript };

export interface ConsoleOptions {
  policy: Policy;
  /** ":memory:" for a throw-away database (script mode default), else a directory. */
  dataDir: string;
  databaseUrl?: string;
  script?: string[];
  out: (line: string) => void;
  log: Logger;
  /** Script mode starts its manual clock here (default: now). */
  startAt?: Date;
}

/**
 * The token-free default: the console workspace on the embedded database and
 * the in-process scheduler, in one process. Resolves when the script ends or
 * the user quits.
 */
export async function runConsoleWorkspace(opts: ConsoleOptions): Promise<void> {
  const db = await openDatabase({ url: opts.databaseUrl, dataDir: opts.dataDir, migrateOnOpen: true });
  const store = new PrismaIncidentStore(db.prisma);
  const clock: SettableClock = opts.script ? new ManualClock(opts.startAt ?? new Date()) : new OffsetClock();
  const scheduler = new LocalScheduler({ store, clock, log: opts.log, auto: !opts.script });
  const chat = new ConsoleChat(opts.policy, opts.out);
  const deps: AppDeps = {
    store,
    chats: new Map([["console", chat]]),
    scheduler,
    clock,
    policy: opts.policy,
    cal: createCalendar(opts.policy.calendar),
    newId: randomUUID,
    log: opts.log,
  };
  await scheduler.start((key) => runDueTimer(deps, key));
  const user = opts.policy.groups["service_desk"]?.members[0] ?? Object.keys(opts.policy.people)[0]!;
  try {
    const run = { deps, clock, scheduler, out: opts.out, user };
    if (opts.script) await runScript(run, opts.script);
    else await runInteractive(run);
  } finally {
    await scheduler.stop();
    await db.close();
  }
}
