import type { ChatRef } from "../core/model.js";
import type { SummaryFacts } from "../core/summary.js";
import type { IncidentCard, PageView } from "../core/views.js";

/**
 * The after-action summary as posted in the room on close: the facts for a
 * platform that lays them out itself (Block Kit, embeds), the Markdown for one
 * that shows text, and the full page's address when Beacon has a public URL.
 */
export interface SummaryDocument {
  facts: SummaryFacts;
  markdown: string;
  link?: string;
}

/** A button a room post carries: the same action as the incident card's button of that name. */
export interface PostAction {
  action: "resolve";
  label: string;
  incidentId: string;
  /** For a platform without buttons, which shows the command instead. */
  incidentNumber: number;
}

/** A room to open: its name and topic, the policy people to invite, and users known only on this platform. */
export interface OpenRoom {
  name: string;
  topic: string;
  /** Policy person ids. */
  invite: string[];
  /** User ids on this platform (the declarer, who may not be in the policy); may repeat someone in `invite`. */
  users: string[];
  incidentId: string;
}

/**
 * What the application asks of a chat platform. Messages are platform-neutral:
 * `text` may contain `@{personId}` mentions, which an adapter renders in its
 * own syntax (Slack `<@U…>`, Discord `<@…>`, console `@name`).
 */
export interface ChatPort {
  readonly platform: string;
  /** Open the incident's room (channel or thread), inviting these people. */
  openRoom(req: OpenRoom): Promise<ChatRef>;
  /** Post or edit the live incident card in the room. */
  upsertCard(room: ChatRef, card: IncidentCard, existing?: ChatRef): Promise<ChatRef>;
  /** Post a message in the room, with a button when `action` is given. */
  post(room: ChatRef, text: string, mentions: string[], action?: PostAction): Promise<ChatRef>;
  /** Post the after-action summary in the room, laid out as the platform shows documents. */
  postSummary(room: ChatRef, summary: SummaryDocument): Promise<ChatRef>;
  /** Send a page (direct message with an Acknowledge action) to a person. */
  page(personId: string, view: PageView): Promise<ChatRef>;
  /** Edit a page already sent (acknowledged, superseded). */
  updatePage(ref: ChatRef, view: PageView): Promise<void>;
  /** Direct message without an action (FYI). */
  notify(personId: string, text: string): Promise<ChatRef>;
  /** Archive the room, if the platform can. */
  archiveRoom(room: ChatRef): Promise<void>;
}

/** A delivery error the platform says is permanent (no such user, DMs closed): do not retry. */
export class PermanentDeliveryError extends Error {
  readonly code = "CHAT.PERMANENT";
  constructor(message: string) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}
