import type { Command } from "../core/commands/command.js";
import { escalate } from "../core/incident/escalate.js";
import { addFollowUp, completeFollowUp } from "../core/incident/follow-ups.js";
import { assertCan } from "../core/incident/lifecycle.js";
import { addNote, assignRole, markClockDone, postUpdate } from "../core/incident/record.js";
import { close, reopen, resolve } from "../core/incident/resolve.js";
import { changeSeverity } from "../core/incident/severity.js";
import { UserError } from "../core/errors.js";
import { messages } from "../core/i18n/index.js";
import { incidentLabel, type Incident } from "../core/model.js";
import { resolvePerson, resolveSeverity } from "../core/policy/lookup.js";
import { mutate } from "./apply-change.js";
import { replyTo, type AppDeps, type Inbound, type Reply } from "./deps.js";
import { requirePermission } from "./permissions.js";

type Mutation = Extract<
  Command,
  { name: "escalate" | "sev" | "note" | "role" | "update" | "done" | "resolve" | "close" | "reopen" | "followup" | "followup_done" }
>;

/**
 * Every command that changes an existing incident, other than acknowledge and
 * declare: check permission, decide on fresh state, commit, answer.
 */
export async function changeIncident(deps: AppDeps, inbound: Inbound, incident: Incident, cmd: Mutation): Promise<Reply> {
  const { policy } = deps;
  const t = messages(policy.locale);
  const actor = inbound.actor;
  const label = incidentLabel(incident);
  const statusName = (s: Incident["status"]) => t.status[s]!;
  // Inputs that depend on the policy are resolved before any write.
  const severity = cmd.name === "sev" ? resolveSeverity(policy, cmd.severity) : undefined;
  const person =
    cmd.name === "role"
      ? resolvePerson(policy, cmd.person)
      : cmd.name === "followup" && cmd.owner
        ? resolvePerson(policy, cmd.owner)
        : undefined;
  if (cmd.name === "sev") requirePermission(policy, actor, "severity");
  if (cmd.name === "resolve") requirePermission(policy, actor, "resolve");
  if (cmd.name === "close" || cmd.name === "reopen") requirePermission(policy, actor, "close");

  return mutate(deps, incident.id, (inc, ctx) => {
    const done = (change: ReturnType<typeof addNote> | null, text: string) => ({ change, result: replyTo(text, true, inc.id) });
    switch (cmd.name) {
      case "escalate": {
        assertCan(inc, "escalate", statusName);
        const change = escalate(ctx, inc, "manual", actor);
        return done(change, change ? t.reply.escalated(label, change.incident.paging.current + 1) : t.reply.noMoreSteps(label));
      }
      case "sev":
        assertCan(inc, "severity", statusName);
        if (severity === inc.severity) throw new UserError("SEVERITY.SAME", { label, value: cmd.severity });
        return done(
          changeSeverity(ctx, inc, severity!, cmd.reason, actor),
          t.reply.severityChanged(label, policy.severities[severity!]!.name[policy.locale]),
        );
      case "note":
        return done(addNote(ctx, inc, actor, { text: cmd.text, source: "command" }), t.reply.noted(label));
      case "role":
        return done(
          assignRole(ctx, inc, actor, cmd.role, person!),
          t.reply.roleAssigned(label, t.role[cmd.role]!, policy.people[person!]!.name),
        );
      case "update":
        return done(postUpdate(ctx, inc, actor, cmd.audience, cmd.text), t.reply.updated(label));
      case "done":
        return done(markClockDone(ctx, inc, actor, cmd.clock), t.reply.clockDone(label, cmd.clock));
      case "resolve":
        return done(resolve(ctx, inc, actor, cmd.summary), t.reply.resolved(label));
      case "close":
        return done(close(ctx, inc, actor, cmd.satisfaction), t.reply.closed(label));
      case "reopen":
        return done(reopen(ctx, inc, actor, cmd.reason), t.reply.reopened(label));
      case "followup": {
        const change = addFollowUp(ctx, inc, actor, cmd.text, person, cmd.due);
        return done(change, t.reply.followupAdded(label, change.incident.followUps.at(-1)!.id));
      }
      case "followup_done":
        return done(completeFollowUp(ctx, inc, actor, cmd.id), t.reply.followupDone(label, cmd.id.toUpperCase()));
    }
  });
}
