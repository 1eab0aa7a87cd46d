import { UserError } from "../errors.js";
import type { Actor, Incident } from "../model.js";
import { incidentLabel } from "../model.js";
import { isRunning } from "../planning/clock-plan.js";
import type { EntryData } from "../timeline.js";
import { Change } from "./change.js";
import { stopClock, stopClocksOn } from "./clocks.js";
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

/** An update to the customer stops the customer-update clocks; internal updates are only recorded. */
export function postUpdate(
  ctx: DecisionContext,
  incident: Incident,
  actor: Actor,
  audience: "customer" | "internal",
  text: string,
): Change {
  const w = words(ctx.policy);
  assertCan(incident, "update", (s) => w.t.status[s]!);
  const change = Change.of(incident, ctx.now);
  change.record("update_posted", actor, { audience, text });
  change.deliver({ what: "post", text: w.t.post.update(w.t.audience[audience]!, text, w.who(actor)), mentions: [] });
  if (audience === "customer") {
    change.incident.firstResponseAt ??= change.at;
    stopClocksOn(change, ctx, "customer_update", actor);
    change.deliver({ what: "card" });
  }
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
