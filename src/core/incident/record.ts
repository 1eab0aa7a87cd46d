import { UserError } from "../errors.js";
import type { Actor, Incident } from "../model.js";
import { incidentLabel } from "../model.js";
import { isRunning } from "../planning/clock-plan.js";
import type { EntryData } from "../timeline.js";
import { Change } from "./change.js";
import { reconcileClocks, recordStarted, stopClock, stopClocksOn } from "./clocks.js";
import { words, type DecisionContext } from "./context.js";
import { assertCan } from "./lifecycle.js";

// Decisions that record what people did: notes, roles, updates, clocks done.

export function addNote(ctx: DecisionContext, incident: Incident, actor: Actor, note: EntryData["note"]): Change {
  const w = words(ctx.policy);
  assertCan(incident, "note", (s) => w.t.status[s]!);
  const change = Change.of(incident, ctx.now);
  change.record("note", actor, note);
  return change;
}

export function assignRole(
  ctx: DecisionContext,
  incident: Incident,
  actor: Actor,
  role: "lead" | "liaison" | "handler",
  personId: string,
): Change {
  const w = words(ctx.policy);
  assertCan(incident, "role", (s) => w.t.status[s]!);
  const change = Change.of(incident, ctx.now);
  const roles = change.incident.roles;
  if (role === "handler") {
    if (!roles.handlers.includes(personId)) roles.handlers.push(personId);
  } else {
    roles[role] = personId;
  }
  change.record("role_assigned", actor, { role, personId });
  change.deliver({ what: "post", text: w.t.post.roleAssigned(w.t.role[role]!, personId), mentions: [personId] });
  change.deliver({ what: "card" });
  return change;
}

/**
 * An update to the customer stops the customer-update clocks; one marked as
 * the formal answer to the complaint also stops the answer clocks. Internal
 * updates are only recorded.
 */
export function postUpdate(
  ctx: DecisionContext,
  incident: Incident,
  actor: Actor,
  audience: "customer" | "internal",
  text: string,
  answer = false,
): Change {
  const w = words(ctx.policy);
  assertCan(incident, "update", (s) => w.t.status[s]!);
  if (answer && audience !== "customer") throw new UserError("UPDATE.ANSWER_INTERNAL", {});
  const change = Change.of(incident, ctx.now);
  change.record("update_posted", actor, { audience, text, ...(answer ? { answer } : {}) });
  change.deliver({ what: "post", text: w.t.post.update(w.t.audience[audience]!, text, w.who(actor), answer), mentions: [] });
  if (audience === "customer") {
    change.incident.firstResponseAt ??= change.at;
    stopClocksOn(change, ctx, "customer_update", actor);
    if (answer) stopClocksOn(change, ctx, "answer", actor);
    change.deliver({ what: "card" });
  }
  return change;
}

/** A compensation claim made after the declaration: the claim's deadline starts now. */
export function addClaim(ctx: DecisionContext, incident: Incident, actor: Actor): Change {
  const w = words(ctx.policy);
  assertCan(incident, "claim", (s) => w.t.status[s]!);
  if (incident.claim) throw new UserError("CLAIM.ALREADY", { label: incidentLabel(incident) });
  const change = Change.of(incident, ctx.now);
  change.incident.claim = true;
  change.record("claim_added", actor, {});
  recordStarted(change, reconcileClocks(change, ctx));
  change.deliver({ what: "post", text: w.t.post.claimAdded(w.who(actor)), mentions: [] });
  change.deliver({ what: "card" });
  return change;
}

/** An on-site visit found to be needed (or its kind changed): its deadline starts now; one that no longer applies is dropped. */
export function setOnsite(ctx: DecisionContext, incident: Incident, actor: Actor, onsite: "local" | "remote"): Change {
  const w = words(ctx.policy);
  assertCan(incident, "onsite", (s) => w.t.status[s]!);
  if (incident.onsite === onsite) throw new UserError("ONSITE.SAME", { label: incidentLabel(incident), value: onsite });
  const change = Change.of(incident, ctx.now);
  change.incident.onsite = onsite;
  change.record("onsite_set", actor, { onsite });
  recordStarted(change, reconcileClocks(change, ctx));
  change.deliver({ what: "post", text: w.t.post.onsiteSet(w.who(actor), w.t.onsite[onsite]!), mentions: [] });
  change.deliver({ what: "card" });
  return change;
}

/** Mark a clock that stops on an explicit `done` (on-site arrival, forwarded, compensation settled). */
export function markClockDone(ctx: DecisionContext, incident: Incident, actor: Actor, clockKey: string): Change {
  const w = words(ctx.policy);
  assertCan(incident, "done", (s) => w.t.status[s]!);
  const running = incident.clocks.filter(isRunning);
  const clock = running.find((c) => c.key === clockKey);
  if (!clock) {
    throw new UserError("CLOCK.UNKNOWN", {
      label: incidentLabel(incident),
      value: clockKey,
      choices: running.map((c) => c.key).join(", ") || w.t.none,
    });
  }
  if (clock.stopOn !== "done") throw new UserError("CLOCK.NOT_MANUAL", { value: clockKey, stopOn: clock.stopOn });
  const change = Change.of(incident, ctx.now);
  stopClock(
    change,
    ctx,
    change.incident.clocks.find((c) => c.key === clockKey && isRunning(c))!,
    actor,
    true,
  );
  change.deliver({ what: "card" });
  return change;
}
