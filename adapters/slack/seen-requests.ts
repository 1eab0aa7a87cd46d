/**
 * Request ids seen lately. Slack sends a request again when it thinks the
 * first one timed out (`X-Slack-Retry-Num`, or Socket Mode's `retry_attempt`);
 * the first one is already being handled and answered, so a repeat is
 * acknowledged and does nothing: one answer per user action. Bounded: the
 * oldest ids are forgotten first (Slack retries within minutes).
 */
export class SeenRequests {
  private readonly seen = new Set<string>();

  constructor(private readonly max = 10_000) {}

  /** True the first time `key` is seen. */
  first(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > this.max) this.seen.delete(this.seen.values().next().value!);
    return true;
  }
}
