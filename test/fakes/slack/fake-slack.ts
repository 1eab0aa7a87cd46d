import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { blockKitProblem } from "./block-kit.js";
import { FakeSocketMode } from "./fake-socket-mode.js";

// A Slack Web API on loopback that follows the documented request and
// response shapes (https://api.slack.com/web): POST /api/<method> with a form
// or JSON body and a Bearer token; answers are HTTP 200 `{ok:true,…}` or
// `{ok:false,error}`, and HTTP 429 with `Retry-After` when rate limited. It
// keeps just enough workspace state (channels, members, messages, pins, DMs)
// to answer like Slack would, and records every call for assertions.

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
}

export interface SlackMessage {
  ts: string;
  text: string;
  blocks?: unknown[];
  user?: string;
  bot_id?: string;
}

interface Channel {
  id: string;
  name: string;
  /** Who created it (conversations.list shows it); Beacon's bot user for the channels it opens. */
  creator?: string;
  topic: string;
  members: Set<string>;
  archived: boolean;
  pins: Set<string>;
  messages: SlackMessage[];
}

type Failure = { method: string; times: number; when?: (args: Record<string, unknown>) => boolean } & (
  | { error: string }
  | { status: 429; retryAfter: number }
  | { status: 500 }
  /** The call is done, but its answer is lost on the way back (a dropped connection). */
  | { lost: true }
);

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata"]);

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  /** Messages Beacon sent to response_url (slash command and button answers). */
  readonly responses: Array<{ id: string; body: Record<string, unknown> }> = [];
  readonly channels = new Map<string, Channel>();
  readonly botUserId = "UBEACON";
  readonly botId = "BBEACON";
  private readonly failures: Failure[] = [];
  /** Socket Mode: the app-level token apps.connections.open accepts, and the WebSocket side. */
  readonly appToken = "xapp-1-beacon-test";
  readonly socketMode = new FakeSocketMode();
  /** Each member's App Home view as last published (views.publish). */
  readonly homes = new Map<string, { type: string; blocks: unknown[] }>();
  /** Members' email addresses (users.lookupByEmail), email → member id. */
  readonly emails = new Map<string, string>();
  /** Milliseconds each call to a method takes (a slow Slack). */
  readonly delays = new Map<string, number>();
  /** Called after each answered Web API call (benchmarks time deliveries with it). */
  onCall?: (call: ApiCall, answer: Record<string, unknown>) => void;
  private server!: Server;
  private n = 0;
  port = 0;

  constructor(
    readonly token: string,
    readonly users: Set<string>,
  ) {}

  /** `port`: a fixed one (Slack coming back where Beacon was told to find it); default any free one. */
  static async start(opts: { token: string; users: string[]; port?: number }): Promise<FakeSlack> {
    const fake = new FakeSlack(opts.token, new Set(opts.users));
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.server.on("upgrade", (req, socket, head) => {
      if ((req.url ?? "").startsWith("/socket")) fake.socketMode.upgrade(req, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((r) => fake.server.listen(opts.port ?? 0, "127.0.0.1", r));
    fake.port = (fake.server.address() as { port: number }).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(): string {
    return `http://127.0.0.1:${this.port}/respond/${++this.n}`;
  }

  triggerId(): string {
    return `${Date.now()}.${++this.n}.trigger`;
  }

  /** The next `times` calls to `method` fail as given. */
  fail(spec: Failure): void {
    this.failures.push(spec);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  channelNamed(name: string): Channel | undefined {
    return [...this.channels.values()].find((c) => c.name === name);
  }

  /** A message someone (not Beacon) writes in a channel. */
  userPosts(channel: string, user: string, text: string): SlackMessage {
    const message = { ts: this.ts(), text, user };
    this.channels.get(channel)!.messages.push(message);
    return message;
  }

  async close(): Promise<void> {
    for (const c of this.socketMode.wss.clients) c.terminate();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  private ts(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(++this.n).padStart(6, "0")}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    const respond = /^\/respond\/(\w+)$/.exec(url.pathname);
    if (respond) {
      this.responses.push({ id: respond[1]!, body: JSON.parse(raw || "{}") });
      return send(res, 200, "ok", "text/plain");
    }
    const m = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (!m || req.method !== "POST") return send(res, 404, { ok: false, error: "unknown_method" });
    const method = m[1]!;
    const args = parseBody(raw, req.headers["content-type"] ?? "");
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "") || (args.token as string | undefined);
    this.calls.push({ method, args });
    const delay = this.delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    if (!token) return send(res, 200, { ok: false, error: "not_authed" });
    if (method === "apps.connections.open") {
      // Only an app-level token opens a Socket Mode connection.
      if (token !== this.appToken)
        return send(res, 200, { ok: false, error: token === this.token ? "not_allowed_token_type" : "invalid_auth" });
      return send(res, 200, { ok: true, url: `ws://127.0.0.1:${this.port}/socket?ticket=${++this.n}&app_id=A1` });
    }
    if (token !== this.token) return send(res, 200, { ok: false, error: "invalid_auth" });
    const failure = this.failures.find((f) => f.method === method && f.times > 0 && (!f.when || f.when(args)));
    if (failure) {
      failure.times--;
      if ("error" in failure) return send(res, 200, { ok: false, error: failure.error });
      if ("lost" in failure) {
        this.api(method, args);
        return void req.socket.destroy();
      }
      if (failure.status === 429)
        return send(res, 429, { ok: false, error: "ratelimited" }, "application/json", { "Retry-After": String(failure.retryAfter) });
      return send(res, 500, "internal error", "text/plain");
    }
    const answer = this.api(method, args);
    send(res, 200, answer);
    this.onCall?.({ method, args }, answer);
  }

  private channel(id: unknown): Channel | undefined {
    return typeof id === "string" ? this.channels.get(id) : undefined;
  }

  /** Slack refuses a message or view whose blocks break Block Kit's rules, naming the first problem. */
  private invalidBlocks(blocks: unknown, max: number): Record<string, unknown> | undefined {
    if (blocks === undefined) return undefined;
    const problem = blockKitProblem(blocks, max);
    return problem
      ? { ok: false, error: "invalid_blocks", errors: [problem], response_metadata: { messages: [`[ERROR] ${problem}`] } }
      : undefined;
  }

  private api(method: string, a: Record<string, unknown>): Record<string, unknown> {
    const err = (error: string) => ({ ok: false, error });
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://fake.slack.com/",
          team: "Fake",
          user: "beacon",
          team_id: "T1",
          user_id: this.botUserId,
          bot_id: this.botId,
        };
      case "conversations.create": {
        const name = String(a.name ?? "");
        if (!name) return err("invalid_name_required");
        if (name.length > 80) return err("invalid_name_maxlength");
        if (!/^[a-z0-9_-]+$/.test(name)) return err("invalid_name_specials");
        if (this.channelNamed(name)) return err("name_taken");
        const id = `C${String(this.channels.size + 1).padStart(6, "0")}`;
        this.channels.set(id, {
          id,
          name,
          creator: this.botUserId,
          topic: "",
          members: new Set([this.botUserId]),
          archived: false,
          pins: new Set(),
          messages: [],
        });
        return {
          ok: true,
          channel: { id, name, is_channel: true, is_private: false, is_archived: false, creator: this.botUserId, topic: { value: "" } },
        };
      }
      case "users.lookupByEmail": {
        // https://api.slack.com/methods/users.lookupByEmail: a member by email (case-insensitive); bots and unknown emails are users_not_found.
        const email = String(a.email ?? "").toLowerCase();
        if (!email) return err("invalid_arguments");
        const id = [...this.emails].find(([e]) => e.toLowerCase() === email)?.[1];
        if (!id || !this.users.has(id)) return err("users_not_found");
        return { ok: true, user: { id, team_id: "T1", name: email.split("@")[0], deleted: false, is_bot: false, profile: { email } } };
      }
      case "conversations.list": {
        // Public channels only here; paged with an opaque cursor (https://api.slack.com/methods/conversations.list).
        const limit = Math.min(Number(a.limit ?? 100) || 100, 1000);
        const start = a.cursor ? Number(Buffer.from(String(a.cursor), "base64").toString("utf8").replace("offset:", "")) : 0;
        const all = [...this.channels.values()].filter(
          (c) => !c.id.startsWith("D") && !(String(a.exclude_archived) === "true" && c.archived),
        );
        const page = all.slice(start, start + limit);
        const next = start + limit < all.length ? Buffer.from(`offset:${start + limit}`).toString("base64") : "";
        return {
          ok: true,
          channels: page.map((c) => ({
            id: c.id,
            name: c.name,
            is_channel: true,
            is_private: false,
            is_archived: c.archived,
            is_member: c.members.has(this.botUserId),
            creator: c.creator ?? "UOTHER",
            num_members: c.members.size,
          })),
          response_metadata: { next_cursor: next },
        };
      }
      case "conversations.invite": {
        const ch = this.channel(a.channel);
        if (!ch) return err("channel_not_found");
        if (ch.archived) return err("is_archived");
        const users = String(a.users ?? "")
          .split(",")
          .filter(Boolean);
        if (!users.length) return err("no_user");
        const unknown = users.filter((u) => !this.users.has(u));
        if (unknown.length)
          return { ok: false, error: "user_not_found", errors: unknown.map((user) => ({ user, ok: false, error: "user_not_found" })) };
        for (const u of users) ch.members.add(u);
        return { ok: true, channel: { id: ch.id, name: ch.name } };
      }
      case "conversations.setTopic": {
        const ch = this.channel(a.channel);
        if (!ch) return err("channel_not_found");
        const topic = String(a.topic ?? "");
        if (topic.length > 250) return err("too_long");
        ch.topic = topic;
        return { ok: true, channel: { id: ch.id, name: ch.name, topic: { value: ch.topic } } };
      }
      case "conversations.archive": {
        const ch = this.channel(a.channel);
        if (!ch) return err("channel_not_found");
        if (ch.archived) return err("already_archived");
        ch.archived = true;
        return { ok: true };
      }
      case "conversations.open": {
        const user = String(a.users ?? "");
        if (!this.users.has(user)) return err("user_not_found");
        const id = `D${user}`;
        if (!this.channels.has(id))
          this.channels.set(id, {
            id,
            name: id,
            topic: "",
            members: new Set([user, this.botUserId]),
            archived: false,
            pins: new Set(),
            messages: [],
          });
        return { ok: true, channel: { id } };
      }
      case "conversations.replies": {
        const ch = this.channel(a.channel);
        if (!ch) return err("channel_not_found");
        const m = ch.messages.find((x) => x.ts === a.ts);
        if (!m) return err("thread_not_found");
        return { ok: true, messages: [{ type: "message", ...m }], has_more: false };
      }
      case "chat.postMessage": {
        const target = String(a.channel ?? "");
        // A user id as channel posts to the app's DM with that user, as Slack does.
        if (this.users.has(target)) this.api("conversations.open", { users: target });
        const ch = this.channel(this.users.has(target) ? `D${target}` : target);
        if (!ch) return err("channel_not_found");
        if (ch.archived) return err("is_archived");
        if (!a.text && !a.blocks) return err("no_text");
        const invalid = this.invalidBlocks(a.blocks, 50);
        if (invalid) return invalid;
        const message: SlackMessage = {
          ts: this.ts(),
          text: String(a.text ?? ""),
          blocks: a.blocks as unknown[] | undefined,
          user: this.botUserId,
          bot_id: this.botId,
        };
        ch.messages.push(message);
        return { ok: true, channel: ch.id, ts: message.ts, message: { type: "message", ...message } };
      }
      case "chat.update": {
        const ch = this.channel(a.channel);
        const m = ch?.messages.find((x) => x.ts === a.ts);
        if (!ch || !m) return err(ch ? "message_not_found" : "channel_not_found");
        if (m.bot_id !== this.botId) return err("cant_update_message");
        const invalid = this.invalidBlocks(a.blocks, 50);
        if (invalid) return invalid;
        m.text = String(a.text ?? m.text);
        if (a.blocks) m.blocks = a.blocks as unknown[];
        return { ok: true, channel: ch.id, ts: m.ts, text: m.text };
      }
      case "chat.postEphemeral": {
        const ch = this.channel(a.channel);
        if (!ch) return err("channel_not_found");
        if (!this.users.has(String(a.user))) return err("user_not_found");
        return { ok: true, message_ts: this.ts() };
      }
      case "chat.getPermalink": {
        const ch = this.channel(a.channel);
        if (!ch) return err("channel_not_found");
        return {
          ok: true,
          channel: ch.id,
          permalink: `https://fake.slack.com/archives/${ch.id}/p${String(a.message_ts).replace(".", "")}`,
        };
      }
      case "pins.add": {
        const ch = this.channel(a.channel);
        if (!ch) return err("channel_not_found");
        if (!ch.messages.some((m) => m.ts === a.timestamp)) return err("message_not_found");
        if (ch.pins.has(String(a.timestamp))) return err("already_pinned");
        ch.pins.add(String(a.timestamp));
        return { ok: true };
      }
      case "views.open": {
        if (!a.trigger_id) return err("invalid_arguments");
        const view = a.view as { type?: string; blocks?: unknown[] } | undefined;
        if (view?.type !== "modal" || !Array.isArray(view.blocks)) return err("invalid_arguments");
        const invalid = this.invalidBlocks(view.blocks, 100);
        if (invalid) return invalid;
        return { ok: true, view: { id: `V${++this.n}`, ...view } };
      }
      case "views.publish": {
        // https://api.slack.com/methods/views.publish: a Home tab view for one member, at most 100 blocks.
        const userId = String(a.user_id ?? "");
        if (!this.users.has(userId)) return err("user_not_found");
        const view = a.view as { type?: string; blocks?: unknown[] } | undefined;
        if (view?.type !== "home" || !Array.isArray(view.blocks)) return err("invalid_arguments");
        const invalid = this.invalidBlocks(view.blocks, 100);
        if (invalid) return invalid;
        this.homes.set(userId, { type: "home", blocks: view.blocks });
        return { ok: true, view: { id: `V${++this.n}`, team_id: "T1", ...view } };
      }
      default:
        return err("unknown_method");
    }
  }
}

function parseBody(raw: string, type: string): Record<string, unknown> {
  if (type.includes("application/json")) return JSON.parse(raw || "{}") as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_FIELDS.has(k) ? safeJson(v) : v;
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function send(res: ServerResponse, status: number, body: unknown, type = "application/json", headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": type, ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}
