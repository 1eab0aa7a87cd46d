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
import { verbNamed, type Command } from "../../src/core/commands/verbs.js";
import { UserError } from "../../src/core/errors.js";
import { personByPlatformId } from "../../src/core/policy/directory.js";
import { INCIDENT_OPTION, toCommand, verbAt, type Options } from "./commands.js";
import { formModal, isFormId, needsForm, readForm } from "./forms.js";
import type { InFlight } from "../../src/app/in-flight.js";
import { discordMentions } from "./render.js";
import { discordCode } from "./discord-errors.js";

/** https://discord.com/developers/docs/topics/opcodes-and-status-codes#json */
const ALREADY_ACKNOWLEDGED = 40060;

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
    void route(i).catch((e) => {
      // Another connection (a second Beacon during a deploy, a redelivery) answered it first: not a failure.
      if (discordCode(e) === ALREADY_ACKNOWLEDGED) deps.log.debug("discord interaction already acknowledged", { id: i.id });
      else deps.log.error("discord interaction failed", { error: e instanceof Error ? e.message : String(e) });
    });
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
    const group = i.options.getSubcommandGroup(false);
    const verb = verbAt(group, i.options.getSubcommand());
    if (!verb) return;
    const o: Options = {};
    const top = i.options.data[0];
    for (const opt of (group ? top?.options?.[0]?.options : top?.options) ?? []) o[opt.name] = opt.value as Options[string];
    if (needsForm(verb, o)) {
      await i.showModal(formModal(deps.policy, verb, o, typeof o[INCIDENT_OPTION] === "number" ? { number: o[INCIDENT_OPTION] } : {}));
      return;
    }
    const personOf = (userId: string) => personByPlatformId(deps.policy, "discord", userId);
    await answer(i, async () => dispatchCommand(deps, { ...inbound(i), text: "" }, toCommand(verb, o, personOf)));
  }

  /**
   * A card or page button names its incident by id. An id this store does not
   * know (a message from another Beacon, or from before a data reset) is
   * answered with one line and never falls back to the room's incident.
   */
  async function button(i: ButtonInteraction): Promise<void> {
    // beacon:<action>:<incidentId>[:<pageId>]; a page id may itself contain ":".
    const [, action, incidentId, pageId] = /^beacon:([a-z]+):([^:]+)(?::(.+))?$/.exec(i.customId) ?? [];
    const cmd: Record<string, Command> = { acknowledge: { name: "ack" }, escalate: { name: "escalate" }, resolve: { name: "resolve" } };
    const stale = () => failureReply(deps, new UserError("BUTTON.STALE"));
    if (!incidentId || !action || !(action in cmd || action === "note" || action === "page")) return answer(i, async () => stale());
    // The note form is shown first (a modal must be the first answer); its submission checks the incident.
    if (action === "note") {
      await i.showModal(formModal(deps.policy, verbNamed("note")!, {}, { id: incidentId }));
      return;
    }
    await answer(i, async () => {
      const incident = await deps.store.get(incidentId);
      if (!incident) return stale();
      if (action === "page") return dispatchAck(deps, inbound(i), incident.id, pageId);
      return dispatchCommand(deps, { ...inbound(i), text: "" }, { ...cmd[action]!, number: incident.number } as Command);
    });
  }

  async function modal(i: ModalSubmitInteraction): Promise<void> {
    if (!isFormId(i.customId)) return;
    const inputs: Record<string, string> = {};
    for (const row of i.components)
      for (const c of "components" in row ? row.components : [])
        if ("value" in c && typeof c.value === "string") inputs[c.customId] = c.value;
    return answer(i, async () => {
      const { command, incident } = readForm(i.customId, inputs);
      const found = incident.id ? await deps.store.get(incident.id) : null;
      if (incident.id && !found) return failureReply(deps, new UserError("BUTTON.STALE"));
      return dispatchCommand(deps, { ...inbound(i), text: "" }, found ? ({ ...command, number: found.number } as Command) : command);
    });
  }

  /** Open incidents matching what was typed (a number prefix or a piece of the title), searched in the store, not in a recent page. */
  async function autocomplete(i: AutocompleteInteraction): Promise<void> {
    const typed = String(i.options.getFocused() ?? "");
    const open = await deps.store.list({ status: ["declared", "acknowledged", "resolved"], text: typed, limit: 25 });
    const choices = open.map((inc) => ({
      name: [...`${inc.drill ? "[DRILL] " : ""}#${inc.number} ${inc.title}`].slice(0, 100).join(""),
      value: inc.number,
    }));
    await i.respond(choices);
  }
}
