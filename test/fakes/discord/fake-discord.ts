import { generateKeyPairSync, sign } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { FakeGateway } from "./fake-gateway.js";
import { commandProblems } from "./command-rules.js";
import { snowflake } from "./snowflake.js";

// Discord's REST API v10 on loopback (https://discord.com/developers/docs),
// the routes Beacon uses, with Discord's shapes: JSON objects with snowflake
// ids, errors as {message, code} with a 4xx status, 429 with `retry_after`
// (and the Retry-After header) when rate limited. `Authorization: Bot …` is
// required except on interaction callbacks and webhooks, as on Discord. Every
// call is recorded. The gateway (fake-gateway.ts) shares the port.

export interface RestCall {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}

export interface DiscordMessage {
  id: string;
  channel_id: string;
  author: Record<string, unknown>;
  content: string;
  embeds: Array<Record<string, unknown>>;
  components: Array<Record<string, unknown>>;
  pinned: boolean;
  timestamp: string;
  edited_timestamp: string | null;
}

export interface DiscordChannel {
  id: string;
  type: number;
  name?: string;
  guild_id?: string;
  parent_id?: string | null;
  topic?: string | null;
  recipients?: Array<Record<string, unknown>>;
  thread_metadata?: { archived: boolean; locked: boolean; auto_archive_duration: number; archive_timestamp: string };
  permission_overwrites?: Array<Record<string, unknown>>;
  /** A forum's tags (20 at most) and the tags a post carries (5 at most). */
  available_tags?: Array<{ id: string; name: string; moderated: boolean; emoji_id: null; emoji_name: null }>;
  applied_tags?: string[];
  position?: number;
  members: Set<string>;
  messages: DiscordMessage[];
}

type Failure = { match: RegExp; times: number; status: number; body: Record<string, unknown> };

const user = (id: string, username: string, bot = false) => ({
  id,
  username,
  discriminator: "0",
  global_name: username,
  avatar: null,
  ...(bot ? { bot: true } : {}),
});

export class FakeDiscord {
  readonly calls: RestCall[] = [];
  readonly channels = new Map<string, DiscordChannel>();
  readonly users = new Map<string, Record<string, unknown>>();
  /** Users whose DMs are closed to the bot (Discord error 50007). */
  readonly dmClosed = new Set<string>();
  /** Interaction callbacks and edits of the original response, per interaction token. */
  readonly interactions = new Map<
    string,
    {
      callbacks: Array<Record<string, unknown>>;
      original?: Record<string, unknown>;
      followups: Array<Record<string, unknown>>;
      /** HTTP deliveries Beacon did not answer with a 200 in time. */
      failures: Array<{ status: number; body: string }>;
    }
  >();
  /** When each interaction was sent (by token): Discord refuses a first callback after 3 seconds (10062 Unknown interaction). */
  readonly issued = new Map<string, number>();
  /** The application's Ed25519 key pair: HTTP interactions are signed with it; Beacon is given the public half. */
  private readonly signing = generateKeyPairSync("ed25519");
  /** With an Interactions Endpoint URL set, interactions are POSTed there instead of sent over the gateway. */
  interactionsUrl?: string;
  /** HTTP interactions whose response has not come back yet (an edit waits for it, as on Discord). */
  private readonly pendingHttp = new Map<string, Promise<unknown>>();
  /** Every interaction sent, by token (to deliver one again, as Discord may to a second connection). */
  readonly sent = new Map<string, Record<string, unknown>>();
  commands: Array<Record<string, unknown>> = [];
  readonly guildId = snowflake();
  readonly applicationId = snowflake();
  readonly botUser = user(snowflake(), "Beacon", true);
  readonly gateway: FakeGateway;
  private readonly failures: Failure[] = [];
  /** Called after each answered REST call (benchmarks time responses with it). */
  onCall?: (call: RestCall) => void;
  private server!: Server;
  port = 0;

  constructor(public token: string) {
    this.gateway = new FakeGateway({
      token: () => this.token,
      url: () => `ws://127.0.0.1:${this.port}`,
      botUser: this.botUser,
      applicationId: this.applicationId,
      guilds: () => [this.guildPayload()],
    });
    this.addChannel({ id: this.guildId, type: 0, name: "general", guild_id: this.guildId, parent_id: null });
  }

  static async start(opts: { token: string; users: Array<{ id: string; name: string }> }): Promise<FakeDiscord> {
    const fake = new FakeDiscord(opts.token);
    for (const u of opts.users) fake.users.set(u.id, user(u.id, u.name));
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.server.on("upgrade", (req, socket, head) => fake.gateway.upgrade(req, socket, head));
    await new Promise<void>((r) => fake.server.listen(0, "127.0.0.1", r));
    fake.port = (fake.server.address() as { port: number }).port;
    return fake;
  }

  /** The application's public key as the Developer Portal shows it (64 hex characters). */
  get publicKeyHex(): string {
    return this.signing.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
  }

  /**
   * POST an interaction to the endpoint as Discord does: signed with
   * Ed25519 over timestamp + body. A 200 within 3 seconds is the first
   * response; anything else is recorded as a failed delivery.
   */
  async deliverHttp(payload: Record<string, unknown>, o: { signature?: string; timestamp?: string } = {}): Promise<Response> {
    const body = JSON.stringify(payload);
    const timestamp = o.timestamp ?? String(Math.floor(Date.now() / 1000));
    const signature = o.signature ?? sign(null, Buffer.from(timestamp + body), this.signing.privateKey).toString("hex");
    const started = Date.now();
    const token = String(payload.token ?? "");
    const sent = fetch(this.interactionsUrl!, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp },
      body,
    }).then(async (res) => {
      const text = await res.text();
      const i = this.interaction(token);
      if (res.status === 200 && Date.now() - started <= 3000) i.callbacks.push(JSON.parse(text) as Record<string, unknown>);
      else i.failures.push({ status: res.status, body: text });
      return new Response(text, { status: res.status, headers: res.headers });
    });
    this.pendingHttp.set(token, sent);
    return sent;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** A member of the server the policy does not know. */
  addUser(id: string, name: string): void {
    this.users.set(id, user(id, name));
  }

  addChannel(c: Omit<DiscordChannel, "members" | "messages">): DiscordChannel {
    const channel = { permission_overwrites: [], ...c, members: new Set<string>(), messages: [] };
    this.channels.set(c.id, channel);
    return channel;
  }

  channelNamed(name: string): DiscordChannel | undefined {
    return [...this.channels.values()].find((c) => c.name === name);
  }

  dmWith(userId: string): DiscordChannel | undefined {
    return [...this.channels.values()].find((c) => c.type === 1 && c.recipients?.[0]?.id === userId);
  }

  /** The next `times` requests whose "METHOD /path" matches fail with this status and body. */
  fail(match: RegExp, status: number, body: Record<string, unknown>, times = 1): void {
    this.failures.push({ match, times, status, body });
  }

  /** The bot token is reset in the Developer Portal: the old one stops working on REST and the gateway, and the live session drops. */
  resetToken(token: string): void {
    this.token = token;
    this.gateway.closeWith(4000, "Unknown error.");
  }

  userPosts(channelId: string, userId: string, content: string): DiscordMessage {
    return this.post(this.channels.get(channelId)!, this.users.get(userId)!, { content });
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  private guildPayload(): Record<string, unknown> {
    return {
      id: this.guildId,
      name: "Fake Support",
      icon: null,
      owner_id: [...this.users.keys()][0] ?? this.botUser.id,
      unavailable: false,
      member_count: this.users.size + 1,
      large: false,
      features: [],
      roles: [
        {
          id: this.guildId,
          name: "@everyone",
          permissions: "1071698660929",
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [...this.channels.values()].filter((c) => c.guild_id && c.type !== 11).map((c) => this.channelPayload(c)),
      threads: [],
      members: [{ user: this.botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
      emojis: [],
      stickers: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      joined_at: new Date().toISOString(),
      preferred_locale: "en-US",
      premium_tier: 0,
      system_channel_flags: 0,
      verification_level: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      default_message_notifications: 0,
    };
  }

  channelPayload(c: DiscordChannel): Record<string, unknown> {
    const { members: _m, messages: _x, ...rest } = c;
    void _m;
    void _x;
    return { position: 0, nsfw: false, ...rest };
  }

  private post(c: DiscordChannel, author: Record<string, unknown>, body: Record<string, unknown>): DiscordMessage {
    const m: DiscordMessage = {
      id: snowflake(),
      channel_id: c.id,
      author,
      content: String(body.content ?? ""),
      embeds: (body.embeds as DiscordMessage["embeds"]) ?? [],
      components: (body.components as DiscordMessage["components"]) ?? [],
      pinned: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    };
    c.messages.push(m);
    return m;
  }

  private messagePayload(m: DiscordMessage): Record<string, unknown> {
    return { ...m, type: 0, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], flags: 0 };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ""));
    const method = req.method ?? "GET";
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    this.calls.push({ method, path, body });
    const open = /^\/(interactions|webhooks)\//.test(path);
    if (!open && req.headers.authorization !== `Bot ${this.token}`) return send(res, 401, { message: "401: Unauthorized", code: 0 });
    const webhook = /^\/webhooks\/\d+\/([^/]+)\//.exec(path);
    if (webhook) await this.pendingHttp.get(webhook[1]!)?.catch(() => undefined);
    const failure = this.failures.find((f) => f.times > 0 && f.match.test(`${method} ${path}`));
    if (failure) {
      failure.times--;
      const headers: Record<string, string> =
        failure.status === 429
          ? { "retry-after": String(Math.ceil(Number(failure.body.retry_after ?? 1))), "x-ratelimit-scope": "user" }
          : {};
      return send(res, failure.status, failure.body, headers);
    }
    const [status, answer] = this.route(method, path, body ?? {});
    send(res, status, answer);
    this.onCall?.({ method, path, body });
  }

  private route(method: string, path: string, b: Record<string, unknown>): [number, unknown] {
    const notFound = (what: string, code: number): [number, unknown] => [404, { message: `Unknown ${what}`, code }];
    let m: RegExpExecArray | null;
    if (method === "GET" && path === "/gateway/bot") {
      return [
        200,
        {
          url: `ws://127.0.0.1:${this.port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14400000, max_concurrency: 1 },
        },
      ];
    }
    if (method === "GET" && path === "/users/@me") return [200, this.botUser];
    if ((m = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/.exec(path))) {
      if (method === "GET") return [200, this.commands];
      if (method === "PUT") {
        const problems = (b as unknown as Array<Record<string, unknown>>).flatMap(commandProblems);
        if (problems.length) return [400, { message: "Invalid Form Body", code: 50035, errors: problems }];
        this.commands = (b as unknown as Array<Record<string, unknown>>).map((c) => ({
          id: snowflake(),
          application_id: m![1],
          guild_id: m![2],
          version: snowflake(),
          type: 1,
          ...c,
        }));
        return [200, this.commands];
      }
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === "POST") {
      const i = this.interaction(m[2]!);
      if (i.callbacks.length) return [400, { message: "Interaction has already been acknowledged.", code: 40060 }];
      const at = this.issued.get(m[2]!);
      if (at !== undefined && Date.now() - at > 3000) return notFound("interaction", 10062);
      i.callbacks.push(b);
      return [204, undefined];
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(path)) && method === "PATCH") {
      const i = this.interaction(m[2]!);
      if (!i.callbacks.length) return notFound("Webhook", 10015);
      // Editing a message may set or clear SUPPRESS_EMBEDS (1 << 2) only (Discord's "Edit Message": flags).
      if (b.flags !== undefined && (Number(b.flags) & ~(1 << 2)) !== 0)
        return [400, { code: 50035, message: "Invalid Form Body", errors: { flags: { _errors: [{ code: "MESSAGE_FLAGS_INVALID" }] } } }];
      i.original = b;
      return [
        200,
        {
          id: snowflake(),
          channel_id: "0",
          author: this.botUser,
          content: b.content ?? "",
          embeds: [],
          components: [],
          timestamp: new Date().toISOString(),
          edited_timestamp: null,
          type: 0,
          flags: 64,
        },
      ];
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path)) && method === "POST") {
      this.interaction(m[2]!).followups.push(b);
      return [
        200,
        {
          id: snowflake(),
          channel_id: "0",
          author: this.botUser,
          content: b.content ?? "",
          embeds: [],
          components: [],
          timestamp: new Date().toISOString(),
          edited_timestamp: null,
          type: 0,
        },
      ];
    }
    if ((m = /^\/guilds\/(\d+)\/channels$/.exec(path))) {
      if (method === "GET")
        return [200, [...this.channels.values()].filter((c) => c.guild_id === m![1] && c.type !== 11).map((c) => this.channelPayload(c))];
      if (method === "POST") {
        const name = String(b.name ?? "");
        if (!name || name.length > 100)
          return [
            400,
            {
              message: "Invalid Form Body",
              code: 50035,
              errors: { name: { _errors: [{ code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." }] } },
            },
          ];
        const parentId = (b.parent_id as string | undefined) ?? null;
        if (parentId) {
          const parent = this.channels.get(parentId);
          if (!parent || parent.type !== 4 || Number(b.type ?? 0) === 4)
            return invalid("parent_id", "CHANNEL_PARENT_INVALID", "Not a category");
          if ([...this.channels.values()].filter((c) => c.parent_id === parentId).length >= CATEGORY_LIMIT)
            return invalid(
              "parent_id",
              "CHANNEL_PARENT_MAX_CHANNELS",
              `Maximum number of channels in category reached (${CATEGORY_LIMIT})`,
            );
        }
        const c = this.addChannel({
          id: snowflake(),
          type: Number(b.type ?? 0),
          name,
          guild_id: m[1],
          parent_id: parentId,
          topic: (b.topic as string) ?? null,
          position: Number(b.position ?? 0),
        });
        return [201, this.channelPayload(c)];
      }
    }
    if ((m = /^\/channels\/(\d+)\/threads$/.exec(path)) && method === "POST") {
      const parent = this.channels.get(m[1]!);
      if (!parent) return notFound("Channel", 10003);
      if (parent.type !== 0 && parent.type !== 15) return [400, { message: "Cannot execute action on this channel type", code: 50024 }];
      const forum = parent.type === 15;
      const starter = b.message as Record<string, unknown> | undefined;
      // A forum post is created with its first message (https://discord.com/developers/docs/resources/channel#start-thread-in-forum-or-media-channel).
      if (forum && !starter) return invalid("message", "BASE_TYPE_REQUIRED", "This field is required");
      if (forum && !starter!.content && !(starter!.embeds as unknown[])?.length)
        return [400, { message: "Cannot send an empty message", code: 50006 }];
      const tags = (b.applied_tags as string[] | undefined) ?? [];
      const problem = forum ? this.tagProblem(parent, tags) : undefined;
      if (problem) return problem;
      const thread = this.addChannel({
        id: snowflake(),
        type: forum ? 11 : Number(b.type ?? 11),
        name: String(b.name),
        guild_id: parent.guild_id,
        parent_id: parent.id,
        ...(forum ? { applied_tags: tags } : {}),
        thread_metadata: {
          archived: false,
          locked: false,
          auto_archive_duration: Number(b.auto_archive_duration ?? 10080),
          archive_timestamp: new Date().toISOString(),
        },
      });
      if (!forum) return [201, this.channelPayload(thread)];
      const first = this.post(thread, this.botUser, starter!);
      first.id = thread.id; // a forum post's first message has the post's id
      return [201, { ...this.channelPayload(thread), message: this.messagePayload(first) }];
    }
    if ((m = /^\/channels\/(\d+)\/thread-members\/(\d+)$/.exec(path)) && method === "PUT") {
      const c = this.channels.get(m[1]!);
      if (!c || c.type !== 11) return notFound("Channel", 10003);
      if (!this.users.has(m[2]!)) return notFound("User", 10013);
      c.members.add(m[2]!);
      return [204, undefined];
    }
    if ((m = /^\/channels\/(\d+)\/permissions\/(\d+)$/.exec(path)) && method === "PUT") {
      const c = this.channels.get(m[1]!);
      if (!c) return notFound("Channel", 10003);
      c.permission_overwrites = [...(c.permission_overwrites ?? []).filter((o) => o.id !== m![2]), { id: m[2], ...b }];
      return [204, undefined];
    }
    if ((m = /^\/channels\/(\d+)$/.exec(path))) {
      const c = this.channels.get(m[1]!);
      if (!c) return notFound("Channel", 10003);
      if (method === "GET") return [200, this.channelPayload(c)];
      if (method === "PATCH") {
        if ("available_tags" in b) {
          if (c.type !== 15) return invalid("available_tags", "BASE_TYPE_BAD_TYPE", "Only forum channels have tags");
          const tags = b.available_tags as Array<{ id?: string; name: string }>;
          if (tags.length > 20) return invalid("available_tags", "BASE_TYPE_MAX_LENGTH", "Must be 20 or fewer in length.");
          if (tags.some((t) => !t.name || t.name.length > 20))
            return invalid("available_tags", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 20 in length.");
          c.available_tags = tags.map((t) => ({
            id: t.id ?? snowflake(),
            name: t.name,
            moderated: false,
            emoji_id: null,
            emoji_name: null,
          }));
        }
        if ("applied_tags" in b) {
          const parent = this.channels.get(String(c.parent_id));
          if (parent?.type !== 15) return invalid("applied_tags", "BASE_TYPE_BAD_TYPE", "Only forum posts have tags");
          const problem = this.tagProblem(parent, b.applied_tags as string[]);
          if (problem) return problem;
          c.applied_tags = b.applied_tags as string[];
        }
        if (typeof b.name === "string") c.name = b.name;
        if ("topic" in b) c.topic = b.topic as string;
        if (c.thread_metadata && ("archived" in b || "locked" in b))
          c.thread_metadata = {
            ...c.thread_metadata,
            archived: !!(b.archived ?? c.thread_metadata.archived),
            locked: !!(b.locked ?? c.thread_metadata.locked),
          };
        return [200, this.channelPayload(c)];
      }
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === "POST") {
      const c = this.channels.get(m[1]!);
      if (!c) return notFound("Channel", 10003);
      if (c.thread_metadata?.archived) return [400, { message: "Thread is archived", code: 50083 }];
      if (c.type === 1 && this.dmClosed.has(String(c.recipients?.[0]?.id)))
        return [403, { message: "Cannot send messages to this user", code: 50007 }];
      if (!b.content && !(b.embeds as unknown[])?.length) return [400, { message: "Cannot send an empty message", code: 50006 }];
      const refused = messageProblem(b);
      if (refused) return refused;
      return [200, this.messagePayload(this.post(c, this.botUser, b))];
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      const msg = this.channels.get(m[1]!)?.messages.find((x) => x.id === m![2]);
      if (!msg) return notFound("Message", 10008);
      if (method === "GET") return [200, this.messagePayload(msg)];
      if (method === "PATCH") {
        if (msg.author.id !== this.botUser.id) return [403, { message: "Cannot edit a message authored by another user", code: 50005 }];
        const refused = messageProblem(b);
        if (refused) return refused;
        if ("content" in b) msg.content = String(b.content ?? "");
        if ("embeds" in b) msg.embeds = b.embeds as DiscordMessage["embeds"];
        if ("components" in b) msg.components = b.components as DiscordMessage["components"];
        msg.edited_timestamp = new Date().toISOString();
        return [200, this.messagePayload(msg)];
      }
    }
    if ((m = /^\/channels\/(\d+)\/pins\/(\d+)$/.exec(path)) && method === "PUT") {
      const msg = this.channels.get(m[1]!)?.messages.find((x) => x.id === m![2]);
      if (!msg) return notFound("Message", 10008);
      msg.pinned = true;
      return [204, undefined];
    }
    if ((m = /^\/channels\/(\d+)\/pins$/.exec(path)) && method === "GET") {
      const c = this.channels.get(m[1]!);
      if (!c) return notFound("Channel", 10003);
      return [200, c.messages.filter((x) => x.pinned).map((x) => this.messagePayload(x))];
    }
    if (path === "/users/@me/channels" && method === "POST") {
      const u = this.users.get(String(b.recipient_id));
      if (!u) return notFound("User", 10013);
      const c = this.dmWith(String(u.id)) ?? this.addChannel({ id: snowflake(), type: 1, recipients: [u] });
      return [200, this.channelPayload(c)];
    }
    return [404, { message: "404: Not Found", code: 0 }];
  }

  /** A post carries at most 5 tags, each one its forum defines. */
  private tagProblem(forum: DiscordChannel, tags: string[]): [number, unknown] | undefined {
    if (tags.length > 5) return invalid("applied_tags", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
    const known = new Set((forum.available_tags ?? []).map((t) => t.id));
    if (tags.some((t) => !known.has(t))) return invalid("applied_tags", "TAG_INVALID", "Unknown tag");
    return undefined;
  }

  private interaction(token: string) {
    let i = this.interactions.get(token);
    if (!i) this.interactions.set(token, (i = { callbacks: [], followups: [], failures: [] }));
    return i;
  }
}

/** Channels a category holds (https://support.discord.com/hc/en-us/articles/115004523011). */
export const CATEGORY_LIMIT = 50;

/**
 * Discord's message limits: content 2,000 characters; 10 embeds, 6,000
 * characters across them; per embed a title of 256, a description of 4,096,
 * 25 fields with names of 256 and values of 1,024 (neither empty), a footer of
 * 2,048. Counted in UTF-16 units, the stricter reading.
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
function messageProblem(b: Record<string, unknown>): [number, unknown] | undefined {
  if (typeof b.content === "string" && b.content.length > 2000)
    return invalid("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
  const embeds = (b.embeds as Array<Record<string, unknown>> | undefined) ?? [];
  if (embeds.length > 10) return invalid("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
  let total = 0;
  for (const e of embeds) {
    const title = String(e.title ?? "");
    const description = String(e.description ?? "");
    const footer = String((e.footer as { text?: string } | undefined)?.text ?? "");
    const fields = (e.fields as Array<{ name: string; value: string }> | undefined) ?? [];
    if (title.length > 256) return invalid("embeds", "BASE_TYPE_MAX_LENGTH", "Embed title must be 256 or fewer in length.");
    if (description.length > 4096) return invalid("embeds", "BASE_TYPE_MAX_LENGTH", "Embed description must be 4096 or fewer in length.");
    if (footer.length > 2048) return invalid("embeds", "BASE_TYPE_MAX_LENGTH", "Embed footer must be 2048 or fewer in length.");
    if (fields.length > 25) return invalid("embeds", "BASE_TYPE_MAX_LENGTH", "Embed fields must be 25 or fewer in length.");
    for (const f of fields) {
      if (!f.name || f.name.length > 256)
        return invalid("embeds", "BASE_TYPE_BAD_LENGTH", "Field name must be between 1 and 256 in length.");
      if (!f.value || f.value.length > 1024)
        return invalid("embeds", "BASE_TYPE_BAD_LENGTH", "Field value must be between 1 and 1024 in length.");
    }
    total += title.length + description.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  if (total > 6000) return invalid("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
  return componentProblem(b.components);
}

/**
 * Message components: at most 5 action rows (type 1) of at most 5 buttons
 * (type 2); a button's label at most 80 characters; a non-link button (style
 * 1–4) needs a custom_id of 1 to 100 characters.
 * https://discord.com/developers/docs/interactions/message-components
 */
function componentProblem(components: unknown): [number, unknown] | undefined {
  const rows = (components as Array<{ type?: number; components?: Array<Record<string, unknown>> }> | undefined) ?? [];
  if (rows.length > 5) return invalid("components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
  for (const row of rows) {
    if (row.type !== 1) return invalid("components", "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1,).');
    const buttons = row.components ?? [];
    if (!buttons.length || buttons.length > 5) return invalid("components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
    for (const button of buttons) {
      if (button.type !== 2) continue; // select menus are not used by Beacon
      if (typeof button.label === "string" && button.label.length > 80)
        return invalid("components", "BASE_TYPE_MAX_LENGTH", "Must be 80 or fewer in length.");
      const id = button.custom_id;
      if (button.style !== 5 && (typeof id !== "string" || !id.length || id.length > 100))
        return invalid("components", "BASE_TYPE_BAD_LENGTH", "custom_id must be between 1 and 100 in length.");
    }
  }
  return undefined;
}

/** Discord's 400 for a form field it refuses: code 50035 with the field's error code. */
function invalid(field: string, code: string, message: string): [number, unknown] {
  return [400, { message: "Invalid Form Body", code: 50035, errors: { [field]: { _errors: [{ code, message }] } } }];
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    return void res.end();
  }
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
