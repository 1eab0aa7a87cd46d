import { parseDuration } from "../core/calendar/duration.js";
import type { Change } from "../core/incident/change.js";
import { cardPosted, deliveryFailed, pageDelivered, roomOpened } from "../core/incident/deliveries.js";
import type { ChatRef, Incident } from "../core/model.js";
import { roomName, roomTopic } from "../core/room-name.js";
import type { Delivery, TimerPayload } from "../core/timers.js";
import { buildCard, buildPageView } from "../core/views.js";
import { renderSummaryMarkdown, summarize } from "../core/summary.js";
import { PermanentDeliveryError, type ChatPort } from "../ports/chat.js";
import { noMetrics } from "../ports/metrics.js";
import { commitChange, decisionContext } from "./commit.js";
import type { AppDeps } from "./deps.js";
import { onFreshState } from "./retry.js";

/** How long a runner holds a delivery before another may try it (the holder may have died). */
const LEASE_MS = 2 * 60_000;

/** The room is not open yet: wait and retry, like any transient failure. */
class NotReady extends Error {}

/**
 * Deliver outbox timers, in order, and then whatever their outcomes add (a
 * failed page falls back to a mention in the room): an explicit queue, so a
 * delivery never re-enters the commit that caused it.
 */
export async function deliverAll(deps: AppDeps, keys: string[]): Promise<void> {
  const queue = [...keys];
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) queue.push(...(await deliverOne(deps, key)));
}

/**
 * Deliver one outbox timer to the chat platform. The lease makes it
 * at-most-one runner at a time; success retires the timer (storing any ref the
 * platform returned), failure schedules a retry, and the last failure is
 * recorded on the timeline. Returns the deliveries its outcome added.
 */
async function deliverOne(deps: AppDeps, key: string): Promise<string[]> {
  const now = deps.clock.now();
  const row = await deps.store.leaseTimer(key, now, new Date(now.getTime() + LEASE_MS));
  if (!row || row.payload.kind !== "deliver") return [];
  const payload = row.payload;
  const incident = await deps.store.get(payload.incidentId);
  if (!incident) {
    await deps.store.retireTimer(key, now);
    return [];
  }
  if (payload.delivery.what === "webhook") return sendEvent(deps, key, payload, incident, payload.delivery);
  const chat = deps.chats.get(incident.declaredBy.platform) ?? [...deps.chats.values()][0];
  try {
    if (!chat) throw new PermanentDeliveryError(`no chat platform "${incident.declaredBy.platform}" is configured`);
    const outcome = await perform(deps, chat, incident, payload.delivery);
    (deps.metrics ?? noMetrics).delivery(payload.delivery.what, "sent");
    return await settle(deps, key, incident.id, outcome, incident);
  } catch (e) {
    return failed(deps, key, payload, e);
  }
}

type Outcome = ((incident: Incident) => Change | null) | null;

/** An event for an outbound webhook: sent signed, retried and recorded as failed like any delivery. */
async function sendEvent(
  deps: AppDeps,
  key: string,
  payload: Extract<TimerPayload, { kind: "deliver" }>,
  incident: Incident,
  d: Extract<Delivery, { what: "webhook" }>,
): Promise<string[]> {
  try {
    if (!deps.webhooks) throw new PermanentDeliveryError("no webhook sender is configured");
    await deps.webhooks.send(d.hook, d.body);
    (deps.metrics ?? noMetrics).delivery(d.what, "sent");
    return await settle(deps, key, incident.id, null, incident);
  } catch (e) {
    return failed(deps, key, payload, e);
  }
}

async function perform(deps: AppDeps, chat: ChatPort, incident: Incident, d: Delivery): Promise<Outcome> {
  const ctx = decisionContext(deps);
  const room = incident.room;
  switch (d.what) {
    case "open_room": {
      if (room) return null;
      const invite = [...new Set([incident.declaredBy.personId, ...incident.pages.map((p) => p.personId)].filter((p): p is string => !!p))];
      const ref = await chat.openRoom({
        name: roomName(deps.policy, incident),
        topic: roomTopic(deps.policy, incident),
        invite,
        incidentId: incident.id,
      });
      return (inc) => (inc.room ? null : roomOpened(ctx, inc, ref));
    }
    case "card": {
      if (!room) throw new NotReady("room not open yet");
      const ref = await chat.upsertCard(room, buildCard(deps.policy, incident, ctx.now), incident.card);
      return (inc) => (sameRef(inc.card, ref) ? null : cardPosted(ctx, inc, ref));
    }
    case "page": {
      const page = incident.pages.find((p) => p.id === d.pageId);
      if (!page || page.ref) return null;
      const ref = await chat.page(page.personId, buildPageView(deps.policy, incident, page.id));
      return (inc) => pageDelivered(ctx, inc, page.id, ref);
    }
    case "page_update": {
      const page = incident.pages.find((p) => p.id === d.pageId);
      if (page?.ref) await chat.updatePage(page.ref, buildPageView(deps.policy, incident, page.id));
      return null;
    }
    case "post":
      if (!room) throw new NotReady("room not open yet");
      await chat.post(room, d.text, d.mentions);
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
      await chat.postSummary(room, { facts, markdown: renderSummaryMarkdown(deps.policy, facts) });
      return null;
    }
  }
}

const sameRef = (a: ChatRef | undefined, b: ChatRef) => a?.channelId === b.channelId && a?.messageId === b.messageId;

/**
 * Record what the platform returned. The first attempt decides on the incident
 * read before the platform call (usually still current); a version conflict
 * means it moved on, and the decision is made again on a fresh read.
 */
async function settle(deps: AppDeps, key: string, incidentId: string, outcome: Outcome, known?: Incident): Promise<string[]> {
  return onFreshState(
    async (round) => {
      if (round > 0 && (await deps.store.timer(key))?.state !== "pending") return []; // someone else settled it
      const incident = !outcome ? null : round === 0 && known ? known : await deps.store.get(incidentId);
      const change = incident && outcome ? outcome(incident) : null;
      if (!change) {
        await deps.store.retireTimer(key, deps.clock.now());
        return [];
      }
      return (await commitChange(deps, change, key)).deliveryKeys;
    },
    () => {
      deps.log.warn("delivery outcome kept conflicting; its lease ends and it is tried again", { key });
      return [];
    },
  );
}

async function failed(deps: AppDeps, key: string, payload: Extract<TimerPayload, { kind: "deliver" }>, error: unknown): Promise<string[]> {
  const message = error instanceof Error ? error.message : String(error);
  const retries = deps.policy.delivery.retries;
  const permanent = error instanceof PermanentDeliveryError;
  if (!permanent && payload.attempt < retries.length) {
    const dueAt = new Date(deps.clock.now().getTime() + parseDuration(retries[payload.attempt]!) * 60_000);
    const next = { ...payload, attempt: payload.attempt + 1 };
    await deps.store.retryTimer(key, dueAt, next);
    await deps.scheduler.arm([{ key, dueAt: dueAt.toISOString(), payload: next }]).catch(() => undefined); // reconcile re-arms it
    (deps.metrics ?? noMetrics).delivery(payload.delivery.what, "retrying");
    deps.log.warn("delivery failed, will retry", { key, attempt: payload.attempt + 1, error: message });
    return [];
  }
  (deps.metrics ?? noMetrics).delivery(payload.delivery.what, "failed");
  deps.log.error("delivery failed for good", { key, error: message });
  return settle(deps, key, payload.incidentId, (inc) => deliveryFailed(decisionContext(deps), inc, payload.delivery, message));
}
