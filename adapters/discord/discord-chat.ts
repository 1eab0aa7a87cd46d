import { ChannelType, Routes, type REST } from "discord.js";
import type { ChatRef } from "../../src/core/model.js";
import type { Policy } from "../../src/core/policy/schema.js";
import type { IncidentCard, PageView } from "../../src/core/views.js";
import type { ChatPort, OpenRoom, PostAction, SummaryDocument } from "../../src/ports/chat.js";
import { classify, discordCode } from "./discord-errors.js";
import { RoomOpener, type DiscordRooms } from "./rooms.js";
import { packEmbeds, summaryEmbeds } from "./summary-embeds.js";
import { allowedMentions, cardMessage, discordMentions, pageMessage, postButton } from "./render.js";

type Json = Record<string, unknown>;

/**
 * Beacon's ChatPort on Discord's REST API (discord.js's REST client, with its
 * rate-limit buckets and 429 handling): incident rooms are text channels or
 * threads, the card is an embed with buttons edited in place, pages are DMs.
 */
export class DiscordChat implements ChatPort {
  readonly platform = "discord";
  /** DM channel per user: opening one is a REST call that counts against Discord's 50 requests/s. */
  private readonly dms = new Map<string, string>();

  readonly rooms: RoomOpener;

  constructor(
    private readonly rest: REST,
    private readonly policy: Policy,
    settings: DiscordRooms,
  ) {
    this.rooms = new RoomOpener(rest, settings);
  }

  private async call<T = Json>(what: string, work: () => Promise<unknown>): Promise<T> {
    try {
      return (await work()) as T;
    } catch (e) {
      throw classify(e, what);
    }
  }

  async openRoom(req: OpenRoom): Promise<ChatRef> {
    // The declarer joins the room even when the policy does not know them.
    const users = [...new Set([...this.userIds(req.invite), ...req.users.filter((u) => /^\d+$/.test(u))])];
    return this.rooms.open({ name: req.name, topic: req.topic, users });
  }

  /** The card is pinned in a channel or thread; in a forum post it is the post's first message, and the post is tagged. */
  async upsertCard(room: ChatRef, card: IncidentCard, existing?: ChatRef): Promise<ChatRef> {
    const body = cardMessage(card);
    const forumPost = room.messageId !== undefined && (await this.rooms.isForum());
    if (forumPost) await this.rooms.tagPost(room.channelId, [card.severity, card.status]);
    const target = existing?.messageId ? existing : forumPost ? room : undefined;
    if (target?.messageId) {
      await this.call("edit card", () => this.rest.patch(Routes.channelMessage(target.channelId, target.messageId!), { body }));
      return { platform: "discord", channelId: target.channelId, messageId: target.messageId };
    }
    const msg = await this.call("post card", () => this.rest.post(Routes.channelMessages(room.channelId), { body }));
    await this.rest.put(Routes.channelPin(room.channelId, String(msg.id))).catch(() => undefined); // an unpinned card still works
    return { platform: "discord", channelId: room.channelId, messageId: String(msg.id) };
  }

  /** The summary as embeds with fields, in as many messages as Discord's embed limits need; the title links to the full page. */
  async postSummary(room: ChatRef, summary: SummaryDocument): Promise<ChatRef> {
    let first: string | undefined;
    for (const embeds of packEmbeds(summaryEmbeds(summary.markdown, summary.link))) {
      const msg = await this.call("post summary", () =>
        this.rest.post(Routes.channelMessages(room.channelId), { body: { embeds, allowed_mentions: { parse: [] } } }),
      );
      first ??= String(msg.id);
    }
    return { platform: "discord", channelId: room.channelId, messageId: first };
  }

  /** Discord caps a message at 2,000 characters: a longer post (a summary) goes out in several, split between lines. */
  async post(room: ChatRef, text: string, _mentions: string[] = [], action?: PostAction): Promise<ChatRef> {
    let first: string | undefined;
    const parts = chunks(discordMentions(this.policy, text), 2000);
    for (const [i, content] of parts.entries()) {
      // The button goes under the last part.
      const components = action && i === parts.length - 1 ? postButton(action) : undefined;
      const msg = await this.call("post", () =>
        this.rest.post(Routes.channelMessages(room.channelId), {
          body: { content, allowed_mentions: allowedMentions(content), ...(components ? { components } : {}) },
        }),
      );
      first ??= String(msg.id);
    }
    return { platform: "discord", channelId: room.channelId, messageId: first };
  }

  async page(personId: string, view: PageView): Promise<ChatRef> {
    const channel = await this.dm(personId);
    const msg = await this.call("page", () => this.rest.post(Routes.channelMessages(channel), { body: pageMessage(this.policy, view) }));
    return { platform: "discord", channelId: channel, messageId: String(msg.id) };
  }

  async updatePage(ref: ChatRef, view: PageView): Promise<void> {
    if (!ref.messageId) return;
    await this.call("edit page", () =>
      this.rest.patch(Routes.channelMessage(ref.channelId, ref.messageId!), { body: pageMessage(this.policy, view) }),
    );
  }

  async notify(personId: string, text: string): Promise<ChatRef> {
    const channel = await this.dm(personId);
    const content = discordMentions(this.policy, text).slice(0, 2000);
    const msg = await this.call("notify", () =>
      this.rest.post(Routes.channelMessages(channel), { body: { content, allowed_mentions: { parse: [] } } }),
    );
    return { platform: "discord", channelId: channel, messageId: String(msg.id) };
  }

  /** Threads (and forum posts) are archived and locked; channels are made read-only for everyone (Discord has no channel archive). A room already deleted is left alone. */
  async archiveRoom(room: ChatRef): Promise<void> {
    try {
      const type = Number(((await this.rest.get(Routes.channel(room.channelId))) as Json).type);
      if (type === ChannelType.PublicThread || type === ChannelType.PrivateThread) {
        await this.rest.patch(Routes.channel(room.channelId), { body: { archived: true, locked: true } });
        return;
      }
      const SEND_MESSAGES = 1n << 11n;
      await this.rest.put(Routes.channelPermission(room.channelId, this.rooms.guildId), {
        body: { type: 0, deny: String(SEND_MESSAGES), allow: "0" },
      });
    } catch (e) {
      if (discordCode(e) !== 10003) throw classify(e, "archive room");
    }
  }

  private userIds(personIds: string[]): string[] {
    return [...new Set(personIds.map((p) => this.policy.people[p]?.ids.discord).filter((u): u is string => !!u))];
  }

  private async dm(personId: string): Promise<string> {
    const user = this.policy.people[personId]?.ids.discord;
    if (!user) throw classify({ code: 10013, message: `no Discord id for ${personId}` }, "open DM");
    const known = this.dms.get(user);
    if (known) return known;
    const channel = await this.call("open DM", () => this.rest.post(Routes.userChannels(), { body: { recipient_id: user } }));
    this.dms.set(user, String(channel.id));
    return String(channel.id);
  }
}

function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    for (let piece = line; ; piece = piece.slice(max)) {
      const part = piece.slice(0, max);
      if (current && current.length + 1 + part.length > max) {
        out.push(current);
        current = "";
      }
      current = current ? `${current}\n${part}` : part;
      if (piece.length <= max) break;
    }
  }
  if (current || !out.length) out.push(current);
  return out;
}
