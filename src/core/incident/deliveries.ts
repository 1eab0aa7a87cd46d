import type { ChatRef, Incident } from "../model.js";
import { SYSTEM_ACTOR } from "../model.js";
import type { Delivery } from "../timers.js";
import { Change } from "./change.js";
import { words, type DecisionContext } from "./context.js";

// What a finished chat delivery changes on the incident: the refs the
// platform handed back (room, card, page messages), or a recorded failure.

export function roomOpened(ctx: DecisionContext, incident: Incident, ref: ChatRef): Change {
  const change = Change.of(incident, ctx.now);
  change.incident.room = ref;
  change.record("room_opened", SYSTEM_ACTOR, { channelId: ref.channelId, name: ref.name, url: ref.url });
  return change;
}

export function cardPosted(ctx: DecisionContext, incident: Incident, ref: ChatRef): Change {
  const change = Change.of(incident, ctx.now);
  change.incident.card = ref;
  return change;
}

export function pageDelivered(ctx: DecisionContext, incident: Incident, pageId: string, ref: ChatRef): Change {
  const change = Change.of(incident, ctx.now);
  const page = change.incident.pages.find((p) => p.id === pageId);
  if (page) page.ref = ref;
  return change;
}

/**
 * A delivery that finally failed is recorded, never dropped silently. A page
 * that could not reach a person (DMs closed) falls back to a mention in the room.
 */
export function deliveryFailed(ctx: DecisionContext, incident: Incident, delivery: Delivery, error: string): Change {
  const change = Change.of(incident, ctx.now);
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
  if (delivery.what !== "card" && delivery.what !== "open_room") change.deliver({ what: "card" });
  return change;
}
