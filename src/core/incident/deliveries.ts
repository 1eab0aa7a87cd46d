import type { ChatRef } from "../model.js";
import { SYSTEM_ACTOR } from "../model.js";
import type { Delivery } from "../timers.js";
import type { Change } from "./change.js";
import { words, type DecisionContext } from "./context.js";

// What a finished chat delivery changes on the incident: the refs the
// platform handed back (room, card, page messages), or a recorded failure.
// Each is a step applied to one change, so the outcomes of a whole batch of
// deliveries settle together in one commit (and are re-applied on fresh state
// if someone else changed the incident meanwhile).

/** A delivery's effect on the incident; it may leave the change untouched. */
export type DeliveryOutcome = (change: Change) => void;

export function roomOpened(ref: ChatRef): DeliveryOutcome {
  return (change) => {
    if (change.incident.room) return; // another runner opened it first
    change.incident.room = ref;
    change.record("room_opened", SYSTEM_ACTOR, { channelId: ref.channelId, name: ref.name, url: ref.url });
  };
}

export function cardPosted(ref: ChatRef): DeliveryOutcome {
  return (change) => {
    const card = change.incident.card;
    if (card?.channelId !== ref.channelId || card.messageId !== ref.messageId) change.incident.card = ref;
  };
}

export function pageDelivered(pageId: string, ref: ChatRef): DeliveryOutcome {
  return (change) => {
    const page = change.incident.pages.find((p) => p.id === pageId);
    if (page) page.ref = ref;
  };
}

/**
 * A delivery that finally failed is recorded, never dropped silently. A page
 * that could not reach a person (DMs closed) falls back to a mention in the room.
 */
export function deliveryFailed(ctx: DecisionContext, delivery: Delivery, error: string): DeliveryOutcome {
  return (change) => failed(ctx, change, delivery, error);
}

function failed(ctx: DecisionContext, change: Change, delivery: Delivery, error: string): void {
  const inc = change.incident;
  const w = words(ctx.policy);
  let target: string | undefined;
  if (delivery.what === "page") {
    const page = inc.pages.find((p) => p.id === delivery.pageId);
    if (page) {
      page.failed = true;
      target = page.personId;
      const text = w.t.page.text(`INC-${inc.number}`, inc.title, w.severity(inc.severity), page.step + 1, inc.paging.steps.length);
      change.deliver({ what: "post", text: `@{${page.personId}} ${text}`, mentions: [page.personId] });
    }
  } else if (delivery.what === "notify") {
    target = delivery.personId;
  } else if (delivery.what === "webhook") {
    target = delivery.hook;
  }
  change.record("delivery_failed", SYSTEM_ACTOR, { what: delivery.what, target, error: error.slice(0, 300) });
  if (delivery.what !== "card" && delivery.what !== "open_room" && !change.deliveries.some((d) => d.what === "card")) {
    change.deliver({ what: "card" });
  }
}
