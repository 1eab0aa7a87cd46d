import type { CommandFor } from "../core/commands/verbs.js";
import { parseWhen } from "../core/commands/when.js";
import { messages } from "../core/i18n/index.js";
import { words } from "../core/incident/context.js";
import { cancellation, overrideFor, requireRotation, swapFor, type OverrideMeta } from "../core/oncall/overrides.js";
import { renderOnCall, renderOverrides } from "../core/oncall/views.js";
import { resolvePerson } from "../core/policy/lookup.js";
import { armHandoffs, armHandoffNow } from "./handoff.js";
import { replyTo, type AppDeps, type Inbound, type Reply } from "./deps.js";

// The on-call verbs: who is on, the overrides, and adding or taking back an override or a swap.

export async function onCallReply(deps: AppDeps, cmd: CommandFor<"oncall">): Promise<Reply> {
  const now = deps.clock.now();
  const only = cmd.rotation ? requireRotation(deps.policy, deps.cal, cmd.rotation).id : undefined;
  const overrides = await deps.store.overrides({ endingAfter: now });
  return replyTo(renderOnCall(deps.policy, deps.cal, overrides, now, only));
}

export async function overridesReply(deps: AppDeps): Promise<Reply> {
  return replyTo(renderOverrides(deps.policy, await deps.store.overrides({ endingAfter: deps.clock.now() })));
}

function meta(deps: AppDeps, inbound: Inbound): OverrideMeta {
  return { createdBy: inbound.actor.personId ?? inbound.actor.name, now: deps.clock.now(), newId: deps.newId };
}

export async function addOverride(deps: AppDeps, inbound: Inbound, cmd: CommandFor<"oncall_override">): Promise<Reply> {
  const { policy } = deps;
  const rotation = requireRotation(policy, deps.cal, cmd.rotation);
  const person = resolvePerson(policy, cmd.person);
  const m = meta(deps, inbound);
  const override = overrideFor(rotation, person, when(deps, cmd.from), when(deps, cmd.to), m);
  await deps.store.addOverrides([override]);
  await armHandoffs(deps);
  const w = words(policy);
  return replyTo(messages(policy.locale).oncall.added(w.rotation(rotation.id), w.name(person), w.time(override.from), w.time(override.to)));
}

export async function swapShifts(deps: AppDeps, inbound: Inbound, cmd: CommandFor<"oncall_swap">): Promise<Reply> {
  const { policy } = deps;
  const rotation = requireRotation(policy, deps.cal, cmd.rotation);
  const a = resolvePerson(policy, cmd.person);
  const b = resolvePerson(policy, cmd.with);
  const m = meta(deps, inbound);
  const existing = await deps.store.overrides({ endingAfter: m.now });
  const added = swapFor(rotation, existing, a, b, when(deps, cmd.from), when(deps, cmd.to), m);
  await deps.store.addOverrides(added);
  await armHandoffs(deps);
  const w = words(policy);
  return replyTo(messages(policy.locale).oncall.swapped(w.rotation(rotation.id), w.name(a), w.name(b), added.length));
}

/**
 * `oncall cancel`: take back an override, or a whole swap. One running ends
 * now, so the hands change now: a handoff at this instant tells the person
 * the schedule puts back on call; the later handoffs are armed again.
 */
export async function cancelOverride(deps: AppDeps, cmd: CommandFor<"oncall_cancel">): Promise<Reply> {
  const { policy } = deps;
  const now = deps.clock.now();
  const c = cancellation(await deps.store.overrides(), cmd.override, now);
  await deps.store.removeOverrides(c.ids, now);
  if (c.running) await armHandoffNow(deps, c.rotation, now);
  await armHandoffs(deps);
  const w = words(policy);
  const t = messages(policy.locale).oncall;
  const rotation = w.rotation(c.rotation);
  return replyTo(
    c.swap
      ? t.swapCancelled(rotation, w.name(c.swap.a), w.name(c.swap.b), c.swap.shifts)
      : t.cancelled(rotation, w.name(c.first.personId), w.time(c.first.from), w.time(c.first.to)),
  );
}

const when = (deps: AppDeps, text: string) => parseWhen(text, deps.clock.now(), deps.policy.calendar.timeZone);
