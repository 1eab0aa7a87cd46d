import { Routes, type Client } from "discord.js";
import { z } from "zod";
import { captureMessage } from "../../src/app/capture-message.js";
import type { AppDeps } from "../../src/app/deps.js";

// 📌 reactions and pins in an incident room become timeline entries. Read
// from the raw gateway events so nothing depends on discord.js's message
// cache (a message from before a restart is still captured).

const reactionSchema = z.object({
  channel_id: z.string(),
  message_id: z.string(),
  user_id: z.string(),
  emoji: z.object({ name: z.string().nullable() }),
});
const pinsSchema = z.object({ channel_id: z.string() });
const messageSchema = z.object({
  id: z.string(),
  channel_id: z.string(),
  content: z.string(),
  author: z.object({ id: z.string(), username: z.string(), global_name: z.string().nullish(), bot: z.boolean().optional() }),
});

export function registerCapture(client: Client, deps: AppDeps, guildId: string | undefined): void {
  const fail = (e: unknown) => deps.log.warn("discord timeline capture failed", { err: e });
  const link = (m: z.infer<typeof messageSchema>) => `https://discord.com/channels/${guildId ?? "@me"}/${m.channel_id}/${m.id}`;

  async function capture(raw: unknown, how: "pinned" | "reaction"): Promise<void> {
    const m = messageSchema.parse(raw);
    await captureMessage(deps, {
      actor: { platform: "discord", userId: m.author.id, name: m.author.global_name ?? m.author.username },
      channelId: m.channel_id,
      messageId: m.id,
      text: m.content,
      how,
      permalink: link(m),
      byBot: m.author.id === client.user?.id || !!m.author.bot,
    });
  }

  client.on("raw", (packet: { t?: string; d?: unknown }) => {
    if (packet.t === "MESSAGE_REACTION_ADD") {
      const r = reactionSchema.safeParse(packet.d);
      if (!r.success || r.data.emoji.name !== "📌") return;
      void client.rest
        .get(Routes.channelMessage(r.data.channel_id, r.data.message_id))
        .then((m) => capture(m, "reaction"))
        .catch(fail);
    } else if (packet.t === "CHANNEL_PINS_UPDATE") {
      const p = pinsSchema.safeParse(packet.d);
      if (!p.success) return;
      void (async () => {
        const pins = (await client.rest.get(Routes.channelPins(p.data.channel_id))) as unknown[];
        for (const m of pins) await capture(m, "pinned"); // already-captured pins are recognised by message id
      })().catch(fail);
    }
  });
}
