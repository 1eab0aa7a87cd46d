import { UserError } from "../core/errors.js";
import { acknowledge } from "../core/incident/acknowledge.js";
import { messages } from "../core/i18n/index.js";
import { incidentLabel, type Actor } from "../core/model.js";
import { mutate } from "./apply-change.js";
import { replyTo, type AppDeps, type Reply } from "./deps.js";

/** Acknowledge a page (button or command). A second click is answered, not recorded twice. */
export async function acknowledgePage(deps: AppDeps, actor: Actor, incidentId: string, pageId?: string): Promise<Reply> {
  const t = messages(deps.policy.locale);
  // A button can outlive its incident (a wiped database, another Beacon's message): one clear line, no stack.
  if (!(await deps.store.get(incidentId))) throw new UserError("ACTION.STALE");
  return mutate(deps, incidentId, (incident, ctx) => {
    const outcome = acknowledge(ctx, incident, actor, pageId);
    const label = incidentLabel(incident);
    if (outcome.already) return { change: null, result: replyTo(t.reply.alreadyAcknowledged(label, outcome.by), true, incident.id) };
    return { change: outcome.change, result: replyTo(t.reply.acknowledged(label), true, incident.id) };
  });
}
