import { Routes, type Client, type REST } from "discord.js";
import type { AppDeps, Inbound, Reply } from "../../src/app/deps.js";
import { dispatchAck, dispatchCommand, failureReply } from "../../src/app/dispatch.js";
import type { InFlight } from "../../src/app/in-flight.js";
import { verbNamed, type Command } from "../../src/core/commands/verbs.js";
import { UserError } from "../../src/core/errors.js";
import { personByPlatformId } from "../../src/core/policy/directory.js";
import { INCIDENT_OPTION, toCommand, verbAt, type Options } from "./commands.js";
import { discordCode } from "./discord-errors.js";
import { formModal, isFormId, needsForm, readForm } from "./forms.js";
import {
  EPHEMERAL,
  INTERACTION,
  interactionSchema,
  modalValues,
  RESPONSE,
  subcommandOf,
  userOf,
  type InteractionPayload,
} from "./interaction-payload.js";
import { discordMentions } from "./render.js";
import { openedRoom } from "../../src/app/opened-room.js";
import { messages } from "../../src/core/i18n/index.js";
import { incidentLabel, roomLink } from "../../src/core/model.js";

// Discord interactions -> the app's commands, from the interaction's JSON as
// Discord sends it over the gateway or to the HTTP endpoint. Every interaction
// is answered within Discord's 3 seconds: a deferred ephemeral reply first (or
// the form, or autocomplete choices, which must be the first response), then
// the work, then the edit of the deferred reply over the webhook REST route.

/** https://discord.com/developers/docs/resources/message#message-object-message-flags */
const SUPPRESS_EMBEDS = 1 << 2;

/** https://discord.com/developers/docs/topics/opcodes-and-status-codes#json */
const ALREADY_ACKNOWLEDGED = 40060;

/** How an interaction is answered: the first response (a REST callback, or the HTTP response), then edits over REST. */
export interface Responder {
  first(body: { type: number; data?: unknown }): Promise<void>;
  edit(body: Record<string, unknown>): Promise<void>;
}

/** Editing the deferred answer: PATCH /webhooks/{application}/{token}/messages/@original, no bot token. */
export function editOriginal(rest: REST, i: InteractionPayload) {
  return async (body: Record<string, unknown>) => {
    await rest.patch(Routes.webhookMessage(i.application_id, i.token, "@original"), { body, auth: false });
  };
}

/** Gateway mode: interactions come as INTERACTION_CREATE, the first answer is the callback REST route. */
export function registerInteractions(client: Client, deps: AppDeps, work: InFlight): void {
  const handle = interactionHandler(deps, work);
  client.on("raw", (packet: { t?: string; d?: unknown }) => {
    if (packet.t !== "INTERACTION_CREATE") return;
    const parsed = interactionSchema.safeParse(packet.d);
    if (!parsed.success) return deps.log.warn("discord interaction unreadable", { issues: parsed.error.issues.length });
    const i = parsed.data;
    void handle(i, {
      first: async (body) => void (await client.rest.post(Routes.interactionCallback(i.id, i.token), { body, auth: false })),
      edit: editOriginal(client.rest, i),
    });
  });
}

/** Handles one interaction; resolves once it was routed (the first response given, the work queued). Never throws. */
export function interactionHandler(deps: AppDeps, work: InFlight) {
  const say = (reply: Reply) => discordMentions(deps.policy, reply.text).slice(0, 2000);
  const logFailure = (e: unknown) => deps.log.error("discord interaction failed", { error: e instanceof Error ? e.message : String(e) });
  const personOf = (userId: string) => personByPlatformId(deps.policy, "discord", userId);
  const inbound = (i: InteractionPayload): Inbound => {
    const user = userOf(i);
    return {
      actor: { platform: "discord", userId: user.id, name: user.global_name ?? user.username },
      channelId: i.channel_id,
      requestKey: `discord:${i.id}`,
      text: "",
    };
  };

  /** Defer at once (the 3-second rule), then do the work in turn with other interactions' work, then edit the answer. */
  async function answer(r: Responder, task: () => Promise<Reply>): Promise<void> {
    await r.first({ type: RESPONSE.DEFERRED, data: { flags: EPHEMERAL } });
    work.run(async () => {
      const reply = await task().catch((e) => failureReply(deps, e));
      // A personal login link gets no embed preview (Discord's unfurler would open, and spend, it).
      await r.edit({ content: say(reply), allowed_mentions: { parse: [] }, ...(reply.personal ? { flags: SUPPRESS_EMBEDS } : {}) });
      // The room opens just after the answer: the answer is edited to say where it is, once it does.
      const incidentId = reply.roomPending && reply.incidentId;
      if (!incidentId) return;
      work.follow(async () => {
        const opened = await openedRoom(deps, incidentId, { signal: work.signal });
        if (!opened?.room) return;
        const text = messages(deps.policy.locale).reply.declaredIn(incidentLabel(opened), roomLink(opened.room));
        await r.edit({ content: discordMentions(deps.policy, text).slice(0, 2000), allowed_mentions: { parse: [] } });
      }, logFailure);
    }, logFailure);
  }

  async function command(i: InteractionPayload, r: Responder): Promise<void> {
    const sub = subcommandOf(i);
    const verb = sub && verbAt(sub.group, sub.name);
    if (!verb) return;
    const o: Options = {};
    for (const opt of sub.options) o[opt.name] = opt.value;
    if (needsForm(verb, o)) {
      const incident = typeof o[INCIDENT_OPTION] === "number" ? { number: o[INCIDENT_OPTION] } : {};
      return r.first({ type: RESPONSE.MODAL, data: formModal(deps.policy, verb, o, incident) });
    }
    await answer(r, async () => dispatchCommand(deps, inbound(i), toCommand(verb, o, personOf)));
  }

  /**
   * A card or page button names its incident by id. An id this store does not
   * know (a message from another Beacon, or from before a data reset) is
   * answered with one line and never falls back to the room's incident.
   */
  async function button(i: InteractionPayload, r: Responder): Promise<void> {
    // beacon:<action>:<incidentId>[:<pageId>]; a page id may itself contain ":".
    const [, action, incidentId, pageId] = /^beacon:([a-z]+):([^:]+)(?::(.+))?$/.exec(i.data?.custom_id ?? "") ?? [];
    const cmd: Record<string, Command> = { acknowledge: { name: "ack" }, escalate: { name: "escalate" }, resolve: { name: "resolve" } };
    const stale = () => failureReply(deps, new UserError("BUTTON.STALE"));
    if (!incidentId || !action || !(action in cmd || action === "note" || action === "page")) return answer(r, async () => stale());
    // The note form is shown first (a modal must be the first answer); its submission checks the incident.
    if (action === "note")
      return r.first({ type: RESPONSE.MODAL, data: formModal(deps.policy, verbNamed("note")!, {}, { id: incidentId }) });
    await answer(r, async () => {
      const incident = await deps.store.get(incidentId);
      if (!incident) return stale();
      if (action === "page") return dispatchAck(deps, inbound(i), incident.id, pageId);
      return dispatchCommand(deps, inbound(i), { ...cmd[action]!, number: incident.number } as Command);
    });
  }

  async function modal(i: InteractionPayload, r: Responder): Promise<void> {
    const customId = i.data?.custom_id ?? "";
    if (!isFormId(customId)) return;
    const inputs = modalValues(i);
    await answer(r, async () => {
      const { command, incident } = readForm(customId, inputs);
      const found = incident.id ? await deps.store.get(incident.id) : null;
      if (incident.id && !found) return failureReply(deps, new UserError("BUTTON.STALE"));
      return dispatchCommand(deps, inbound(i), found ? ({ ...command, number: found.number } as Command) : command);
    });
  }

  /** Open incidents matching what was typed (a number prefix or a piece of the title), searched in the store, not in a recent page. */
  async function autocomplete(i: InteractionPayload, r: Responder): Promise<void> {
    const focused = subcommandOf(i)?.options.find((o) => o.focused);
    const open = await deps.store.list({ status: ["declared", "acknowledged", "resolved"], text: String(focused?.value ?? ""), limit: 25 });
    const choices = open.map((inc) => ({
      name: [...`${inc.drill ? "[DRILL] " : ""}#${inc.number} ${inc.title}`].slice(0, 100).join(""),
      value: inc.number,
    }));
    await r.first({ type: RESPONSE.CHOICES, data: { choices } });
  }

  async function route(i: InteractionPayload, r: Responder): Promise<void> {
    const beacon = (i.data?.custom_id ?? "").startsWith("beacon:");
    if (i.type === INTERACTION.AUTOCOMPLETE) return autocomplete(i, r);
    if (i.type === INTERACTION.COMMAND && i.data?.name === "incident") return command(i, r);
    if (i.type === INTERACTION.COMPONENT && beacon) return button(i, r);
    if (i.type === INTERACTION.MODAL_SUBMIT && beacon) return modal(i, r);
  }

  return async (i: InteractionPayload, r: Responder): Promise<void> => {
    try {
      await route(i, r);
    } catch (e) {
      // Another connection (a second Beacon during a deploy, a redelivery) answered it first: not a failure.
      if (discordCode(e) === ALREADY_ACKNOWLEDGED) deps.log.debug("discord interaction already acknowledged", { id: i.id });
      else logFailure(e);
    }
  };
}
