// The Discord bench's other process: the fake Discord (REST and gateway), the
// user who runs `/incident declare`, and the stopwatch. Every figure is taken
// here, at the same points for Beacon and the bare bot: from dispatching the
// INTERACTION_CREATE to the fake answering the interaction's callback (the
// first response), and to the fake answering the last page's DM post.
// Forked by discord.bench.ts.
import { performance } from "node:perf_hooks";
import { DiscordUser } from "../test/fakes/discord/discord-user.js";
import { FakeDiscord } from "../test/fakes/discord/fake-discord.js";
import { serveParent } from "./fake-child.js";

let fake: FakeDiscord;
/** Resolves an interaction's wait for its first response, by token. */
const firstResponse = new Map<string, () => void>();
/** DM posts the fake answered, by the declare's title they carry. */
const pagesSeen = new Map<string, number>();
const allPaged = new Map<string, { count: number; done: () => void }>();

const isAnswer = (path: string) => /^\/(interactions|webhooks)\//.test(path);

const api = {
  async start(o: { token: string; users: Array<{ id: string; name: string }> }) {
    fake = await FakeDiscord.start(o);
    fake.onCall = (call) => {
      const cb = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(call.path);
      if (cb) return firstResponse.get(cb[1]!)?.();
      const post = /^\/channels\/(\d+)\/messages$/.exec(call.path);
      if (call.method !== "POST" || !post || fake.channels.get(post[1]!)?.type !== 1) return;
      const title = /Bench \d+-\d+/.exec(String(call.body?.content))?.[0];
      if (!title) return;
      const n = (pagesSeen.get(title) ?? 0) + 1;
      pagesSeen.set(title, n);
      const w = allPaged.get(title);
      if (w && n >= w.count) {
        allPaged.delete(title);
        w.done();
      }
    };
    return { apiUrl: fake.apiUrl, guildId: fake.guildId };
  },

  /**
   * `concurrent` declares at once from `person`; each one's time to its first
   * response and (with `pages`) until that many pages of it were posted, and
   * the REST calls (not interaction answers) the fake took meanwhile.
   */
  async round(o: { person: { id: string; name: string }; round: number; concurrent: number; pages: number }) {
    const user = new DiscordUser(fake, o.person);
    const callsBefore = fake.calls.length;
    const results = await Promise.all(
      Array.from({ length: o.concurrent }, async (_, i) => {
        const title = `Bench ${o.round}-${i}`;
        const paged = o.pages ? new Promise<void>((done) => allPaged.set(title, { count: o.pages, done })) : undefined;
        let responded!: () => void;
        const response = new Promise<void>((r) => (responded = r));
        const t0 = performance.now();
        // The callback comes back over HTTP, so never before the token is registered here.
        const token = user.command("declare", { severity: "urgent", title });
        firstResponse.set(token, responded);
        await response;
        const first = performance.now() - t0;
        firstResponse.delete(token);
        await paged;
        return { first, done: performance.now() - t0 };
      }),
    );
    const calls = fake.calls.slice(callsBefore).filter((c) => !isAnswer(c.path)).length;
    return { first: results.map((r) => r.first), done: results.map((r) => r.done), calls };
  },

  close: () => fake.close(),
};

export type DiscordFakeApi = typeof api;

serveParent(api);
