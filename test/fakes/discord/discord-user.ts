import type { FakeDiscord } from "./fake-discord.js";
import { subcommandAt } from "./command-rules.js";
import { snowflake } from "./snowflake.js";

// What Discord dispatches as INTERACTION_CREATE when a person uses Beacon
// (https://discord.com/developers/docs/interactions/receiving-and-responding):
// application commands (type 2), message components (3), autocomplete (4)
// and modal submissions (5), with a fresh id and token each time.

export interface Person {
  id: string;
  name: string;
}

type Opt = { name: string; type: number; value: string | number | boolean; focused?: boolean };

export class DiscordUser {
  constructor(
    private readonly fake: FakeDiscord,
    readonly person: Person,
  ) {}

  private base(type: number, channelId: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const channel = this.fake.channels.get(channelId);
    const user = { id: this.person.id, username: this.person.name, discriminator: "0", global_name: this.person.name, avatar: null };
    const inGuild = channel?.type !== 1;
    return {
      id: snowflake(),
      application_id: this.fake.applicationId,
      type,
      data,
      ...(inGuild
        ? {
            guild_id: this.fake.guildId,
            member: {
              user,
              roles: [],
              permissions: "2248473465835073",
              joined_at: new Date().toISOString(),
              deaf: false,
              mute: false,
              flags: 0,
            },
          }
        : { user }),
      channel_id: channelId,
      channel: channel ? this.fake.channelPayload(channel) : { id: channelId, type: 0 },
      token: `tok-${snowflake()}`,
      version: 1,
      app_permissions: "2248473465835073",
      locale: "en-US",
      ...(inGuild ? { guild_locale: "en-US" } : {}),
      entitlements: [],
      authorizing_integration_owners: inGuild ? { "0": this.fake.guildId } : { "1": this.person.id },
      context: inGuild ? 0 : 1,
      attachment_size_limit: 10485760,
      ...extra,
    };
  }

  private send(payload: { token: string }) {
    this.fake.issued.set(payload.token, Date.now());
    this.fake.sent.set(payload.token, payload);
    if (this.fake.interactionsUrl) void this.fake.deliverHttp(payload as unknown as Record<string, unknown>);
    else this.fake.gateway.dispatch("INTERACTION_CREATE", payload);
    return payload.token;
  }

  /**
   * `/incident <sub> option:value…` (or `[group, sub]`), as Discord sends it:
   * only for a subcommand the registered command has, each option typed as
   * registered (a person is a user id, a flag a boolean). Returns the
   * interaction token (to read Beacon's answer).
   */
  command(path: string | [string, string], options: Record<string, string | number | boolean> = {}, channelId = this.fake.guildId): string {
    const names = typeof path === "string" ? [path] : path;
    const cmd = this.fake.commands.find((c) => c.name === "incident");
    const def = subcommandAt(cmd, names);
    if (!def) throw new Error(`/incident ${names.join(" ")} is not registered`);
    const defs = (def.options ?? []) as Array<{ name: string; type: number }>;
    const opts: Opt[] = Object.entries(options).map(([name, value]) => {
      const d = defs.find((o) => o.name === name);
      if (!d) throw new Error(`/incident ${names.join(" ")} has no option "${name}"`);
      return { name, value, type: d.type };
    });
    const sub = { type: 1, name: names.at(-1)!, options: opts };
    const top = names.length === 2 ? { type: 2, name: names[0]!, options: [sub] } : sub;
    return this.send(this.base(2, channelId, { id: cmd?.id ?? snowflake(), name: "incident", type: 1, options: [top] }));
  }

  autocomplete(sub: string, focused: string, typed: string, channelId = this.fake.guildId): string {
    const cmd = this.fake.commands.find((c) => c.name === "incident");
    return this.send(
      this.base(4, channelId, {
        id: cmd?.id ?? snowflake(),
        name: "incident",
        type: 1,
        options: [{ type: 1, name: sub, options: [{ name: focused, type: 4, value: typed, focused: true }] }],
      }),
    );
  }

  /** A click on a button of a message Beacon posted. */
  click(channelId: string, messageId: string, customId: string): string {
    const message = this.fake.channels.get(channelId)!.messages.find((m) => m.id === messageId)!;
    return this.send(
      this.base(
        3,
        channelId,
        { custom_id: customId, component_type: 2 },
        {
          message: { ...message, type: 0, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], flags: 0 },
        },
      ),
    );
  }

  submit(customId: string, fields: Record<string, string>, channelId = this.fake.guildId): string {
    return this.send(
      this.base(5, channelId, {
        custom_id: customId,
        components: Object.entries(fields).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })),
      }),
    );
  }
}
