import { createHmac } from "node:crypto";
import type { WebhookPolicy } from "../core/webhooks/events.js";
import { PermanentDeliveryError } from "../ports/chat.js";
import type { WebhookPort } from "../ports/webhooks.js";

/** How long one attempt may take before it counts as failed (and is retried). */
const TIMEOUT_MS = 10_000;

/** The signature of an event: HMAC-SHA256 of `<timestamp>.<body>`, hex, as `X-Beacon-Signature: sha256=<hex>`. */
export function signEvent(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * Posts events to the policy's webhooks over HTTP: the JSON body, its event
 * type and id, a timestamp (unix seconds, at sending) and the signature.
 */
export class HttpWebhooks implements WebhookPort {
  constructor(
    private readonly hooks: readonly WebhookPolicy[],
    private readonly secretOf: (env: string) => string | undefined,
    private readonly now: () => Date,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(key: string, body: string): Promise<void> {
    const hook = this.hooks.find((h) => h.key === key);
    if (!hook) throw new PermanentDeliveryError(`the policy has no webhook "${key}" any more`);
    const secret = this.secretOf(hook.secretEnv);
    if (!secret) throw new PermanentDeliveryError(`${hook.secretEnv} is not set: webhook "${key}" cannot be signed`);
    const event = JSON.parse(body) as { id: string; type: string };
    const ts = String(Math.floor(this.now().getTime() / 1000));
    const res = await this.fetchImpl(hook.url, {
      method: "POST",
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Beacon",
        "x-beacon-event": event.type,
        "x-beacon-delivery": event.id,
        "x-beacon-timestamp": ts,
        "x-beacon-signature": signEvent(secret, ts, body),
      },
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`webhook "${key}" answered ${res.status}`);
  }
}
