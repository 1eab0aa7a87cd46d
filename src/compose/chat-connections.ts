import type { Logger } from "../ports/logger.js";
import { CredentialsRejected, PlatformSettingsError } from "../app/platform-module.js";
import type { Platform, PlatformHealth } from "../ports/platform.js";

export interface ConnectOptions {
  log: Logger;
  /** `start`: receive events (web, one process); `verify`: only check the credentials (the worker sends, never receives). */
  how: "start" | "verify";
  /** First wait between attempts, doubled each time up to `maxMs`. */
  firstMs?: number;
  maxMs?: number;
}

/**
 * Brings the chat platforms up and keeps trying. Credentials the platform
 * refuses stop Beacon at start with one line (nothing an operator can wait
 * out); a platform that cannot be reached is retried with backoff in the
 * background while everything else serves (commands on the other platforms,
 * timers, the outbox, which keeps every delivery until the platform is back).
 * Meanwhile the platform is reported not ready.
 */
export class ChatConnections {
  private readonly waiting = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private fail!: (e: Error) => void;
  /** Settles when a platform failed for good while running: the process ends with that line. */
  readonly failed: Promise<Error> = new Promise((resolve) => (this.fail = resolve));

  constructor(
    private readonly platforms: Platform[],
    private readonly opts: ConnectOptions,
  ) {
    for (const p of platforms) {
      this.waiting.set(p.name, "connecting");
      void p.failed?.then((e) => this.fail(e));
    }
  }

  /** One attempt each, together: resolves when each is up or being retried; throws CredentialsRejected. */
  async begin(): Promise<void> {
    await Promise.all(this.platforms.map((p) => this.attempt(p, 0)));
  }

  private async attempt(p: Platform, n: number): Promise<void> {
    if (this.stopped) return;
    try {
      if (this.opts.how === "start") await p.start();
      else await p.verify?.();
      if (n > 0) this.opts.log.info(`${p.name} reachable again`, { attempts: n + 1 });
      this.waiting.delete(p.name);
    } catch (e) {
      if (e instanceof CredentialsRejected || e instanceof PlatformSettingsError) {
        if (n === 0) throw e;
        this.waiting.set(p.name, e.message);
        this.opts.log.error(`${p.name} refused Beacon's settings`, { err: e });
        this.fail(e);
        return;
      }
      const delayMs = Math.min(this.opts.maxMs ?? 60_000, (this.opts.firstMs ?? 1000) * 2 ** n);
      const reason = e instanceof Error ? e.message : String(e);
      this.waiting.set(p.name, `unreachable: ${reason}`);
      this.opts.log.warn(`${p.name} unreachable; retrying in ${Math.round(delayMs / 1000)} s`, { err: e, attempt: n + 1 });
      const t = setTimeout(() => {
        this.timers.delete(t);
        void this.attempt(p, n + 1);
      }, delayMs);
      this.timers.add(t);
    }
  }

  health(): Record<string, PlatformHealth> {
    return Object.fromEntries(
      this.platforms.map((p) => {
        const waiting = this.waiting.get(p.name);
        return [p.name, waiting ? { ok: false, reason: waiting } : (p.health?.() ?? { ok: true })];
      }),
    );
  }

  /** Readiness probes, one per platform. */
  probes(): Array<{ name: string; check(): Promise<void> }> {
    return this.platforms.map((p) => ({
      name: p.name,
      check: async () => {
        const h = this.health()[p.name]!;
        if (!h.ok) throw new Error(h.reason);
      },
    }));
  }

  /** Stop retrying (shutdown); the platforms themselves are stopped by their owner. */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
