import { createCalendar } from "../../src/core/calendar/business-calendar.js";
import type { Policy } from "../../src/core/policy/schema.js";
import type { AppDeps, Inbound } from "../../src/app/deps.js";
import { dispatch } from "../../src/app/dispatch.js";
import { runDueTimer } from "../../src/app/run-due-timer.js";
import { ManualClock } from "../../src/infra/clocks.js";
import { LocalScheduler } from "../../src/infra/local-scheduler.js";
import type { IncidentStore } from "../../src/ports/incident-store.js";
import type { Logger } from "../../src/ports/logger.js";
import { MemoryAccessStore } from "../fakes/memory-access-store.js";
import { MemoryStore } from "../fakes/memory-store.js";
import { RecordingChat } from "../fakes/recording-chat.js";
import { defaultPolicy } from "./default-policy.js";

/** Friday 27 November 2026, 17:30 in Shanghai. */
export const FRIDAY_1730 = new Date("2026-11-27T09:30:00Z");

export interface Harness {
  deps: AppDeps;
  store: IncidentStore;
  chat: RecordingChat;
  clock: ManualClock;
  scheduler: LocalScheduler;
  logs: string[];
  /** Type a command as a person (policy id) in an optional room. */
  as(personId: string, text: string, channelId?: string): ReturnType<typeof dispatch>;
  /** Move the manual clock, firing every timer at its own due time. */
  advance(minutes: number): Promise<void>;
}

export async function harness(opts: { policy?: Policy; store?: IncidentStore; at?: Date } = {}): Promise<Harness> {
  const policy = opts.policy ?? defaultPolicy();
  const store = opts.store ?? new MemoryStore();
  const chat = new RecordingChat();
  const clock = new ManualClock(opts.at ?? FRIDAY_1730);
  const logs: string[] = [];
  const log: Logger = {
    debug: () => {},
    info: () => {},
    warn: (m) => logs.push(`warn ${m}`),
    error: (m, f) => logs.push(`error ${m} ${JSON.stringify(f)}`),
  };
  const scheduler = new LocalScheduler({ store, clock, log, auto: false });
  // The manual clock moves only when a test says so, but what is due now runs at
  // once, as in a running Beacon: a command's chat deliveries go out after it
  // answers, without a test having to move the clock. (Other timers due now,
  // such as stored alerts, wait for the test to step the scheduler.)
  // Not for what start re-arms from the ledger: a test sets up (webhooks, chats) before that runs.
  let running = false;
  const arm = scheduler.arm.bind(scheduler);
  scheduler.arm = async (timers) => {
    await arm(timers);
    if (running && timers.some((t) => t.payload.kind === "deliver" && Date.parse(t.dueAt) <= clock.now().getTime()))
      void scheduler.runDue();
  };
  let ids = 0;
  const deps: AppDeps = {
    store,
    grants: new MemoryAccessStore(),
    chats: new Map([["test", chat]]),
    scheduler,
    clock,
    policy,
    cal: createCalendar(policy.calendar),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}`,
    log,
  };
  await scheduler.start((key) => runDueTimer(deps, key));
  running = true; // what the ledger already held waits for the test to step the scheduler
  let requests = 0;
  return {
    deps,
    store,
    chat,
    clock,
    scheduler,
    logs,
    as: async (personId, text, channelId) => {
      const inbound: Inbound = {
        actor: { platform: "test", userId: personId, name: personId, personId },
        text,
        channelId,
        requestKey: `req-${++requests}`,
      };
      // The command answers after its commit; its chat messages go out next, from the scheduler.
      const reply = await dispatch(deps, inbound);
      await scheduler.idle();
      return reply;
    },
    advance: async (minutes) => {
      const target = clock.now().getTime() + minutes * 60_000;
      for (let next = scheduler.nextDue(); next && next.getTime() <= target; next = scheduler.nextDue()) {
        if (next > clock.now()) clock.set(next);
        await scheduler.idle();
      }
      clock.set(new Date(target));
      await scheduler.idle();
    },
  };
}
