import type { webApi } from "@slack/bolt";
import type { ChatRef } from "../../src/core/model.js";
import type { Policy } from "../../src/core/policy/schema.js";
import type { IncidentCard, PageView } from "../../src/core/views.js";
import type { ChatPort, OpenRoom, PostAction, SummaryDocument } from "../../src/ports/chat.js";
import { cardBlocks, pageBlocks, postWithButton } from "./blocks.js";
import { channelName } from "./channel-name.js";
import { summaryBlocks } from "./summary-blocks.js";
import { fit, LIMIT } from "./limits.js";
import { slackMentions, slackUserIds } from "./mentions.js";
import { classify, slackError } from "./slack-errors.js";

type WebClient = webApi.WebClient;

/**
 * Beacon's ChatPort on the Slack Web API: incident rooms are public channels,
 * the card is a pinned Block Kit message edited with chat.update, pages are
 * direct messages with an Acknowledge button.
 *
 * Two Web API clients: `client` for the rooms and `direct` for direct
 * messages. A client pauses all its calls while one of them waits out a 429,
 * so a rate-limited channel post (Slack allows about one message per second
 * per channel) must not hold the pages back.
 */
export class SlackChat implements ChatPort {
  readonly platform = "slack";
  /** Topic last set per channel, so a card edit sets it only when severity or status changed. */
  private readonly topics = new Map<string, string>();
  /** Each person's DM channel, by Slack user id, once opened. */
  private readonly dms = new Map<string, Promise<string>>();

  constructor(
    private readonly clients: { rooms: WebClient; direct: WebClient },
    private readonly policy: Policy,
    /** Beacon's own bot user (auth.test, asked once at start). */
    private readonly botUserId: () => Promise<string | undefined>,
  ) {}

  private get rooms(): WebClient {
    return this.clients.rooms;
  }

  private get direct(): WebClient {
    return this.clients.direct;
  }

  async openRoom(req: OpenRoom): Promise<ChatRef> {
    const channel = await this.createChannel(channelName(req.name));
    const users = slackUserIds(this.policy, req.invite, req.users);
    if (users.length) {
      // Invite one by one after a bulk failure: one deactivated user must not keep the others out.
      await this.rooms.conversations.invite({ channel: channel.id, users: users.join(",") }).catch(async () => {
        for (const u of users) await this.rooms.conversations.invite({ channel: channel.id, users: u }).catch(() => undefined);
      });
    }
    // The topic is set once, with the card right after (it carries the status too): not twice per declare.
    return { platform: "slack", channelId: channel.id, name: `#${channel.name}` };
  }

  /**
   * conversations.create, adding -2, -3… while Slack says the name is taken by
   * someone else. A taken name whose channel Beacon itself created (and has
   * not archived) is this incident's: Slack created it before and the answer
   * was lost, so the retry takes it instead of opening "-2" beside an empty one.
   */
  private async createChannel(base: string): Promise<{ id: string; name: string }> {
    for (let n = 1; n <= 50; n++) {
      const name = n === 1 ? base : channelName(base, `-${n}`);
      try {
        const r = await this.rooms.conversations.create({ name, is_private: false });
        return { id: r.channel!.id!, name: r.channel!.name ?? name };
      } catch (e) {
        if (slackError(e) !== "name_taken") throw classify(e, "conversations.create");
        const ours = await this.ownChannelNamed(name);
        if (ours) return ours;
      }
    }
    throw new Error(`no free channel name for ${base}`);
  }

  /** The open public channel with this exact name that Beacon's bot user created, if any (conversations.list, paged). */
  private async ownChannelNamed(name: string): Promise<{ id: string; name: string } | undefined> {
    const me = await this.botUserId();
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const r = await this.rooms.conversations
        .list({ types: "public_channel", exclude_archived: true, limit: 1000, ...(cursor ? { cursor } : {}) })
        .catch((e: unknown) => {
          if (slackError(e)) return undefined; // refused (an app without channels:read): take the next name, as before
          throw e;
        });
      if (!r) return undefined;
      const found = r.channels?.find((c) => c.name === name);
      if (found) return found.creator === me && found.id ? { id: found.id, name } : undefined;
      cursor = r.response_metadata?.next_cursor || undefined;
      if (!cursor) return undefined;
    }
    return undefined;
  }

  private async setTopic(channel: string, topic: string): Promise<void> {
    if (this.topics.get(channel) === topic) return;
    await this.rooms.conversations.setTopic({ channel, topic: fit(topic, LIMIT.topic) }).catch(() => undefined); // cosmetic
    this.topics.set(channel, topic);
  }

  async upsertCard(room: ChatRef, card: IncidentCard, existing?: ChatRef): Promise<ChatRef> {
    const { text, blocks } = cardBlocks(card);
    await this.setTopic(room.channelId, `${card.drill ? "[DRILL] " : ""}${card.label} · ${card.severity} · ${card.status} · ${card.title}`);
    try {
      if (existing?.messageId) {
        await this.rooms.chat.update({ channel: existing.channelId, ts: existing.messageId, text, blocks });
        return existing;
      }
      const posted = await this.rooms.chat.postMessage({ channel: room.channelId, text, blocks, unfurl_links: false });
      await this.rooms.pins.add({ channel: room.channelId, timestamp: posted.ts! }).catch(() => undefined); // a card that is not pinned still works
      return { platform: "slack", channelId: room.channelId, messageId: posted.ts! };
    } catch (e) {
      throw classify(e, existing ? "chat.update" : "chat.postMessage");
    }
  }

  /** The summary as a Block Kit document (sections, fields, a table of deadlines), not Markdown Slack would show raw. */
  async postSummary(room: ChatRef, summary: SummaryDocument): Promise<ChatRef> {
    const { text, blocks } = summaryBlocks(this.policy, summary);
    try {
      const r = await this.rooms.chat.postMessage({ channel: room.channelId, text, blocks, unfurl_links: false });
      return { platform: "slack", channelId: room.channelId, messageId: r.ts! };
    } catch (e) {
      throw classify(e, "chat.postMessage (summary)");
    }
  }

  async post(room: ChatRef, text: string, _mentions: string[] = [], action?: PostAction): Promise<ChatRef> {
    try {
      const r = await this.rooms.chat.postMessage({
        channel: room.channelId,
        ...(action ? postWithButton(slackMentions(this.policy, text), action) : { text: slackMentions(this.policy, text) }),
        unfurl_links: false,
      });
      return { platform: "slack", channelId: room.channelId, messageId: r.ts! };
    } catch (e) {
      throw classify(e, "chat.postMessage");
    }
  }

  async page(personId: string, view: PageView): Promise<ChatRef> {
    const channel = await this.dm(personId);
    const { text, blocks } = pageBlocks(this.policy, view);
    try {
      const r = await this.direct.chat.postMessage({ channel, text, blocks });
      return { platform: "slack", channelId: channel, messageId: r.ts! };
    } catch (e) {
      this.forgetDm(personId, e);
      throw classify(e, "chat.postMessage (page)");
    }
  }

  async updatePage(ref: ChatRef, view: PageView): Promise<void> {
    if (!ref.messageId) return;
    const { text, blocks } = pageBlocks(this.policy, view);
    try {
      await this.direct.chat.update({ channel: ref.channelId, ts: ref.messageId, text, blocks });
    } catch (e) {
      throw classify(e, "chat.update (page)");
    }
  }

  async notify(personId: string, text: string): Promise<ChatRef> {
    const channel = await this.dm(personId);
    try {
      const r = await this.direct.chat.postMessage({ channel, text: slackMentions(this.policy, text) });
      return { platform: "slack", channelId: channel, messageId: r.ts! };
    } catch (e) {
      this.forgetDm(personId, e);
      throw classify(e, "chat.postMessage (notify)");
    }
  }

  async archiveRoom(room: ChatRef): Promise<void> {
    try {
      await this.rooms.conversations.archive({ channel: room.channelId });
    } catch (e) {
      if (slackError(e) !== "already_archived") throw classify(e, "conversations.archive");
    }
  }

  /**
   * The DM channel with a policy person; a person with no Slack id cannot be
   * reached, for good. A DM channel's id never changes, so it is opened once
   * per person and remembered (an urgent declare pages six people: six
   * conversations.open calls fewer each time); a failed open is forgotten.
   */
  private dm(personId: string): Promise<string> {
    const user = this.policy.people[personId]?.ids.slack;
    if (!user)
      return Promise.reject(
        classify({ code: "slack_webapi_platform_error", data: { error: "user_not_found" } }, `no Slack id for ${personId}`),
      );
    let channel = this.dms.get(user);
    if (!channel) {
      channel = this.direct.conversations.open({ users: user }).then(
        (r) => r.channel!.id!,
        (e: unknown) => {
          this.dms.delete(user);
          throw classify(e, "conversations.open");
        },
      );
      this.dms.set(user, channel);
    }
    return channel;
  }

  /** A DM that Slack no longer knows (channel_not_found) is opened afresh on the retry. */
  private forgetDm(personId: string, e: unknown): void {
    const user = this.policy.people[personId]?.ids.slack;
    if (user && slackError(e) === "channel_not_found") this.dms.delete(user);
  }
}
