import type { ChatRef } from "../../src/core/model.js";
import type { Policy } from "../../src/core/policy/schema.js";
import type { IncidentCard, PageView } from "../../src/core/views.js";
import type { ChatPort, OpenRoom, PostAction, SummaryDocument } from "../../src/ports/chat.js";
import { renderCard, renderMentions, renderPage } from "./render.js";

/**
 * The console workspace's chat: incident rooms are labelled streams
 * (`#inc-12-checkout-down │ …`), pages and FYIs are direct messages
 * (`✉ Lee Zhang │ …`). Everything is written through `out`.
 */
export class ConsoleChat implements ChatPort {
  readonly platform = "console";
  private readonly rooms = new Set<string>();
  private readonly pageStates = new Map<string, string>();
  private n = 0;

  constructor(
    private readonly policy: Policy,
    private readonly out: (line: string) => void,
  ) {}

  private say(where: string, lines: string | string[]): void {
    for (const line of Array.isArray(lines) ? lines : [lines]) this.out(`${where} │ ${line}`);
  }

  private name(personId: string): string {
    return this.policy.people[personId]?.name ?? personId;
  }

  private ref(channelId: string): ChatRef {
    return { platform: "console", channelId, messageId: String(++this.n) };
  }

  async openRoom(req: OpenRoom): Promise<ChatRef> {
    let name = req.name;
    for (let i = 2; this.rooms.has(name); i++) name = `${req.name}-${i}`;
    this.rooms.add(name);
    this.say(`#${name}`, [`── room opened: ${req.topic}`, `── members: ${req.invite.map((p) => this.name(p)).join(", ")}`]);
    return { platform: "console", channelId: name, name: `#${name}` };
  }

  async upsertCard(room: ChatRef, card: IncidentCard, existing?: ChatRef): Promise<ChatRef> {
    this.say(`#${room.channelId}`, [existing ? "── incident card (updated)" : "── incident card", ...renderCard(card)]);
    return existing ?? this.ref(room.channelId);
  }

  /** A terminal shows the summary's Markdown as it is. */
  async postSummary(room: ChatRef, summary: SummaryDocument): Promise<ChatRef> {
    return this.post(room, summary.markdown);
  }

  async post(room: ChatRef, text: string, _mentions: string[] = [], action?: PostAction): Promise<ChatRef> {
    const button = action ? `  [ ${action.label}: /incident ${action.action} #${action.incidentNumber} ]` : "";
    this.say(`#${room.channelId}`, `${renderMentions(this.policy, text)}${button}`.split("\n"));
    return this.ref(room.channelId);
  }

  async page(personId: string, view: PageView): Promise<ChatRef> {
    this.say(`✉ ${this.name(personId)}`, renderMentions(this.policy, renderPage(view, view.label.replace(/\D/g, ""))));
    return this.ref(`dm-${personId}`);
  }

  async updatePage(ref: ChatRef, view: PageView): Promise<void> {
    // A terminal cannot edit a line: show an update only when the page's state changed.
    const state = `${view.acknowledged?.by}|${view.closed}`;
    if ((!view.acknowledged && !view.closed) || this.pageStates.get(ref.messageId ?? "") === state) return;
    this.pageStates.set(ref.messageId ?? "", state);
    const who = ref.channelId.replace(/^dm-/, "");
    const what = view.acknowledged ? `${renderMentions(this.policy, view.acknowledged.by)} ✅` : view.text.split("\n").at(-1)!;
    this.say(`✉ ${this.name(who)}`, `(page updated) ${view.label}: ${what}`);
  }

  async notify(personId: string, text: string): Promise<ChatRef> {
    this.say(`✉ ${this.name(personId)}`, renderMentions(this.policy, text));
    return this.ref(`dm-${personId}`);
  }

  async archiveRoom(room: ChatRef): Promise<void> {
    this.say(`#${room.channelId}`, "── room archived");
  }
}
