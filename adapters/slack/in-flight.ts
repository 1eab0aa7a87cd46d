/**
 * Work started after a platform was acknowledged (Slack's 3-second rule):
 * tracked so shutdown can let it finish, and tests can wait for it.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  run(work: () => Promise<unknown>, onError: (e: unknown) => void): void {
    const p = work().catch(onError);
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  /** Resolves when nothing is running, including work started meanwhile. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
