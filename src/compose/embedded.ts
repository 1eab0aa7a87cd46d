import { randomUUID } from "node:crypto";
import type { AppDeps } from "../app/deps.js";
import { runDueTimer } from "../app/run-due-timer.js";
import { createCalendar } from "../core/calendar/business-calendar.js";
import type { ChatPort } from "../ports/chat.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { Policy } from "../core/policy/schema.js";
import { openDatabase, type Database } from "../infra/db/connect.js";
import { PrismaAccessStore } from "../infra/db/prisma-access-store.js";
import { PrismaIncidentStore } from "../infra/db/prisma-incident-store.js";
import { LocalScheduler } from "../infra/local-scheduler.js";
import type { Teardown } from "./lifecycle.js";
import { TIMERS_AT_ONCE } from "../config.js";

import { HttpWebhooks } from "../infra/webhooks.js";
import { armHandoffs } from "../app/handoff.js";

export interface EmbeddedOptions {
  policy: Policy;
  /** ":memory:" for a throw-away database, else a directory. */
  dataDir: string;
  /** A PostgreSQL server instead of the embedded database (migrated on open). */
  databaseUrl?: string;
  /** The embedded database in its own worker thread (BEACON_PGLITE_THREAD). */
  pgliteThread?: boolean;
  log: Logger;
  clock: Clock;
  /** Fire timers by themselves (false: a script drives the scheduler). */
  auto: boolean;
  newId?: () => string;
  chats?: Array<[string, ChatPort]>;
  /** The environment, for the secrets of the policy's outbound webhooks. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Due timers run at once when running by itself (BEACON_WORKER_CONCURRENCY). */
  concurrency?: number;
}

export interface Embedded {
  db: Database;
  scheduler: LocalScheduler;
  deps: AppDeps;
  /** Start firing timers (re-arming every pending one from the ledger first). */
  startTimers(): Promise<void>;
}

/**
 * One process holding everything: the embedded database (or a PostgreSQL
 * server) and the in-process scheduler over the timer ledger. The console
 * workspace and the serve mode both stand on it. Whatever it opens is added
 * to `teardown`, so a failed start leaves nothing open and stop closes it.
 */
export async function openEmbedded(o: EmbeddedOptions, teardown: Teardown): Promise<Embedded> {
  const db = await openDatabase({ url: o.databaseUrl, dataDir: o.dataDir, migrateOnOpen: true, pgliteThread: o.pgliteThread });
  teardown.add("database", () => db.close());
  const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  // Running by itself, it delivers several incidents' messages at once; a script steps it one timer at a time.
  const scheduler = new LocalScheduler({
    store,
    clock: o.clock,
    log: o.log,
    auto: o.auto,
    concurrency: o.auto ? (o.concurrency ?? TIMERS_AT_ONCE) : 1,
  });
  teardown.add("timers", () => scheduler.stop());
  const deps: AppDeps = {
    store,
    grants: new PrismaAccessStore(db.prisma),
    chats: new Map(o.chats ?? []),
    scheduler,
    clock: o.clock,
    policy: o.policy,
    cal: createCalendar(o.policy.calendar),
    newId: o.newId ?? randomUUID,
    log: o.log,
    webhooks: new HttpWebhooks(
      o.policy.webhooks,
      (name) => o.env?.[name],
      () => o.clock.now(),
    ),
  };
  const startTimers = async () => {
    await scheduler.start((key) => runDueTimer(deps, key));
    await armHandoffs(deps);
  };
  return { db, scheduler, deps, startTimers };
}
