import { parseDuration } from "../core/calendar/duration.js";
import { Change } from "../core/incident/change.js";
import { cardPosted, deliveryFailed, pageDelivered, roomOpened, type DeliveryOutcome } from "../core/incident/deliveries.js";
import type { Incident } from "../core/model.js";
import { roomName, roomTopic } from "../core/room-name.js";
import { timerKeys, type Delivery, type TimerRow } from "../core/timers.js";
import { buildCard, buildPageView } from "../core/views.js";
import { renderSummaryMarkdown, summarize } from "../core/summary.js";
import { PermanentDeliveryError, type ChatPort } from "../ports/chat.js";
import { noMetrics } from "../ports/metrics.js";
import { bounded, commitChange, decisionContext } from "./commit.js";
import type { AppDeps } from "./deps.js";
import { onFreshState } from "./retry.js";

/** How long a runner holds a delivery before another may try it (the holder may have died). */
const LEASE_MS = 2 * 60_000;

/** The room is not open yet: wait and retry, like any transient failure. */
class NotReady extends Error {}

type DeliverRow = TimerRow & { payload: Extract<TimerRow["payload"], { kind: "deliver" }> };

/**
 * Deliver every due chat message of one incident as a batch: one statement
 * leases them all and reads the incident; the room's messages go out in
 * order (the room first, then the card and posts), while each person's direct
 * messages go out at the same time on their own lane; what the platform
 * returned (room, card and page references, failures) is recorded in one
 * commit that also retires the batch. Deliveries an outcome adds (a card
 * refresh, a fallback mention) are committed as new delivery timers and run in
 * the next batch.
 */
export async function deliverIncident(deps: AppDeps, incidentId: string, woken?: string): Promise<void> {
  const now = deps.clock.now();
  const { timers, incident } = await deps.store.leaseDeliveries(incidentId, now, new Date(now.getTime() + LEASE_MS));
  const rows = (timers.filter((t) => t.payload.kind === "deliver") as DeliverRow[]).sort(byDeliveryOrder);
  const notOurs = woken && !rows.some((r) => r.key === woken) ? woken : undefined;
  if (!rows.length) return notOurs ? sleepAgain(deps, notOurs) : undefined;
  if (!incident) {
    await deps.store.retireTimers(
      rows.map((r) => r.key),
      now,
    );
    return;
  }
  const chat = deps.chats.get(incident.declaredBy.platform) ?? [...deps.chats.values()][0];
  const batch = new Batch(deps, incident);
  await Promise.all(lanes(rows).map((lane) => batch.run(chat, lane)));
  await batch.settle();
  if (notOurs) await sleepAgain(deps, notOurs); // after the batch: a leased row never waits on the scheduler
}

/**
 * The delivery that woke us was not ours to send: already sent, leased by
 * another runner (which may die: then it falls due at the lease's end), or
 * not yet due (a retry). If it is still pending, wake again at its time.
 */
async function sleepAgain(deps: AppDeps, key: string): Promise<void> {
  const row = await deps.store.timer(key);
  if (row?.state === "pending") await bounded(deps.scheduler.arm([row])).catch(() => undefined); // reconcile re-arms it
}

/** The room's deliveries in one lane (they depend on the room and keep their order); each person's DMs, and each webhook's events, in a lane of their own. */
function lanes(rows: DeliverRow[]): DeliverRow[][] {
  const byLane = new Map<string, DeliverRow[]>();
  for (const row of rows) {
    const d = row.payload.delivery;
    const lane =
      d.what === "page" || d.what === "page_update"
        ? `page:${d.pageId}`
        : d.what === "notify"
          ? `dm:${d.personId}`
          : d.what === "webhook"
            ? `hook:${d.hook}`
            : "room";
    byLane.set(lane, [...(byLane.get(lane) ?? []), row]);
  }
  return [...byLane.values()];
}

/** Keys end in `<version>.<n>`: older changes first, then each change's own order. */
function byDeliveryOrder(a: TimerRow, b: TimerRow): number {
  const [av, an] = a.key
    .slice(a.key.lastIndexOf(":") + 1)
    .split(".")
    .map(Number);
  const [bv, bn] = b.key
    .slice(b.key.lastIndexOf(":") + 1)
    .split(".")
    .map(Number);
  return av! - bv! || an! - bn!;
}

/** One incident's batch: the outcomes so far, applied to a working copy the later deliveries read. */
class Batch {
  private readonly outcomes: DeliveryOutcome[] = [];
  /** Delivered or failed for good: retired with the settlement. */
  private readonly done: string[] = [];
  private readonly working: Change;

  constructor(
    private readonly deps: AppDeps,
    incident: Incident,
  ) {
    this.working = Change.of(incident, deps.clock.now());
  }

  async run(chat: ChatPort | undefined, lane: DeliverRow[]): Promise<void> {
    for (const row of lane) {
      const { delivery } = row.payload;
      try {
        if (delivery.what === "webhook") this.record(row, await sendEvent(this.deps, delivery));
        else if (!chat) throw new PermanentDeliveryError(`no chat platform "${this.working.incident.declaredBy.platform}" is configured`);
        else this.record(row, await perform(this.deps, chat, this.working.incident, delivery));
        (this.deps.metrics ?? noMetrics).delivery(delivery.what, "sent");
      } catch (e) {
        const outcome = await this.failed(row, e);
        if (outcome) this.record(row, outcome);
        if (delivery.what === "open_room") {
          // Nothing else in the room can go before the room: the rest of the lane waits for its own retry.
          for (const rest of lane.slice(lane.indexOf(row) + 1)) await this.failed(rest, new NotReady("room not open yet"));
          return;
        }
      }
    }
  }

  private record(row: DeliverRow, outcome: DeliveryOutcome | null): void {
    this.done.push(row.key);
    if (outcome) {
      outcome(this.working); // later deliveries of the batch see it (the card sees the room)
      this.outcomes.push(outcome);
    }
  }

  /**
   * When the room is still being opened (its delivery pending: leased by a
   * runner, perhaps one that died, or waiting for its own retry), the instant
   * it is next tried; undefined when it was opened, or failed for good.
   */
  private async roomOpensAt(): Promise<Date | undefined> {
    const key = timerKeys.deliver(this.working.incident.id, 1, 0); // the declare's first delivery opens the room
    if (this.done.includes(key)) return undefined;
    const row = await this.deps.store.timer(key);
    const opening = row?.state === "pending" && row.payload.kind === "deliver" && row.payload.delivery.what === "open_room";
    return opening ? new Date(row.dueAt) : undefined;
  }

  /** A retry is rescheduled at once; the last failure becomes an outcome (recorded on the timeline). */
  private async failed(row: DeliverRow, error: unknown): Promise<DeliveryOutcome | null> {
    const { deps } = this;
    const payload = row.payload;
    // Waiting for a room that is still being opened is not a failure: follow the room, spending no retry.
    const roomAt = error instanceof NotReady ? await this.roomOpensAt() : undefined;
    if (roomAt) {
      const dueAt = new Date(Math.max(roomAt.getTime(), deps.clock.now().getTime()) + 1_000);
      await deps.store.retryTimer(row.key, dueAt, payload);
      await bounded(deps.scheduler.arm([{ key: row.key, dueAt: dueAt.toISOString(), payload }])).catch(() => undefined);
      deps.log.debug("delivery waits for its room", { key: row.key, until: dueAt.toISOString() });
      return null;
    }
    const message = error instanceof Error ? error.message : String(error);
    const retries = deps.policy.delivery.retries;
    if (!(error instanceof PermanentDeliveryError) && payload.attempt < retries.length) {
      const dueAt = new Date(deps.clock.now().getTime() + parseDuration(retries[payload.attempt]!) * 60_000);
      const next = { ...payload, attempt: payload.attempt + 1 };
      await deps.store.retryTimer(row.key, dueAt, next);
      // Bounded: a Redis that is away must not hold the batch's leased rows (reconcile re-arms the retry).
      await bounded(deps.scheduler.arm([{ key: row.key, dueAt: dueAt.toISOString(), payload: next }])).catch(() => undefined);
      (deps.metrics ?? noMetrics).delivery(payload.delivery.what, "retrying");
      deps.log.warn("delivery failed, will retry", { key: row.key, attempt: payload.attempt + 1, error: message });
      return null;
    }
    (deps.metrics ?? noMetrics).delivery(payload.delivery.what, "failed");
    deps.log.error("delivery failed for good", { key: row.key, error: message });
    return deliveryFailed(decisionContext(deps), payload.delivery, message);
  }

  /**
   * Record the batch: one commit of every outcome that claims the delivered
   * rows, or one statement retiring them when nothing changed. If someone else
   * changed the incident meanwhile, the outcomes are applied again to a fresh
   * read.
   */
  async settle(): Promise<void> {
    const { deps } = this;
    if (!this.done.length) return;
    await onFreshState(
      async (round) => {
        const base = round === 0 ? this.working.before! : await deps.store.get(this.working.incident.id);
        const change = base ? Change.of(base, deps.clock.now()) : null;
        if (change) for (const outcome of this.outcomes) outcome(change);
        if (!change || change.isEmpty) {
          await deps.store.retireTimers(this.done, deps.clock.now());
          return;
        }
        await commitChange(deps, change, this.done);
      },
      () => deps.log.warn("delivery outcomes kept conflicting; their leases end and they are tried again", { keys: this.done }),
    );
  }
}

/** An event for an outbound webhook: sent signed, retried and recorded as failed like any delivery. */
async function sendEvent(deps: AppDeps, d: Extract<Delivery, { what: "webhook" }>): Promise<null> {
  if (!deps.webhooks) throw new PermanentDeliveryError("no webhook sender is configured");
  await deps.webhooks.send(d.hook, d.body);
  return null;
}

async function perform(deps: AppDeps, chat: ChatPort, incident: Incident, d: Delivery): Promise<DeliveryOutcome | null> {
  const ctx = decisionContext(deps);
  const room = incident.room;
  switch (d.what) {
    case "open_room": {
      if (room) return null;
      const invite = [...new Set([incident.declaredBy.personId, ...incident.pages.map((p) => p.personId)].filter((p): p is string => !!p))];
      // Whoever declared is in the room, whether or not the policy knows them (the default policy lets everyone declare).
      const { platform, userId } = incident.declaredBy;
      const ref = await chat.openRoom({
        name: roomName(deps.policy, incident),
        topic: roomTopic(deps.policy, incident),
        invite,
        users: platform === chat.platform ? [userId] : [],
        incidentId: incident.id,
      });
      return roomOpened(ref);
    }
    case "card": {
      if (!room) throw new NotReady("room not open yet");
      return cardPosted(await chat.upsertCard(room, buildCard(deps.policy, incident, ctx.now), incident.card));
    }
    case "page": {
      const page = incident.pages.find((p) => p.id === d.pageId);
      if (!page || page.ref) return null;
      return pageDelivered(page.id, await chat.page(page.personId, buildPageView(deps.policy, incident, page.id)));
    }
    case "page_update": {
      const page = incident.pages.find((p) => p.id === d.pageId);
      if (page?.ref) await chat.updatePage(page.ref, buildPageView(deps.policy, incident, page.id));
      return null;
    }
    case "post":
      if (!room) throw new NotReady("room not open yet");
      await chat.post(room, d.text, d.mentions, d.action && { ...d.action, incidentId: incident.id, incidentNumber: incident.number });
      return null;
    case "notify":
      await chat.notify(d.personId, d.text);
      return null;
    case "archive":
      if (room) await chat.archiveRoom(room);
      return null;
    case "webhook":
      return null; // sent by sendEvent, never through a chat
    case "summary": {
      if (!room) throw new NotReady("room not open yet");
      // Built at delivery time from the timeline, so it includes the close itself.
      const facts = summarize(deps.policy, incident.number, await deps.store.timeline(incident.id), ctx.now);
      // The plain page address (no token): whoever opens it is asked to log in, and reads it only if allowed.
      const link = deps.links?.page(incident.number);
      await chat.postSummary(room, { facts, markdown: renderSummaryMarkdown(deps.policy, facts), ...(link ? { link } : {}) });
      return null;
    }
  }
}
