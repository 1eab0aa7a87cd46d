import type { AppDeps } from "../src/app/deps.js";
import { TIMERS_AT_ONCE } from "../src/config.js";
import { runDueTimer } from "../src/app/run-due-timer.js";
import { createCalendar } from "../src/core/calendar/business-calendar.js";
import type { Policy } from "../src/core/policy/schema.js";
import { LocalScheduler } from "../src/infra/local-scheduler.js";
import type { ChatPort } from "../src/ports/chat.js";
import { systemClock } from "../src/ports/clock.js";
import type { IncidentStore } from "../src/ports/incident-store.js";
import { silentLogger } from "../src/ports/logger.js";

/**
 * The embedded default as the benches run it: the given store, the
 * in-process scheduler on the real clock delivering `concurrency` timers at
 * once (the embedded process's default unless a bench asks otherwise), and the
 * chats given. `start()` begins firing timers.
 */
export function embeddedDeps(o: { store: IncidentStore; policy: Policy; chats?: Map<string, ChatPort>; concurrency?: number }) {
  const scheduler = new LocalScheduler({
    store: o.store,
    clock: systemClock,
    log: silentLogger,
    auto: true,
    concurrency: o.concurrency ?? TIMERS_AT_ONCE,
  });
  const deps: AppDeps = {
    store: o.store,
    chats: o.chats ?? new Map(),
    scheduler,
    clock: systemClock,
    policy: o.policy,
    cal: createCalendar(o.policy.calendar),
    newId: () => crypto.randomUUID(),
    log: silentLogger,
  };
  return { deps, scheduler, start: () => scheduler.start((key) => runDueTimer(deps, key)) };
}
