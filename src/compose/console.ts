import { runInteractive, runScript } from "../../adapters/console/run-console.js";
import { ConsoleChat } from "../../adapters/console/console-chat.js";
import { fromZoned } from "../core/calendar/zoned.js";
import type { Policy } from "../core/policy/schema.js";
import { ManualClock, OffsetClock } from "../infra/clocks.js";
import type { SettableClock } from "../ports/clock.js";
import { randomIds, sequentialIds } from "../infra/ids.js";
import type { Logger } from "../ports/logger.js";
import type { Config } from "../config.js";
import { consoleHooks } from "./console-hooks.js";
import { openEmbedded } from "./embedded.js";
import { Teardown, type Service } from "./lifecycle.js";

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
  /** Interactive mode: while the prompt is up, log lines go here (printed above the prompt), and back after. */
  redirectLogs?: (to: ((line: string) => void) | undefined) => void;
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
 * The token-free default in a terminal: the console workspace on the embedded
 * database and the in-process scheduler. `done` settles when the script ends
 * or the user quits.
 */
export async function startConsole(opts: ConsoleOptions): Promise<Service> {
  const teardown = new Teardown(opts.log);
  return teardown.guard(async () => {
    const clock: SettableClock = opts.script ? new ManualClock(opts.startAt ?? scriptStart(opts.policy)) : new OffsetClock();
    const e = await openEmbedded(
      {
        policy: opts.policy,
        dataDir: opts.dataDir,
        databaseUrl: opts.databaseUrl,
        pgliteThread: opts.config?.BEACON_PGLITE_THREAD,
        concurrency: opts.config?.BEACON_WORKER_CONCURRENCY,
        log: opts.log,
        clock,
        auto: !opts.script,
        // Script mode: ids count up, so nothing random reaches the output.
        newId: opts.script ? sequentialIds() : randomIds(),
        chats: [["console", new ConsoleChat(opts.policy, opts.out)]],
        env: opts.config?.env,
      },
      teardown,
    );
    const interactive = !opts.script;
    // Loaded only when serving: a script's start does not wait for the chat platforms' modules.
    const serving = opts.config && interactive ? { ...(await import("./serve.js")), ...(await import("./review.js")) } : undefined;
    const served =
      opts.config && serving
        ? await serving.serveChatAndHttp(
            opts.config,
            e,
            serving.linkSecret(opts.config, opts.dataDir === ":memory:" ? ":memory:" : opts.config.BEACON_DATA_DIR),
            teardown,
            {
              portTakenIsFatal: false,
            },
          )
        : undefined;
    if (served?.url) opts.out(`Serving ${served.url} (health, metrics, reviewer pages${served.platforms.map((p) => `, ${p}`).join("")}).`);
    await e.startTimers();
    const user = opts.policy.groups["service_desk"]?.members[0] ?? Object.keys(opts.policy.people)[0]!;
    const postAlert = consoleHooks(e.deps, opts.config?.env ?? {});
    const run = { deps: e.deps, clock, scheduler: e.scheduler, out: opts.out, user, postAlert };
    const done = opts.script ? runScript(run, opts.script) : runInteractive(run, { logsAbove: opts.redirectLogs });
    return { done, failed: served?.failed, stop: () => teardown.run() };
  });
}

/** Run the console to its end (a script, or until the user quits), then close everything. */
export async function runConsoleWorkspace(opts: ConsoleOptions): Promise<void> {
  const console = await startConsole(opts);
  try {
    await console.done;
  } finally {
    await console.stop();
  }
}
