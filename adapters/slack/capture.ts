import type { App } from "@slack/bolt";
import { z } from "zod";
import type { AppDeps } from "../../src/app/deps.js";
import { captureMessage } from "../../src/app/capture-message.js";
import type { InFlight } from "../../src/app/in-flight.js";

// Pinned messages and 📌 (`pushpin`) reactions in an incident channel become
// timeline entries, with their author and permalink. Beacon's own posts are
// already on the timeline and are skipped.

const messageSchema = z.object({
  ts: z.string(),
  text: z.string().default(""),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  permalink: z.string().optional(),
});
const reactionSchema = z.object({
  reaction: z.string(),
  user: z.string(),
  item_user: z.string().optional(),
  item: z.object({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
});
const pinSchema = z.object({
  user: z.string(),
  channel_id: z.string(),
  item: z.object({ type: z.string(), message: messageSchema.optional() }),
});

export function registerCapture(app: App, deps: AppDeps, work: InFlight): void {
  const fail = (e: unknown) => deps.log.warn("slack timeline capture failed", { err: e });

  async function capture(
    client: App["client"],
    botUserId: string | undefined,
    channel: string,
    message: z.infer<typeof messageSchema>,
    how: "pinned" | "reaction",
  ) {
    const permalink =
      message.permalink ??
      (await client.chat.getPermalink({ channel, message_ts: message.ts }).then(
        (r) => r.permalink,
        () => undefined,
      ));
    const author = message.user ?? "unknown";
    await captureMessage(deps, {
      actor: { platform: "slack", userId: author, name: author },
      channelId: channel,
      messageId: message.ts,
      text: message.text,
      how,
      permalink,
      byBot: !!message.bot_id || (!!botUserId && message.user === botUserId),
    });
  }

  app.event("reaction_added", async ({ event, client, context }) => {
    const e = reactionSchema.safeParse(event);
    if (!e.success || e.data.reaction !== "pushpin" || e.data.item.type !== "message" || !e.data.item.channel || !e.data.item.ts) return;
    const { channel, ts } = e.data.item as { channel: string; ts: string };
    work.run(async () => {
      // conversations.replies finds the message whether it is a thread reply or not.
      const r = await client.conversations.replies({ channel, ts, latest: ts, inclusive: true, limit: 1 });
      const message = messageSchema.safeParse(r.messages?.find((m) => m.ts === ts));
      if (message.success) await capture(client, context.botUserId, channel, message.data, "reaction");
    }, fail);
  });

  app.event("pin_added", async ({ event, client, context }) => {
    const e = pinSchema.safeParse(event);
    if (!e.success || e.data.item.type !== "message" || !e.data.item.message) return;
    const { channel_id, item } = e.data;
    work.run(() => capture(client, context.botUserId, channel_id, item.message!, "pinned"), fail);
  });
}
