import type { CommandFor } from "../core/commands/verbs.js";
import { declareIncident as decideDeclare } from "../core/incident/declare.js";
import { messages } from "../core/i18n/index.js";
import { incidentLabel } from "../core/model.js";
import { resolveKind, resolveSeverity } from "../core/policy/lookup.js";
import { DuplicateRequestError } from "../ports/incident-store.js";
import { applyNew, pagingContext } from "./apply-change.js";
import { replyTo, type AppDeps, type Inbound, type Reply } from "./deps.js";

/**
 * Declare an incident. Idempotent on the request key: a platform retry or a
 * double submit returns the incident already declared instead of a second one.
 */
export async function declareIncident(deps: AppDeps, inbound: Inbound, fields: CommandFor<"declare">): Promise<Reply> {
  const t = messages(deps.policy.locale);
  const severity = resolveSeverity(deps.policy, fields.severity);
  const kind = resolveKind(deps.policy, fields.kind);
  const id = deps.newId();
  const ctx = await pagingContext(deps);
  try {
    // The number is taken inside the declare's own transaction: a declare that fails leaves no gap.
    const incident = await applyNew(deps, (number) =>
      decideDeclare(ctx, {
        ...fields,
        drill: fields.drill ?? false,
        id,
        number,
        requestKey: inbound.requestKey,
        severity,
        kind,
        actor: inbound.actor,
      }),
    );
    return { ...replyTo(t.reply.declared(incidentLabel(incident)), true, incident.id), roomPending: true };
  } catch (e) {
    // A retried request: the request key is unique, so the second commit is refused whole (its number given back).
    if (!(e instanceof DuplicateRequestError)) throw e;
    const first = await deps.store.getByRequestKey(inbound.requestKey);
    return { ...replyTo(t.reply.duplicate(first ? incidentLabel(first) : inbound.requestKey), true, first?.id), duplicate: true };
  }
}
