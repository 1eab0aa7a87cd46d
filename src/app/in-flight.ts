/**
 * Work started after a platform was acknowledged (Slack's and Discord's
 * 3-second rule). Shared by the chat adapters.
 * At most `limit` pieces run at once and the rest wait their turn: fifty
 * declarations arriving together would otherwise fill the event loop with
 * database and Prisma work (and PGlite itself, when BEACON_PGLITE_THREAD=0
 * keeps it on the main thread) and delay the very acknowledgements Slack is
 * waiting for. Tracked so shutdown can let the work
 * finish, and tests can wait for it.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private readonly waiting: Array<() => void> = [];
  private active = 0;
  private readonly ending = new AbortController();

  constructor(private readonly limit = 4) {}

  /** Aborted when the platform stops: work that only waits (for a room to open) gives up then. */
  get signal(): AbortSignal {
    return this.ending.signal;
  }

  /** Stop: what only waits gives up, and what is running finishes. */
  async stop(): Promise<void> {
    this.ending.abort();
    await this.idle();
  }

  run(work: () => Promise<unknown>, onError: (e: unknown) => void): void {
    const p = this.turn()
      .then(work)
      .catch(onError)
      .finally(() => {
        this.active--;
        this.waiting.shift()?.();
      });
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  /**
   * Work that mostly waits (for a room to open, then one edit): tracked for
   * `stop` and `idle` like the rest, but outside the limit, so a slow room does
   * not hold a turn that the next person's command needs.
   */
  follow(work: () => Promise<unknown>, onError: (e: unknown) => void): void {
    const p = work().catch(onError);
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  private turn(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.active++;
        resolve();
      }),
    );
  }

  /** Resolves when nothing is running or waiting, including work started meanwhile. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
