import type { ChatRef } from "../../src/core/model.js";
import type { IncidentCard, PageView } from "../../src/core/views.js";
import type { ChatPort, OpenRoom, PostAction, SummaryDocument } from "../../src/ports/chat.js";

export type ChatCall =
  | { op: "openRoom"; name: string; topic: string; invite: string[]; users: string[] }
  | { op: "upsertCard"; room: string; card: IncidentCard; existing?: string }
  | { op: "post"; room: string; text: string; mentions: string[]; link?: string; action?: PostAction }
  | { op: "page"; personId: string; view: PageView }
  | { op: "updatePage"; ref: string; view: PageView }
  | { op: "notify"; personId: string; text: string }
  | { op: "archiveRoom"; room: string };

/** A ChatPort that records every call; `failNext` makes calls throw, to test retries. */
export class RecordingChat implements ChatPort {
  readonly platform = "test";
  calls: ChatCall[] = [];
  failures: Array<(call: ChatCall) => Error | undefined> = [];
  private n = 0;

  private record(call: ChatCall): void {
    for (const f of this.failures) {
      const e = f(call);
      if (e) throw e;
    }
    this.calls.push(call);
  }

  private ref(channelId: string): ChatRef {
    return { platform: "test", channelId, messageId: `m${++this.n}` };
  }

  async openRoom(req: OpenRoom): Promise<ChatRef> {
    this.record({ op: "openRoom", name: req.name, topic: req.topic, invite: req.invite, users: req.users });
    return { platform: "test", channelId: `C-${req.name}`, name: req.name };
  }
  async upsertCard(room: ChatRef, card: IncidentCard, existing?: ChatRef) {
    this.record({ op: "upsertCard", room: room.channelId, card, existing: existing?.messageId });
    return existing ?? this.ref(room.channelId);
  }
  async post(room: ChatRef, text: string, mentions: string[], action?: PostAction) {
    this.record({ op: "post", room: room.channelId, text, mentions, ...(action ? { action } : {}) });
    return this.ref(room.channelId);
  }
  /** Recorded as a post of its Markdown, which is what the tests read (and its link, if any). */
  async postSummary(room: ChatRef, summary: SummaryDocument) {
    this.record({
      op: "post",
      room: room.channelId,
      text: summary.markdown,
      mentions: [],
      ...(summary.link ? { link: summary.link } : {}),
    });
    return this.ref(room.channelId);
  }
  async page(personId: string, view: PageView) {
    this.record({ op: "page", personId, view });
    return this.ref(`D-${personId}`);
  }
  async updatePage(ref: ChatRef, view: PageView) {
    this.record({ op: "updatePage", ref: ref.messageId ?? "", view });
  }
  async notify(personId: string, text: string) {
    this.record({ op: "notify", personId, text });
    return this.ref(`D-${personId}`);
  }
  async archiveRoom(room: ChatRef) {
    this.record({ op: "archiveRoom", room: room.channelId });
  }

  posts(): string[] {
    return this.calls.flatMap((c) => (c.op === "post" ? [c.text] : []));
  }
  of<K extends ChatCall["op"]>(op: K): Extract<ChatCall, { op: K }>[] {
    return this.calls.filter((c): c is Extract<ChatCall, { op: K }> => c.op === op);
  }
}
