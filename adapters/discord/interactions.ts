import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
  type ModalSubmitInteraction,
} from "discord.js";
import type { AppDeps, Inbound, Reply } from "../../src/app/deps.js";
import { dispatchAck, dispatchCommand, failureReply } from "../../src/app/dispatch.js";
import type { Command } from "../../src/core/commands/command.js";
import { messages } from "../../src/core/i18n/index.js";
import { personByPlatformId } from "../../src/core/policy/directory.js";
import { toCommand, type Options } from "./commands.js";
import type { InFlight } from "../../src/app/in-flight.js";
import { discordMentions, ID } from "./render.js";

// Discord interactions -> the app's commands. Every interaction is answered
// within Discord's 3 seconds: a deferred ephemeral reply first (or the modal,
// which must be the first response), then the work, then the edit.

const actor = (i: Interaction) => ({ platform: "discord", userId: i.user.id, name: i.user.globalName ?? i.user.username });
const inbound = (i: Interaction): Omit<Inbound, "text"> => ({
  actor: actor(i),
  channelId: i.channelId ?? undefined,
  requestKey: `discord:${i.id}`,
});

export function registerInteractions(client: Client, deps: AppDeps, work: InFlight): void {
  const say = (reply: Reply) => discordMentions(deps.policy, reply.text).slice(0, 2000);
  client.on("interactionCreate", (i) => {
    void route(i).catch((e) => deps.log.error("discord interaction failed", { error: e instanceof Error ? e.message : String(e) }));
  });

  async function route(i: Interaction): Promise<void> {
    if (i.isAutocomplete()) return autocomplete(i);
    if (i.isChatInputCommand() && i.commandName === "incident") return command(i);
    if (i.isButton() && i.customId.startsWith("beacon:")) return button(i);
    if (i.isModalSubmit() && i.customId.startsWith("beacon:")) return modal(i);
  }

  /** Defer at once (the 3-second rule), then do the work in turn with other interactions' work, then edit the answer. */
  async function answer(
    i: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction,
    task: () => Promise<Reply>,
  ): Promise<void> {
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    work.run(
      async () => {
        const reply = await task().catch((e) => failureReply(deps, e));
        await i.editReply({ content: say(reply), allowedMentions: { parse: [] } });
      },
      (e) => deps.log.error("discord interaction failed", { error: e instanceof Error ? e.message : String(e) }),
    );
  }

  async function command(i: ChatInputCommandInteraction): Promise<void> {
    const sub = i.options.getSubcommand();
    const o: Options = {};
    for (const opt of i.options.data[0]?.options ?? []) o[opt.name] = opt.value as Options[string];
    if ((sub === "declare" || sub === "drill") && !String(o.title ?? "").trim()) {
      await i.showModal(declareForm(String(o.severity), o.kind as string | undefined, sub === "drill"));
      return;
    }
    const personOf = (userId: string) => personByPlatformId(deps.policy, "discord", userId);
    await answer(i, async () => dispatchCommand(deps, { ...inbound(i), text: "" }, toCommand(deps.policy, sub, o, personOf)));
  }

  async function button(i: ButtonInteraction): Promise<void> {
    // beacon:<action>:<incidentId>[:<pageId>]; a page id may itself contain ":".
    const [, action, incidentId, pageId] = /^beacon:([a-z]+):([^:]+)(?::(.+))?$/.exec(i.customId) ?? [];
    if (action === "note") {
      await i.showModal(noteForm(incidentId!));
      return;
    }
    if (action === "page") return answer(i, () => dispatchAck(deps, inbound(i), incidentId!, pageId));
    const cmd: Record<string, Command> = { acknowledge: { name: "ack" }, escalate: { name: "escalate" }, resolve: { name: "resolve" } };
    if (!cmd[action!]) return;
    await answer(i, async () => {
      const incident = await deps.store.get(incidentId!);
      return dispatchCommand(deps, { ...inbound(i), text: "" }, {
        ...cmd[action!]!,
        ...(incident ? { number: incident.number } : {}),
      } as Command);
    });
  }

  async function modal(i: ModalSubmitInteraction): Promise<void> {
    const [, kind, a, b, c] = i.customId.split(":");
    const field = (id: string) => i.fields.getTextInputValue(id).trim() || undefined;
    if (kind === "declare") {
      const cmd: Command = {
        name: "declare",
        drill: c === "1",
        severity: a!,
        title: field("title") ?? "",
        kind: b || undefined,
        customer: field("customer"),
        region: field("region"),
        description: field("description"),
      };
      return answer(i, () => dispatchCommand(deps, { ...inbound(i), text: "" }, cmd));
    }
    if (kind === "notemodal") {
      return answer(i, async () => {
        const incident = await deps.store.get(a!);
        return dispatchCommand(
          deps,
          { ...inbound(i), text: "" },
          { name: "note", text: field("note") ?? "", ...(incident ? { number: incident.number } : {}) },
        );
      });
    }
  }

  async function autocomplete(i: AutocompleteInteraction): Promise<void> {
    const typed = String(i.options.getFocused() ?? "");
    const open = (await deps.store.list({ limit: 100 })).filter((inc) => inc.status !== "closed");
    const choices = open
      .filter(
        (inc) => !typed || String(inc.number).startsWith(typed.replace(/\D/g, "")) || inc.title.toLowerCase().includes(typed.toLowerCase()),
      )
      .slice(0, 25)
      .map((inc) => ({ name: `${inc.drill ? "[DRILL] " : ""}#${inc.number} ${inc.title}`.slice(0, 100), value: inc.number }));
    await i.respond(choices);
  }

  function declareForm(severity: string, kind: string | undefined, drill: boolean) {
    const t = messages(deps.policy.locale).form;
    const input = (custom_id: string, label: string, style: 1 | 2, required: boolean, max_length: number) => ({
      type: 1,
      components: [{ type: 4, custom_id, label, style, required, max_length }],
    });
    return {
      custom_id: ID.declare(severity, kind, drill),
      title: (drill ? t.drillTitle : t.declareTitle).slice(0, 45),
      components: [
        input("title", t.title, 1, true, 150),
        input("customer", t.customer, 1, false, 150),
        input("region", t.region, 1, false, 80),
        input("description", t.description, 2, false, 2000),
      ],
    };
  }

  function noteForm(incidentId: string) {
    const t = messages(deps.policy.locale).form;
    return {
      custom_id: ID.note(incidentId),
      title: t.noteTitle.slice(0, 45),
      components: [{ type: 1, components: [{ type: 4, custom_id: "note", label: t.note, style: 2, required: true, max_length: 3000 }] }],
    };
  }
}
