import { addNote } from "../core/incident/record.js";
import { canDo } from "../core/incident/lifecycle.js";
import type { Actor } from "../core/model.js";
import { plainText } from "../core/text.js";
import { applyChange, decisionContext } from "./apply-change.js";
import type { AppDeps } from "./deps.js";
import { onFreshState } from "./retry.js";
import { withPerson } from "./dispatch.js";

/** A chat message someone marked as worth keeping (pinned, or a 📌 reaction) in an incident's room. */
export interface CapturedMessage {
  /** The message's author. */
  actor: Actor;
  channelId: string;
  messageId: string;
  text: string;
  how: "pinned" | "reaction";
  permalink?: string;
  /** Posted by Beacon itself: its cards, pages and reminders are already on the timeline. */
  byBot: boolean;
}

export type CaptureOutcome = "captured" | "already" | "ignored";

/**
 * Put a marked message on the incident's timeline, once: a message pinned and
 * then given a 📌, or an event the platform delivers twice, is recorded once.
 * Messages outside incident rooms, Beacon's own posts and empty messages are
 * ignored quietly (nobody asked for an answer).
 */
export async function captureMessage(deps: AppDeps, msg: CapturedMessage): Promise<CaptureOutcome> {
  // What a platform sends is kept as plain text: control characters (a NUL the database refuses) and bidirectional overrides removed.
  const text = plainText(msg.text).trim();
  if (msg.byBot || !text) return "ignored";
  const incident = await deps.store.getByRoom(msg.actor.platform, msg.channelId);
  if (!incident) return "ignored";
  const actor = withPerson(deps.policy, { actor: msg.actor, text: "", requestKey: msg.messageId }).actor;
  // Read the timeline after the incident: the commit is conditional on the
  // incident's version, so a capture racing this one either shows in the
  // timeline read here or makes this commit conflict and look again.
  return onFreshState<CaptureOutcome>(
    async () => {
      const inc = await deps.store.get(incident.id);
      if (!inc || !canDo(inc, "note")) return "ignored";
      const timeline = await deps.store.timeline(inc.id);
      if (timeline.some((e) => e.type === "note" && e.data.messageId === msg.messageId)) return "already";
      const change = addNote(decisionContext(deps), inc, actor, {
        text,
        source: msg.how,
        messageId: msg.messageId,
        ...(msg.permalink ? { permalink: msg.permalink } : {}),
        ...(actor.name ? { author: actor.name } : {}),
      });
      await applyChange(deps, change);
      return "captured";
    },
    () => {
      throw new Error(`could not capture message ${msg.messageId}: incident kept changing`);
    },
  );
}
