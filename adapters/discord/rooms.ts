import { ChannelType, DiscordAPIError, Routes, type REST } from "discord.js";
import { PlatformSettingsError } from "../../src/app/platform-module.js";
import type { ChatRef } from "../../src/core/model.js";
import { classify } from "./discord-errors.js";
import { discordChannelName } from "./names.js";

// Where an incident's room opens on Discord: a text channel under a category
// (a further category when it is full: Discord holds 50 channels per
// category), a thread in a text channel, or a post in a forum channel (a post
// is created with its first message; Beacon makes that message the card and
// tags the post with the severity and status).
// https://discord.com/developers/docs/resources/channel#start-thread-in-forum-or-media-channel

export interface DiscordRooms {
  guildId: string;
  /** `channel`: a text channel per incident (under `categoryId`); `thread`: a thread or forum post per incident in `parentChannelId`. */
  mode: "channel" | "thread";
  categoryId?: string;
  parentChannelId?: string;
  /** A full category: open a further one (`overflow`), or a thread in `parentChannelId` (`thread`). */
  whenFull: "overflow" | "thread";
}

type Json = Record<string, unknown>;

/** Channels per category (https://support.discord.com/hc/en-us/articles/115004523011). */
export const CATEGORY_LIMIT = 50;
/** Tags a forum may define, tags a post may carry, characters in a tag name. */
const FORUM_TAGS = 20;
const POST_TAGS = 5;
const TAG_NAME = 20;

const TYPE_NAMES: Record<number, string> = {
  [ChannelType.GuildText]: "text",
  [ChannelType.GuildVoice]: "voice",
  [ChannelType.GuildCategory]: "category",
  [ChannelType.GuildAnnouncement]: "announcement",
  [ChannelType.GuildStageVoice]: "stage",
  [ChannelType.GuildForum]: "forum",
  [ChannelType.GuildMedia]: "media",
};

const categoryFull = (e: unknown) =>
  e instanceof DiscordAPIError && e.code === 50035 && JSON.stringify(e.rawError).includes("CHANNEL_PARENT_MAX_CHANNELS");

export class RoomOpener {
  private parentType?: number;
  /** Forum tags by name (read once, created when missing). */
  private tags?: Map<string, string>;
  /** The tags last applied to each post, so an unchanged card does not patch them again. */
  private readonly applied = new Map<string, string>();

  constructor(
    private readonly rest: REST,
    private readonly rooms: DiscordRooms,
  ) {}

  get guildId(): string {
    return this.rooms.guildId;
  }

  private async call<T = Json>(what: string, work: () => Promise<unknown>): Promise<T> {
    try {
      return (await work()) as T;
    } catch (e) {
      throw classify(e, what);
    }
  }

  private url(id: string): string {
    return `https://discord.com/channels/${this.rooms.guildId}/${id}`;
  }

  /**
   * At start: the incident channel must be a text or forum channel, the
   * category a category. A wrong id is one line naming the setting.
   */
  async check(): Promise<void> {
    const read = async (setting: string, id: string): Promise<number> => {
      try {
        return Number(((await this.rest.get(Routes.channel(id))) as Json).type);
      } catch (e) {
        if (e instanceof DiscordAPIError && (e.status === 404 || e.status === 403))
          throw new PlatformSettingsError(`${setting} ${id}: Discord has no channel Beacon can see with that id (${e.code})`);
        throw e;
      }
    };
    if (this.rooms.parentChannelId && (this.rooms.mode === "thread" || this.rooms.whenFull === "thread")) {
      const type = await read("DISCORD_INCIDENT_CHANNEL_ID", this.rooms.parentChannelId);
      if (type !== ChannelType.GuildText && type !== ChannelType.GuildForum)
        throw new PlatformSettingsError(
          `DISCORD_INCIDENT_CHANNEL_ID ${this.rooms.parentChannelId} is a ${TYPE_NAMES[type] ?? `type ${type}`} channel; incident threads need a text channel or a forum`,
        );
      this.parentType = type;
    }
    if (this.rooms.mode === "channel" && this.rooms.categoryId) {
      const type = await read("DISCORD_CATEGORY_ID", this.rooms.categoryId);
      if (type !== ChannelType.GuildCategory)
        throw new PlatformSettingsError(
          `DISCORD_CATEGORY_ID ${this.rooms.categoryId} is a ${TYPE_NAMES[type] ?? `type ${type}`} channel, not a category`,
        );
    }
  }

  async open(req: { name: string; topic: string; users: string[] }): Promise<ChatRef> {
    return this.rooms.mode === "thread" ? this.thread(req) : this.channel(req);
  }

  /** Is this room a forum post (its first message is the card)? */
  async isForum(): Promise<boolean> {
    if (!this.rooms.parentChannelId) return false;
    this.parentType ??= Number(
      (await this.call("read incident channel", () => this.rest.get(Routes.channel(this.rooms.parentChannelId!)))).type,
    );
    return this.parentType === ChannelType.GuildForum;
  }

  private async thread(req: { name: string; topic: string; users: string[] }): Promise<ChatRef> {
    const parent = this.rooms.parentChannelId!;
    const name = discordChannelName(req.name);
    const forum = await this.isForum();
    // A forum post needs its first message: the topic line, which the card replaces when it is posted.
    const body = forum
      ? { name, auto_archive_duration: 10080, message: { content: req.topic.slice(0, 2000), allowed_mentions: { parse: [] } } }
      : { name, type: ChannelType.PublicThread, auto_archive_duration: 10080 };
    const thread = await this.call("create thread", () => this.rest.post(Routes.threads(parent), { body }));
    const id = String(thread.id);
    for (const u of req.users) await this.rest.put(Routes.threadMembers(id, u)).catch(() => undefined); // someone who left the server must not block the room
    const starter = forum ? String((thread.message as Json | undefined)?.id ?? id) : undefined;
    return { platform: "discord", channelId: id, name: String(thread.name), url: this.url(id), ...(starter ? { messageId: starter } : {}) };
  }

  private async channel(req: { name: string; topic: string; users: string[] }): Promise<ChatRef> {
    for (let attempt = 0; ; attempt++) {
      const all = (await this.call<Json[]>("list channels", () => this.rest.get(Routes.guildChannels(this.rooms.guildId)))) ?? [];
      // Discord allows two channels with one name; Beacon does not, so incidents are never confused.
      const taken = new Set(all.map((c) => String(c.name)));
      let name = discordChannelName(req.name);
      for (let n = 2; taken.has(name); n++) name = discordChannelName(req.name, `-${n}`);
      const parent = this.rooms.categoryId ? await this.categoryWithRoom(all) : undefined;
      if (parent === "thread") return this.thread(req);
      try {
        const channel = (await this.rest.post(Routes.guildChannels(this.rooms.guildId), {
          body: { name, type: ChannelType.GuildText, topic: req.topic.slice(0, 1024), ...(parent ? { parent_id: parent } : {}) },
        })) as Json;
        const id = String(channel.id);
        return { platform: "discord", channelId: id, name: `#${String(channel.name)}`, url: this.url(id) };
      } catch (e) {
        if (attempt === 0 && categoryFull(e)) continue; // another room took the last place: count again
        throw classify(e, "create channel");
      }
    }
  }

  /** The configured category, or its first overflow category ("Incidents 2", "Incidents 3"…) with room; made when all are full. */
  private async categoryWithRoom(all: Json[]): Promise<string> {
    const baseId = this.rooms.categoryId!;
    const base = all.find((c) => String(c.id) === baseId);
    if (!base) return baseId; // Discord answers for a category that is gone
    const baseName = String(base.name);
    const numbered = (c: Json) => (c.type === ChannelType.GuildCategory ? overflowNumber(baseName, String(c.name)) : undefined);
    const overflow = all.filter((c) => numbered(c) !== undefined).sort((a, b) => numbered(a)! - numbered(b)!);
    const children = (id: unknown) => all.filter((c) => c.parent_id === id).length;
    const free = [base, ...overflow].find((c) => children(c.id) < CATEGORY_LIMIT);
    if (free) return String(free.id);
    if (this.rooms.whenFull === "thread") return "thread";
    const next = overflow.length ? numbered(overflow.at(-1)!)! + 1 : 2;
    const made = await this.call("create overflow category", () =>
      this.rest.post(Routes.guildChannels(this.rooms.guildId), {
        body: {
          name: `${baseName} ${next}`.slice(0, 100),
          type: ChannelType.GuildCategory,
          position: Number(base.position ?? 0) + next - 1,
        },
      }),
    );
    return String(made.id);
  }

  /** A forum post carries the incident's severity and status as tags (created in the forum when missing). */
  async tagPost(postId: string, names: string[]): Promise<void> {
    const wanted = [...new Set(names.map((n) => [...n].slice(0, TAG_NAME).join("")))];
    const key = wanted.join("\n");
    if (this.applied.get(postId) === key) return;
    const ids = (await this.tagIds(wanted)).slice(0, POST_TAGS);
    await this.call("tag forum post", () => this.rest.patch(Routes.channel(postId), { body: { applied_tags: ids } }));
    this.applied.set(postId, key);
  }

  private async tagIds(names: string[]): Promise<string[]> {
    const forum = this.rooms.parentChannelId!;
    const read = (channel: Json) => new Map(((channel.available_tags as Json[]) ?? []).map((t) => [String(t.name), String(t.id)]));
    this.tags ??= read(await this.call("read forum tags", () => this.rest.get(Routes.channel(forum))));
    const missing = names.filter((n) => !this.tags!.has(n));
    if (missing.length) {
      const current = await this.call("read forum tags", () => this.rest.get(Routes.channel(forum)));
      const existing = (current.available_tags as Json[]) ?? [];
      const known = read(current);
      const added = missing.filter((n) => !known.has(n)).slice(0, Math.max(0, FORUM_TAGS - existing.length));
      this.tags = added.length
        ? read(
            await this.call("create forum tags", () =>
              this.rest.patch(Routes.channel(forum), { body: { available_tags: [...existing, ...added.map((name) => ({ name }))] } }),
            ),
          )
        : known;
    }
    return names.map((n) => this.tags!.get(n)).filter((id): id is string => !!id);
  }
}

/** "Incidents 3" is overflow number 3 of "Incidents". */
function overflowNumber(base: string, name: string): number | undefined {
  if (!name.startsWith(`${base} `)) return undefined;
  const n = /^\d+$/.exec(name.slice(base.length + 1))?.[0];
  return n && Number(n) >= 2 ? Number(n) : undefined;
}
