import { readScript, runInteractive, runScript } from "../../adapters/console/run-console.js";
import { ConsoleChat } from "../../adapters/console/console-chat.js";
import type { AppDeps } from "../app/deps.js";
import { runDueTimer } from "../app/run-due-timer.js";
import { policyWarnings } from "../app/warnings.js";
import { createCalendar } from "../core/calendar/business-calendar.js";
import { fromZoned } from "../core/calendar/zoned.js";
import type { Policy } from "../core/policy/schema.js";
import { ManualClock, OffsetClock } from "../infra/clocks.js";
import type { SettableClock } from "../ports/clock.js";
import { openDatabase, type Database } from "../infra/db/connect.js";
import { PrismaIncidentStore } from "../infra/db/prisma-incident-store.js";
import { randomIds, sequentialIds } from "../infra/ids.js";
import { LocalScheduler } from "../infra/local-scheduler.js";
import type { Logger } from "../ports/logger.js";
import type { Config } from "../config.js";
import { startWeb } from "../web/server.js";
import type { Platform } from "../ports/platform.js";
import { buildPlatforms } from "./platforms.js";
import { buildRoutes } from "./routes.js";
import { linkSecret } from "./review.js";

export { readScript };

export interface ConsoleOptions {
  policy: Policy;
  /** ":memory:" for a throw-away database (script mode default), else a directory. */
  dataDir: string;
  databaseUrl?: string;
  script?: string[];
  out: (line: string) => void;
  log: Logger;
  /** Script mode starts its manual clock here (default: SCRIPT_START in the policy's time zone). */
  startAt?: Date;
  /** Interactive mode also serves HTTP on config.PORT and any chat platform the config names. */
  config?: Config;
}

/**
 * Where a script's simulated clock starts unless its first `/clock` says
 * otherwise: Monday 5 January 2026, 09:00 in the policy's time zone. Never
 * today's date: a script prints the same thing on every run, on any day.
 */
export const SCRIPT_START = { year: 2026, month: 1, day: 5, hour: 9, minute: 0 } as const;

export function scriptStart(policy: Policy): Date {
  return fromZoned(SCRIPT_START, policy.calendar.timeZone);
}

/**
 * The token-free default: the console workspace on the embedded database and
 * the in-process scheduler, in one process. Resolves when the script ends or
 * the user quits.
 */
export async function runConsoleWorkspace(opts: ConsoleOptions): Promise<void> {
  const db = await openDatabase({ url: opts.databaseUrl, dataDir: opts.dataDir, migrateOnOpen: true });
  const store = new PrismaIncidentStore(db.prisma);
  const clock: SettableClock = opts.script ? new ManualClock(opts.startAt ?? scriptStart(opts.policy)) : new OffsetClock();
  const scheduler = new LocalScheduler({ store, clock, log: opts.log, auto: !opts.script });
  const chat = new ConsoleChat(opts.policy, opts.out);
  const deps: AppDeps = {
    store,
    chats: new Map([["console", chat]]),
    scheduler,
    clock,
    policy: opts.policy,
    cal: createCalendar(opts.policy.calendar),
    // Script mode: ids count up, so nothing random reaches the output.
    newId: opts.script ? sequentialIds() : randomIds(),
    log: opts.log,
  };
  const served =
    opts.config && !opts.script
      ? await serve(opts.config, deps, db, linkSecret(opts.config, opts.dataDir === ":memory:" ? ":memory:" : opts.config.BEACON_DATA_DIR))
      : undefined;
  await scheduler.start((key) => runDueTimer(deps, key));
  const user = opts.policy.groups["service_desk"]?.members[0] ?? Object.keys(opts.policy.people)[0]!;
  try {
    const run = { deps, clock, scheduler, out: opts.out, user };
    if (opts.script) await runScript(run, opts.script);
    else await runInteractive(run);
  } finally {
    for (const p of served?.platforms ?? []) await p.stop().catch(() => undefined);
    await served?.web?.close();
    await scheduler.stop();
    await db.close();
  }
}

/**
 * The single process also answers HTTP (health, reviewer pages, Slack or
 * Discord when configured). A taken port is a warning, not a failure: the
 * console still works.
 */
async function serve(config: Config, deps: AppDeps, db: Database, secret: string | undefined) {
  const platforms: Platform[] = buildPlatforms(config, deps);
  let web: Awaited<ReturnType<typeof startWeb>> | undefined;
  try {
    web = await startWeb({
      port: config.PORT,
      store: deps.store,
      clock: deps.clock,
      probes: [{ name: "database", check: async () => void (await db.prisma.$queryRaw`SELECT 1`) }],
      warnings: () => policyWarnings(deps),
      routes: buildRoutes(config, deps, platforms, { linkSecret: secret }),
    });
    deps.log.info("web started", { url: `http://127.0.0.1:${web.port}`, platforms: platforms.map((p) => p.name) });
  } catch (e) {
    deps.log.warn("HTTP not served", { port: config.PORT, reason: (e as Error).message });
  }
  for (const p of platforms) await p.start();
  return { platforms, web };
}
