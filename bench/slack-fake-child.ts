// The Slack bench's other process: the fake Slack, the sender that plays
// Slack posting signed slash commands, and the stopwatch. Every figure is
// taken here, at the same points for Beacon and its baselines: from sending a
// command to its HTTP answer (the ack), and from sending it to the fake
// answering the last page's chat.postMessage. Forked by slack.bench.ts.
import { performance } from "node:perf_hooks";
import { FakeSlack } from "../test/fakes/slack/fake-slack.js";
import { SlackSender } from "../test/fakes/slack/slack-sender.js";
import { serveParent } from "./fake-child.js";

/** What the bench process answers: fire `calls` chat.postMessage calls at once from a bare Web API client, texts starting with `text`. */
export type SlackBenchSide = { burst(o: { calls: number; text: string }): Promise<void> };

const DANA = { id: "UDANA", name: "dana" };
let fake: FakeSlack;
/** DM posts the fake answered, by the text they carry (a declare's title, or a burst's prefix). */
const seen = new Map<string, number>();
const waiting = new Map<string, { count: number; done: () => void }>();

function posted(key: string): void {
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  const w = waiting.get(key);
  if (w && n >= w.count) {
    waiting.delete(key);
    w.done();
  }
}

/** Resolves once `count` DM posts under `key` were answered (counting those already seen). */
function posts(key: string, count: number): Promise<void> {
  if ((seen.get(key) ?? 0) >= count) return Promise.resolve();
  return new Promise((done) => waiting.set(key, { count, done }));
}

const api = {
  async start(o: { token: string; users: string[] }) {
    fake = await FakeSlack.start({ token: o.token, users: o.users });
    fake.onCall = (call) => {
      if (call.method !== "chat.postMessage") return;
      const text = String(call.args.text);
      // Beacon's pages go to the DM it opened; the bare client posts to the person's id.
      const page = /Bench \d+-\d+/.exec(text)?.[0];
      if (page && String(call.args.channel).startsWith("D")) posted(page);
      const burst = /^Burst \d+-/.exec(text)?.[0];
      if (burst) posted(burst);
    };
    return { apiUrl: fake.apiUrl };
  },

  /**
   * `concurrent` signed `/incident declare urgent <prefix> <round>-<i>` at
   * once to `url`; each one's ack, and (with `pages`) the time until that
   * many pages of it were posted.
   */
  async declares(o: { url: string; secret: string; prefix: string; round: number; concurrent: number; pages: number }) {
    const sender = new SlackSender(o.url, o.secret, fake);
    const callsBefore = fake.calls.length;
    const results = await Promise.all(
      Array.from({ length: o.concurrent }, async (_, i) => {
        const title = `${o.prefix} ${o.round}-${i}`;
        const paged = o.pages ? posts(title, o.pages) : undefined;
        const t0 = performance.now();
        const res = await sender.command(`declare urgent ${title}`, DANA);
        const ack = performance.now() - t0;
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        await paged;
        return { ack, paged: performance.now() - t0 };
      }),
    );
    return { ack: results.map((r) => r.ack), paged: results.map((r) => r.paged), calls: fake.calls.length - callsBefore };
  },

  /** The pages' baseline: from asking the bench process for a burst to the fake answering its last call. */
  async burst(o: { calls: number; round: number }) {
    const text = `Burst ${o.round}-`;
    const all = posts(text, o.calls);
    const t0 = performance.now();
    const fired = parent.call("burst", { calls: o.calls, text });
    await all;
    const ms = performance.now() - t0;
    await fired;
    return ms;
  },

  close: () => fake.close(),
};

export type SlackFakeApi = typeof api;

const parent = serveParent<SlackBenchSide>(api);
