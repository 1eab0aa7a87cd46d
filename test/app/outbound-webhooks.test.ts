import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { pagingContext } from "../../src/app/commit.js";
import { finish } from "../../src/core/incident/change.js";
import { addWebhookEvents } from "../../src/core/webhooks/events.js";
import { declareIncident as decideDeclare } from "../../src/core/incident/declare.js";
import { policySchema, type Policy } from "../../src/core/policy/schema.js";
import { HttpWebhooks } from "../../src/infra/webhooks.js";
import { harness, type Harness } from "../helpers/app-harness.js";
import { defaultPolicy } from "../helpers/default-policy.js";
import { MemoryStore } from "../fakes/memory-store.js";

const SECRET = "status-page-secret";

/** A receiver as a status page would write one: checks the signature and its age, keeps the ids it has seen. */
class Receiver {
  seen: Array<{ id: string; type: string; version: number }> = [];
  deliveries = 0;
  rejected = 0;
  failWith?: number;
  /** The receiver's clock (the test's). */
  now: () => Date = () => new Date();
  private ids = new Set<string>();
  private server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      this.deliveries++;
      if (this.failWith) return res.writeHead(this.failWith).end();
      const ts = String(req.headers["x-beacon-timestamp"]);
      const expected = Buffer.from(`sha256=${createHmac("sha256", SECRET).update(`${ts}.${body}`).digest("hex")}`);
      const got = Buffer.from(String(req.headers["x-beacon-signature"]));
      if (got.length !== expected.length || !timingSafeEqual(got, expected) || Math.abs(this.now().getTime() / 1000 - Number(ts)) > 300) {
        this.rejected++;
        return res.writeHead(401).end();
      }
      const event = JSON.parse(body) as { id: string; type: string; version: number };
      expect(req.headers["x-beacon-delivery"]).toBe(event.id);
      if (!this.ids.has(event.id)) {
        this.ids.add(event.id);
        this.seen.push({ id: event.id, type: event.type, version: event.version });
      }
      res.writeHead(204).end();
    });
  });
  url = "";
  async start() {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/beacon`;
    return this;
  }
  close() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }
}

function hookPolicy(url: string, events: string[]): Policy {
  return policySchema.parse({ ...defaultPolicy(), webhooks: [{ key: "status", url, events, secretEnv: "STATUS_SECRET" }] });
}

let receiver: Receiver;
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.scheduler.stop();
  await receiver?.close();
});

async function withHooks(store?: MemoryStore, o: { events?: string[]; at?: Date } = {}) {
  const events = o.events ?? ["declared", "acknowledged", "resolved"];
  const h = await harness({ policy: hookPolicy(receiver.url, events), store, ...(o.at ? { at: o.at } : {}) });
  h.deps.webhooks = new HttpWebhooks(
    h.deps.policy.webhooks,
    (n) => (n === "STATUS_SECRET" ? SECRET : undefined),
    () => h.clock.now(),
  );
  receiver.now = () => h.clock.now();
  open.push(h);
  return h;
}

describe("outbound webhooks", () => {
  it("sends the events a hook asks for, versioned and signed, each once, in order", async () => {
    receiver = await new Receiver().start();
    const h = await withHooks();
    await h.as("dana", 'declare urgent "Checkout down"');
    await h.as("lee", "ack #1");
    await h.as("dana", 'note #1 "looking"'); // not an event the hook wants
    await h.as("lee", "resolve #1 rolled back");
    const id = (await h.store.getByNumber(1))!.id;
    expect(receiver.seen).toEqual([
      { id: `${id}:0`, type: "incident.declared", version: 1 },
      { id: expect.stringMatching(new RegExp(`^${id}:\\d+$`)), type: "incident.acknowledged", version: 1 },
      { id: expect.stringMatching(new RegExp(`^${id}:\\d+$`)), type: "incident.resolved", version: 1 },
    ]);
    expect(receiver.rejected).toBe(0);
  });

  it("sends an event committed just before a crash once Beacon is back, and a resend after a crash in the send is seen once", async () => {
    receiver = await new Receiver().start();
    const store = new MemoryStore();
    const first = await withHooks(store);
    // Decide and commit a declaration, then "crash": nothing is delivered.
    const ctx = await pagingContext(first.deps);
    const change = decideDeclare(ctx, {
      id: "inc-crash",
      number: 1,
      requestKey: "r1",
      title: "Crash test",
      severity: "general",
      kind: "complaint",
      drill: false,
      actor: { platform: "test", userId: "dana", name: "dana", personId: "dana" },
    });
    addWebhookEvents(change, first.deps.policy.webhooks);
    const done = finish(change);
    await store.commit(done); // committed, and the process dies before it wakes anything
    await first.scheduler.stop();
    expect(receiver.deliveries).toBe(0);
    const hookKey = done.deliveryKeys.find((k) => {
      const p = store.timers.get(k)!.payload;
      return p.kind === "deliver" && p.delivery.what === "webhook";
    })!;
    // Back up: the scheduler re-arms pending timers from the ledger, and the event goes out.
    const second = await withHooks(store);
    await second.advance(0);
    expect(receiver.seen).toEqual([{ id: "inc-crash:0", type: "incident.declared", version: 1 }]);
    // A crash after sending but before the ledger row was retired: the row is pending again and resent.
    await store.retryTimer(hookKey, second.clock.now(), store.timers.get(hookKey)!.payload);
    const third = await withHooks(store);
    await third.advance(0);
    expect(receiver.deliveries).toBe(2);
    expect(receiver.seen).toHaveLength(1); // the same event id: the receiver sees it once
  });

  it("retries a refused event with backoff and records delivery failed on the timeline after the last try", async () => {
    receiver = await new Receiver().start();
    receiver.failWith = 503;
    const h = await withHooks();
    await h.as("dana", 'declare general "Parcel lost"');
    expect(receiver.deliveries).toBe(1);
    await h.advance(30); // 10 s, 1 min, 5 min, 15 min
    expect(receiver.deliveries).toBe(5);
    const failed = (await h.store.timeline((await h.store.getByNumber(1))!.id)).filter((e) => e.type === "delivery_failed");
    expect(failed.map((e) => e.data)).toEqual([
      expect.objectContaining({ what: "webhook", target: "status", error: 'webhook "status" answered 503' }),
    ]);
  });

  it("sends follow-up due once, on the due day, and not for the reminders while it stays overdue", async () => {
    receiver = await new Receiver().start();
    const h = await withHooks(undefined, { events: ["follow_up_due"], at: new Date("2026-12-01T02:00:00Z") }); // Tue 10:00 Shanghai
    await h.as("dana", "declare general Label printer jams --kind system");
    await h.as("dana", "followup #1 Replace the printer firmware --owner sam --due 2026-12-02");
    await h.advance(24 * 60); // Wednesday 10:00: reminded at 09:00
    expect(receiver.seen.map((e) => e.type)).toEqual(["incident.follow_up_due"]);
    await h.advance(3 * 24 * 60); // Thursday, Friday, Monday: overdue reminders
    const sam = h.chat.calls.filter((c) => c.op === "notify" && c.personId === "sam");
    expect(sam.length).toBeGreaterThanOrEqual(3);
    expect(receiver.seen.map((e) => e.type)).toEqual(["incident.follow_up_due"]);
    const entries = (await h.store.timeline((await h.store.getByNumber(1))!.id)).filter((e) => e.type === "followup_due");
    expect(entries.map((e) => e.data)).toEqual([{ id: "F1", text: "Replace the printer firmware", ownerId: "sam", due: "2026-12-02" }]);
  });
});
