import type { Logger } from "../ports/logger.js";

/** A running Beacon: what it takes to stop it, and how it may end by itself. */
export interface Service {
  /** Stop taking work, finish what is in flight, release everything (ports, lock, connections). */
  stop(): Promise<void>;
  /** Settles when the service failed for good while running (a chat platform closed for good): exit 1 with that line. */
  failed?: Promise<Error>;
  /** Settles when the service ended by itself (the console's /quit, the end of a script): exit 0. */
  done?: Promise<void>;
}

export interface RunOptions {
  log: Logger;
  /** How long stopping may take before Beacon exits anyway (exit 1). */
  graceMs: number;
  /** The one line an operator reads when the service fails (stderr). */
  say(line: string): void;
  /** Ends the process at once (a second signal while stopping). */
  exit(code: number): void;
}

type Ending = { why: "signal"; signal: string } | { why: "done" } | { why: "failed"; error: Error };

/**
 * Run a service until SIGTERM or SIGINT (or its parent process vanishes:
 * `kill -9` of npm would otherwise leave Beacon holding its port and lock),
 * until it ends by itself, or until it fails. Stopping is bounded by
 * `graceMs`; a second signal exits at once. Resolves with the exit code.
 * A failure to start is thrown to the caller, which prints it as one line.
 */
export async function runService(start: () => Promise<Service>, o: RunOptions): Promise<number> {
  let end!: (e: Ending) => void;
  const ending = new Promise<Ending>((resolve) => (end = resolve));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      o.log.warn(`${signal} again: exiting without waiting`);
      o.exit(1);
    }
    stopping = true;
    end({ why: "signal", signal });
  };
  const onCrash = (e: unknown) => end({ why: "failed", error: e instanceof Error ? e : new Error(String(e)) });
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  const orphaned = watchParent(() => end({ why: "signal", signal: "parent process gone" }));
  try {
    const service = await start();
    void service.done?.then(() => end({ why: "done" }));
    void service.failed?.then((error) => end({ why: "failed", error }));
    const how = await ending;
    stopping = true;
    if (how.why === "failed") {
      o.log.error("stopping after a failure", { err: how.error });
      o.say(how.error.message);
    } else if (how.why === "signal") o.log.info("stopping", { signal: how.signal });
    const started = Date.now();
    if (!(await within(service.stop(), o.graceMs))) {
      o.log.error(`did not stop within ${o.graceMs / 1000} s; exiting anyway`);
      return 1;
    }
    o.log.info("stopped", { ms: Date.now() - started });
    return how.why === "failed" ? 1 : 0;
  } finally {
    if (orphaned) clearInterval(orphaned);
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    process.off("uncaughtException", onCrash);
    process.off("unhandledRejection", onCrash);
  }
}

/** Resolves true if the work finished in time (its failure is logged by its owner; it still counts as finished). */
function within(work: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    void work.then(
      () => (clearTimeout(t), resolve(true)),
      () => (clearTimeout(t), resolve(true)),
    );
  });
}

/** Watch for our parent going away (we are re-parented); nothing to watch when we already belong to init (a container, systemd). */
function watchParent(gone: () => void): NodeJS.Timeout | undefined {
  const parent = process.ppid;
  if (parent <= 1) return undefined;
  const t = setInterval(() => process.ppid !== parent && gone(), 1000);
  t.unref();
  return t;
}

/**
 * What a starting service has opened so far, closed in reverse order: on a
 * failed start (nothing left half-open) and on stop. A failing step is
 * logged and the rest still run.
 */
export class Teardown {
  private readonly steps: Array<{ name: string; run: () => Promise<void> | void }> = [];

  constructor(private readonly log: Logger) {}

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (e) {
        this.log.warn(`stopping ${step.name} failed`, { err: e });
      }
    }
  }

  /** Run `open`; if it throws, close what was opened and rethrow. */
  async guard<T>(open: () => Promise<T>): Promise<T> {
    try {
      return await open();
    } catch (e) {
      await this.run();
      throw e;
    }
  }
}
