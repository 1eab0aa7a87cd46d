import type { App } from "@slack/bolt";
import { z } from "zod";
import type { AppDeps, Inbound, Reply } from "../../src/app/deps.js";
import { dispatch, dispatchAck, dispatchCommand, failureReply } from "../../src/app/dispatch.js";
import { UserError } from "../../src/core/errors.js";
import { parseRaw } from "../../src/core/commands/parse.js";
import { wantsForm } from "../../src/core/commands/read.js";
import { verbNamed, type Command } from "../../src/core/commands/verbs.js";
import { ACTION } from "./blocks.js";
import type { InFlight } from "../../src/app/in-flight.js";
import { slackMentions } from "./mentions.js";
import { formVerb, formView, metadataSchema, readFormSubmission, type ViewMetadata } from "./forms.js";
import { registerCapture } from "./capture.js";
import { SeenRequests } from "./seen-requests.js";
import { homeFor } from "../../src/app/home.js";
import { openedRoom } from "../../src/app/opened-room.js";
import { messages } from "../../src/core/i18n/index.js";
import { incidentLabel, roomLink } from "../../src/core/model.js";
import { homeView } from "./home-view.js";

// Slack events -> the app's commands. Every handler acknowledges first (Slack
// waits 3 seconds at most), then works; answers to the person are ephemeral.

const actor = (userId: string, name?: string) => ({ platform: "slack", userId, name: name ?? userId });

const pageValue = z.string().transform((s, ctx) => {
  try {
    return z.object({ i: z.string(), p: z.string() }).parse(JSON.parse(s));
  } catch {
    ctx.addIssue({ code: "custom", message: "not a page button value" });
    return z.NEVER;
  }
});

export function registerHandlers(app: App, deps: AppDeps, work: InFlight): void {
  const fail = (what: string) => (e: unknown) =>
    deps.log.error(`slack ${what} failed`, { error: e instanceof Error ? e.message : String(e) });
  const say = (reply: Reply) => slackMentions(deps.policy, reply.text);
  const seen = new SeenRequests();

  app.command("/incident", async ({ command, ack, respond, client }) => {
    await ack();
    if (!seen.first(`command:${command.trigger_id}`)) return; // Slack's retry of a request already being answered
    work.run(async () => {
      const text = command.text.trim();
      // A verb with a form, typed without what the form asks (`/incident`, `declare urgent`, `note`): open the form, prefilled.
      const raw = (() => {
        try {
          return parseRaw(text || "declare");
        } catch {
          return undefined;
        }
      })();
      if (raw && wantsForm(raw)) {
        const view = formView(deps.policy, raw.verb, { c: command.channel_id }, raw.values);
        await client.views.open({ trigger_id: command.trigger_id, view: view as never });
        return;
      }
      const inbound: Inbound = {
        actor: actor(command.user_id, command.user_name),
        text,
        channelId: command.channel_id,
        requestKey: `slack:command:${command.trigger_id}`,
      };
      const reply = await dispatch(deps, inbound);
      if (reply.duplicate) return; // already answered (another process took the first delivery)
      await respond({
        response_type: reply.ephemeral || reply.personal ? "ephemeral" : "in_channel",
        text: say(reply),
        // A personal login link must not be opened by Slack's unfurler: that would spend it.
        ...(reply.personal ? { unfurl_links: false, unfurl_media: false } : {}),
      });
      // The room opens just after the answer: tell the declarer where it is (they are invited, whether or not the policy knows them).
      const incidentId = reply.roomPending && reply.incidentId;
      if (!incidentId) return;
      work.follow(async () => {
        const opened = await openedRoom(deps, incidentId, { signal: work.signal });
        if (!opened?.room) return;
        const text = messages(deps.policy.locale).reply.roomOpen(incidentLabel(opened), roomLink(opened.room));
        await respond({ response_type: "ephemeral", text: slackMentions(deps.policy, text) });
      }, fail("/incident"));
    }, fail("/incident"));
  });

  /** The person's App Home, published again (after a click there, with its answer on top). */
  const publishHome = async (client: App["client"], userId: string, notice?: string) => {
    const home = await homeFor(deps, actor(userId));
    await client.views.publish({ user_id: userId, view: homeView(deps.policy, home, notice) as never });
  };

  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    work.run(() => publishHome(client, event.user), fail("app home"));
  });

  app.action(ACTION.ackPage, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (!seen.first(`action:${(body as { trigger_id?: string }).trigger_id}`)) return;
    const fromHome = (body as { view?: { type?: string } }).view?.type === "home";
    work.run(async () => {
      const value = pageValue.safeParse((action as { value?: string }).value);
      const reply = value.success
        ? await dispatchAck(
            deps,
            {
              actor: actor(body.user.id, (body.user as { name?: string }).name),
              requestKey: `slack:action:${(body as { trigger_id?: string }).trigger_id}`,
            },
            value.data.i,
            value.data.p,
          )
        : failureReply(deps, new UserError("ACTION.STALE"));
      // One line for every click: done, already acknowledged by someone, or why not. The Home tab has no
      // response URL: its answer is shown on top of the tab, published again without the page acknowledged.
      if (fromHome) return publishHome(client, body.user.id, reply.text);
      await respond({ response_type: "ephemeral", replace_original: false, text: say(reply) });
    }, fail("acknowledge button"));
  });

  const cardButton = (actionId: string, cmd: Command) =>
    app.action(actionId, async ({ ack, body, respond }) => {
      await ack();
      if (!seen.first(`action:${(body as { trigger_id?: string }).trigger_id}`)) return;
      work.run(async () => {
        const channelId = (body as { channel?: { id: string } }).channel?.id;
        const reply = await dispatchCommand(
          deps,
          {
            actor: actor(body.user.id, (body.user as { name?: string }).name),
            text: "",
            channelId,
            requestKey: `slack:action:${(body as { trigger_id?: string }).trigger_id}`,
          },
          cmd,
        );
        await respond({ response_type: "ephemeral", replace_original: false, text: say(reply) });
      }, fail(actionId));
    });
  cardButton(ACTION.acknowledge, { name: "ack" });
  cardButton(ACTION.escalate, { name: "escalate" });
  cardButton(ACTION.resolve, { name: "resolve" });

  app.action(ACTION.note, async ({ ack, body, client }) => {
    await ack();
    work.run(async () => {
      const channelId = (body as { channel?: { id: string } }).channel?.id;
      const view = formView(deps.policy, verbNamed("note")!, { c: channelId });
      await client.views.open({ trigger_id: (body as { trigger_id: string }).trigger_id, view: view as never });
    }, fail("note button"));
  });

  app.view(/^beacon_/, async ({ ack, body, view, client }) => {
    const verb = formVerb(view.callback_id);
    if (!verb) return ack();
    const read = readFormSubmission(deps.policy, verb, view.state.values);
    if ("errors" in read) {
      await ack({ response_action: "errors", errors: read.errors });
      return;
    }
    await ack();
    if (!seen.first(`view:${view.id}`)) return;
    const meta = metadata(view.private_metadata);
    work.run(
      async () => {
        const inbound = { actor: actor(body.user.id, body.user.name), text: "", channelId: meta.c, requestKey: `slack:view:${view.id}` };
        const reply = await dispatchCommand(deps, inbound, read.command);
        // A declaration is answered (where its room is); a note only when it could not be kept.
        if (reply.duplicate) return;
        if (verb.name === "declare" || reply.error) await tell(client, body.user.id, meta, say(reply));
      },
      fail(`${verb.name} form`),
    );
  });

  registerCapture(app, deps, work);
}

function metadata(raw: string | undefined): ViewMetadata {
  try {
    return metadataSchema.parse(JSON.parse(raw || "{}"));
  } catch {
    return {};
  }
}

/** An answer to a form: ephemeral in the channel it came from, else a direct message. */
async function tell(client: App["client"], user: string, meta: ViewMetadata, text: string): Promise<void> {
  if (meta.c) {
    const sent = await client.chat.postEphemeral({ channel: meta.c, user, text }).then(
      () => true,
      () => false,
    );
    if (sent) return;
  }
  await client.chat.postMessage({ channel: user, text });
}
