import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { readScript, runInteractive, runScript } from "../adapters/console/run-console.js";
import { ConsoleChat } from "../adapters/console/console-chat.js";
import type { AppDeps } from "./app/deps.js";
import { runDueTimer } from "./app/run-due-timer.js";
import { createCalendar } from "./core/calendar/business-calendar.js";
import type { Policy } from "./core/policy/schema.js";
import { loadConfig, type Config } from "./config.js";
import { ManualClock, OffsetClock, type SettableClock } from "./infra/clocks.js";
import { openDatabase } from "./infra/db/connect.js";
import { PrismaIncidentStore } from "./infra/db/prisma-incident-store.js";
import { LocalScheduler } from "./infra/local-scheduler.js";
import { jsonLogger } from "./infra/logger.js";
import { DEFAULT_POLICY_PATH, loadPolicyFile } from "./infra/policy-file.js";
import type { Logger } from "./ports/logger.js";

// The composition root: the only file that knows both the adapters and the
// infrastructure. With no platform tokens Beacon runs the console workspace
// on the embedded database and the in-process scheduler.

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

/** Build and run the console workspace; resolves when the script ends or the user quits. */
export async function runConsoleWorkspace(opts: ConsoleOptions): Promise<void> {
  const db = await openDatabase({ url: opts.databaseUrl, dataDir: opts.dataDir });
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { script: { type: "string" }, locale: { type: "string" }, data: { type: "string" }, policy: { type: "string" } },
    allowPositionals: false,
  });
  const config: Config = loadConfig();
  const locale = (values.locale ?? config.BEACON_LOCALE) as "en" | "zh" | undefined;
  const policy = loadPolicyFile(values.policy ?? config.BEACON_POLICY ?? DEFAULT_POLICY_PATH, locale);
  const log = jsonLogger(config.LOG_LEVEL);
  const script = values.script ? readScript(values.script) : undefined;
  await runConsoleWorkspace({
    policy,
    script,
    dataDir: values.data ?? (script ? ":memory:" : join(config.BEACON_DATA_DIR, "pglite")),
    databaseUrl: config.DATABASE_URL,
    out: (line) => process.stdout.write(line + "\n"),
    log,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      // Configuration and policy problems are the operator's to fix: one clear line, no stack.
      const err = e as { code?: string; message?: string };
      if (err.code === "POLICY.INVALID" || err.code === "CONFIG.INVALID" || err.code?.startsWith("DB.")) process.stderr.write(`beacon: ${err.message}\n`);
      else process.stderr.write(`beacon: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
