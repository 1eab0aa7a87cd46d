import type { Change } from "../core/incident/change.js";
import type { DecisionContext } from "../core/incident/context.js";
import { escalate } from "../core/incident/escalate.js";
import { addFollowUp, completeFollowUp } from "../core/incident/follow-ups.js";
import { assertCan } from "../core/incident/lifecycle.js";
import { addClaim, addNote, assignRole, markClockDone, postUpdate, setOnsite } from "../core/incident/record.js";
import { accept, close, refuse, reopen, resolve, returnCall } from "../core/incident/resolve.js";
import { waive } from "../core/incident/waive.js";
import { changeSeverity } from "../core/incident/severity.js";
import { UserError } from "../core/errors.js";
import { messages, type Messages } from "../core/i18n/index.js";
import { incidentLabel, type Actor, type Incident } from "../core/model.js";
import { resolvePerson, resolveSeverity } from "../core/policy/lookup.js";
import type { CommandFor, CommandName } from "../core/commands/verbs.js";
import { accessList, accessRevoke, accessToken } from "./access.js";
import { acknowledgePage } from "./acknowledge-page.js";
import { mutate } from "./apply-change.js";
import { declareIncident } from "./declare-incident.js";
import { replyTo, type AppDeps, type Inbound, type Reply } from "./deps.js";
import { findIncident } from "./find-incident.js";
import { addOverride, cancelOverride, onCallReply, overridesReply, swapShifts } from "./oncall.js";
import { helpReply, listReply, planReply, statusReply, summaryReply, timelineReply } from "./queries.js";

// The use-case behind every verb of the command spec. The type asks for one
// handler per verb: a verb added to core/commands/verbs.ts does not compile
// until it has one here.

type Handler<N extends CommandName> = (deps: AppDeps, inbound: Inbound, cmd: CommandFor<N>) => Promise<Reply>;

interface Decided {
  change: Change | null;
  text: string;
}

type Decide<N extends CommandName> = (a: {
  cmd: CommandFor<N>;
  inc: Incident;
  ctx: DecisionContext;
  actor: Actor;
  t: Messages;
  label: string;
}) => Decided;

/** A verb that changes an existing incident: find it, decide on fresh state, commit (retrying on a conflict), answer. */
function onIncident<N extends CommandName>(decide: Decide<N>): Handler<N> {
  return async (deps, inbound, cmd) => {
    const found = await findIncident(deps, inbound, (cmd as { number?: number }).number);
    const t = messages(deps.policy.locale);
    return mutate(deps, found.id, (inc, ctx) => {
      const { change, text } = decide({ cmd, inc, ctx, actor: inbound.actor, t, label: incidentLabel(inc) });
      return { change, result: replyTo(text, true, inc.id) };
    });
  };
}

/** A verb that reads an incident. */
function readIncident<N extends CommandName>(
  read: (deps: AppDeps, incident: Incident, inbound: Inbound) => Reply | Promise<Reply>,
): Handler<N> {
  return async (deps, inbound, cmd) => read(deps, await findIncident(deps, inbound, (cmd as { number?: number }).number), inbound);
}

const statusName = (t: Messages) => (s: Incident["status"]) => t.status[s]!;

export const HANDLERS: { [N in CommandName]: Handler<N> } = {
  declare: (deps, inbound, cmd) => declareIncident(deps, inbound, cmd),
  ack: async (deps, inbound, cmd) => acknowledgePage(deps, inbound.actor, (await findIncident(deps, inbound, cmd.number)).id),
  escalate: onIncident(({ inc, ctx, actor, t, label }) => {
    assertCan(inc, "escalate", statusName(t));
    const change = escalate(ctx, inc, "manual", actor);
    return { change, text: change ? t.reply.escalated(label, change.incident.paging.current + 1) : t.reply.noMoreSteps(label) };
  }),
  sev: onIncident(({ cmd, inc, ctx, actor, t, label }) => {
    const severity = resolveSeverity(ctx.policy, cmd.severity);
    assertCan(inc, "severity", statusName(t));
    if (severity === inc.severity) throw new UserError("SEVERITY.SAME", { label, value: cmd.severity });
    return {
      change: changeSeverity(ctx, inc, severity, cmd.reason, actor),
      text: t.reply.severityChanged(label, ctx.policy.severities[severity]!.name[ctx.policy.locale]),
    };
  }),
  note: onIncident(({ cmd, inc, ctx, actor, t, label }) => ({
    change: addNote(ctx, inc, actor, { text: cmd.text, source: "command" }),
    text: t.reply.noted(label),
  })),
  role: onIncident(({ cmd, inc, ctx, actor, t, label }) => {
    const person = resolvePerson(ctx.policy, cmd.person);
    return {
      change: assignRole(ctx, inc, actor, cmd.role, person),
      text: t.reply.roleAssigned(label, t.role[cmd.role]!, ctx.policy.people[person]!.name),
    };
  }),
  update: onIncident(({ cmd, inc, ctx, actor, t, label }) => ({
    change: postUpdate(ctx, inc, actor, cmd.audience, cmd.text, cmd.answer ?? false),
    text: t.reply.updated(label),
  })),
  done: onIncident(({ cmd, inc, ctx, actor, t, label }) => {
    const key = cmd.deadline.toLowerCase();
    return { change: markClockDone(ctx, inc, actor, key), text: t.reply.clockDone(label, key) };
  }),
  resolve: onIncident(({ cmd, inc, ctx, actor, t, label }) => ({
    change: resolve(ctx, inc, actor, cmd.summary),
    text: t.reply.resolved(label),
  })),
  close: onIncident(({ inc, ctx, actor, t, label }) => ({ change: close(ctx, inc, actor), text: t.reply.closed(label) })),
  waive: onIncident(({ cmd, inc, ctx, actor, t, label }) => {
    const key = cmd.deadline.toLowerCase();
    return { change: waive(ctx, inc, actor, key, cmd.reason), text: t.reply.waived(label, key) };
  }),
  claim: onIncident(({ inc, ctx, actor, t, label }) => ({ change: addClaim(ctx, inc, actor), text: t.reply.claimAdded(label) })),
  onsite: onIncident(({ cmd, inc, ctx, actor, t, label }) => ({
    change: setOnsite(ctx, inc, actor, cmd.where),
    text: t.reply.onsiteSet(label),
  })),
  accept: onIncident(({ cmd, inc, ctx, actor, t, label }) => ({
    change: accept(ctx, inc, actor, cmd.satisfaction, cmd.comment),
    text: t.reply.accepted(label),
  })),
  refuse: onIncident(({ cmd, inc, ctx, actor, t, label }) => ({
    change: refuse(ctx, inc, actor, cmd.reason),
    text: t.reply.refused(label),
  })),
  callback: onIncident(({ cmd, inc, ctx, actor, t, label }) => ({
    change: returnCall(ctx, inc, actor, cmd.outcome === "reached", cmd.satisfaction, cmd.comment),
    text: t.reply.returnCall(label),
  })),
  reopen: onIncident(({ cmd, inc, ctx, actor, t, label }) => ({
    change: reopen(ctx, inc, actor, cmd.reason),
    text: t.reply.reopened(label),
  })),
  followup: onIncident(({ cmd, inc, ctx, actor, t, label }) => {
    const owner = cmd.owner ? resolvePerson(ctx.policy, cmd.owner) : undefined;
    const change = addFollowUp(ctx, inc, actor, cmd.text, owner, cmd.due);
    return { change, text: t.reply.followupAdded(label, change.incident.followUps.at(-1)!.id) };
  }),
  followup_done: onIncident(({ cmd, inc, ctx, actor, t, label }) => ({
    change: completeFollowUp(ctx, inc, actor, cmd.id),
    text: t.reply.followupDone(label, cmd.id.toUpperCase()),
  })),
  status: readIncident((deps, incident) => statusReply(deps, incident)),
  timeline: readIncident((deps, incident) => timelineReply(deps, incident)),
  summary: readIncident((deps, incident, inbound) => summaryReply(deps, incident, inbound.actor)),
  list: async (deps) => listReply(deps),
  access_list: async (deps) => accessList(deps),
  access_revoke: async (deps, _inbound, cmd) => accessRevoke(deps, cmd),
  access_token: async (deps, _inbound, cmd) => accessToken(deps, cmd),
  plan: async (deps, _inbound, cmd) => planReply(deps, cmd),
  oncall: async (deps, _inbound, cmd) => onCallReply(deps, cmd),
  oncall_list: async (deps) => overridesReply(deps),
  oncall_override: (deps, inbound, cmd) => addOverride(deps, inbound, cmd),
  oncall_swap: (deps, inbound, cmd) => swapShifts(deps, inbound, cmd),
  oncall_cancel: (deps, _inbound, cmd) => cancelOverride(deps, cmd),
  help: async (deps, _inbound, cmd) => helpReply(deps, cmd.topic),
};
