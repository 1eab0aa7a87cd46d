import { mayRead } from "../core/access/readers.js";
import { helpText } from "../core/commands/usage.js";
import type { CommandFor } from "../core/commands/verbs.js";
import { parseWhen } from "../core/commands/when.js";
import { formatLocal } from "../core/calendar/zoned.js";
import { incidentLabel, type Actor, type Incident } from "../core/model.js";
import { resolveKind, resolveSeverity } from "../core/policy/lookup.js";
import { renderPlan, simulatePlan } from "../core/simulator.js";
import { renderSummaryMarkdown, renderTimelineLines, summarize } from "../core/summary.js";
import { buildCard } from "../core/views.js";
import { messages } from "../core/i18n/index.js";
import { replyTo, type AppDeps, type Reply } from "./deps.js";

// Read-only answers: nothing here writes.

export function statusReply(deps: AppDeps, incident: Incident): Reply {
  return replyTo(buildCard(deps.policy, incident, deps.clock.now()).text, true, incident.id);
}

export async function listReply(deps: AppDeps): Promise<Reply> {
  const open = await deps.store.list({ status: ["declared", "acknowledged", "resolved"], limit: 50 });
  if (!open.length) return replyTo(messages(deps.policy.locale).reply.noIncidents);
  const { policy } = deps;
  const lines = open.map((i) => {
    const sev = policy.severities[i.severity]?.name[policy.locale] ?? i.severity;
    const status = messages(policy.locale).status[i.status];
    const room = i.room?.name ?? i.room?.channelId ?? "";
    return `${i.drill ? "[DRILL] " : ""}${incidentLabel(i)} ${sev} · ${status} · ${i.title} ${room}`.trim();
  });
  return replyTo(lines.join("\n"));
}

export async function timelineReply(deps: AppDeps, incident: Incident): Promise<Reply> {
  const entries = await deps.store.timeline(incident.id);
  return replyTo(renderTimelineLines(deps.policy, entries).join("\n"), true, incident.id);
}

/**
 * The after-action summary. A person of the policy who may read the incident
 * (a reviewer, or someone who took part) also gets a one-use login link, so
 * the answer goes to them alone with link previews off. Anyone else gets the
 * summary without a link.
 */
export async function summaryReply(deps: AppDeps, incident: Incident, actor?: Actor): Promise<Reply> {
  const entries = await deps.store.timeline(incident.id);
  const facts = summarize(deps.policy, incident.number, entries, deps.clock.now());
  const markdown = renderSummaryMarkdown(deps.policy, facts);
  const person = actor?.personId;
  const link =
    deps.links && person && mayRead(deps.policy, person, incident, entries) ? await deps.links.login(person, incident.number) : undefined;
  if (!link) return replyTo(markdown, false, incident.id);
  return { ...replyTo(`${markdown}\n\n${messages(deps.policy.locale).reply.summaryLink(link)}`, true, incident.id), personal: true };
}

export async function planReply(deps: AppDeps, cmd: CommandFor<"plan">): Promise<Reply> {
  const { policy } = deps;
  const now = deps.clock.now();
  const input = {
    severity: resolveSeverity(policy, cmd.severity),
    kind: resolveKind(policy, cmd.kind),
    at: cmd.at ? parseWhen(cmd.at, now, policy.calendar.timeZone) : now,
    onsite: cmd.onsite,
    claim: cmd.claim,
  };
  const overrides = Object.keys(policy.rotations).length ? await deps.store.overrides({ endingAfter: input.at }) : [];
  return replyTo(renderPlan(policy, simulatePlan(policy, deps.cal, input, overrides), input));
}

export function helpReply(deps: AppDeps, topic?: string): Reply {
  const text = helpText(deps.policy, topic) ?? helpText(deps.policy, undefined)!;
  const now = formatLocal(deps.clock.now(), deps.policy.calendar.timeZone, deps.policy.locale);
  return replyTo(`${text}
${deps.policy.locale === "zh" ? `当前时间：${now}` : `Now: ${now}`}`);
}
