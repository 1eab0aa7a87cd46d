import type { CommandFor } from "../core/commands/verbs.js";
import { declareIncident as decideDeclare } from "../core/incident/declare.js";
import { messages } from "../core/i18n/index.js";
import { incidentLabel } from "../core/model.js";
import { resolveKind, resolveSeverity } from "../core/policy/lookup.js";
import { DuplicateRequestError } from "../ports/incident-store.js";
import { applyChange, pagingContext } from "./apply-change.js";
import { replyTo, type AppDeps, type Inbound, type Reply } from "./deps.js";

/**
 * Declare an incident. Idempotent on the request key: a platform retry or a
 * double submit returns the incident already declared instead of a second one.
 */
export async function declareIncident(deps: AppDeps, inbound: Inbound, fields: CommandFor<"declare">): Promise<Reply> {
  const t = messages(deps.policy.locale);
  const severity = resolveSeverity(deps.policy, fields.severity);
  const kind = resolveKind(deps.policy, fields.kind);
  const existing = await deps.store.getByRequestKey(inbound.requestKey);
  if (existing) return replyTo(t.reply.duplicate(incidentLabel(existing)), true, existing.id);
  const number = await deps.store.nextNumber();
  const change = decideDeclare(await pagingContext(deps), {
    ...fields,
    drill: fields.drill ?? false,
    id: deps.newId(),
    number,
    requestKey: inbound.requestKey,
    severity,
    kind,
    actor: inbound.actor,
  });
  try {
    const incident = await applyChange(deps, change);
    return replyTo(t.reply.declared(incidentLabel(incident)), true, incident.id);
  } catch (e) {
    if (!(e instanceof DuplicateRequestError)) throw e;
    const first = await deps.store.getByRequestKey(inbound.requestKey);
    return replyTo(t.reply.duplicate(first ? incidentLabel(first) : inbound.requestKey), true, first?.id);
  }
}
