import type { Actor, PagingStep } from "../model.js";
import { SYSTEM_ACTOR } from "../model.js";
import { onCallAt } from "../oncall/rotation.js";
import { rotationOf } from "../oncall/on-call.js";
import { timerKeys } from "../timers.js";
import type { Change } from "./change.js";
import { words, type DecisionContext } from "./context.js";

/**
 * Page one step of the incident's frozen plan: record the pages, deliver them,
 * inform the step's FYI list, and arm the wait for an acknowledgement. People
 * already holding an open page, or who already acknowledged this incident,
 * are not paged again. `fyi` replaces the notice the informed people get.
 */
export function pageStep(change: Change, ctx: DecisionContext, step: number, actor: Actor = SYSTEM_ACTOR, fyi?: string): void {
  const inc = change.incident;
  const frozen = inc.paging.steps[step];
  if (!frozen) return;
  const plan = stepPeople(ctx, frozen);
  const w = words(ctx.policy);
  const drill = inc.drill ? `[${w.t.drill}] ` : "";
  inc.paging.current = step;
  const engaged = new Set(inc.pages.filter((p) => (!p.ackedAt && !p.stoodDownAt) || p.ackedBy === p.personId).map((p) => p.personId));
  const fresh = plan.page.filter((p) => !engaged.has(p));
  for (const personId of fresh) {
    const page = { id: `${inc.id}:p${inc.pages.length + 1}`, step, generation: inc.paging.generation, personId, pagedAt: change.at };
    inc.pages.push(page);
    change.deliver({ what: "page", pageId: page.id });
  }
  const notice = fyi ?? w.t.page.fyi(`INC-${inc.number}`, inc.title, w.severity(inc.severity));
  for (const personId of plan.notify) change.deliver({ what: "notify", personId, text: `${drill}${notice}` });
  // A step whose people are all already on the incident pages nobody: nothing to record as "paging step 1: none".
  if (fresh.length || plan.notify.length)
    change.record("paged", actor, {
      step: step + 1,
      personIds: fresh,
      notified: plan.notify,
      groups: plan.groups,
      ...(plan.onCall.length ? { onCall: plan.onCall } : {}),
    });
  if (plan.page.length) {
    change.deliver({
      what: "post",
      text: w.t.post.paged(step + 1, w.mentions(roomMentions(ctx, inc.declaredBy.platform, plan))),
      mentions: plan.page,
    });
  }
  if (plan.notify.length) change.deliver({ what: "post", text: w.t.post.informed(w.names(plan.notify)), mentions: [] });
  const dueAt = new Date(ctx.now.getTime() + plan.waitMinutes * 60_000).toISOString();
  const { generation } = inc.paging;
  change.arm({
    key: timerKeys.escalate(inc.id, generation, step),
    dueAt,
    payload: { kind: "escalate", incidentId: inc.id, generation, step },
  });
}

/**
 * The people of a frozen step as it fires: its fixed people, and whoever is
 * on call now for each rotation it names (an escalation that fires after a
 * handoff reaches the incoming person). `onCall` says who each rotation
 * resolved to, for the timeline.
 */
export function stepPeople(
  ctx: DecisionContext,
  step: PagingStep,
): PagingStep & { onCall: Array<{ rotation: string; personId?: string }> } {
  const onCall: Array<{ rotation: string; personId?: string }> = [];
  const resolve = (ids: string[]) =>
    ids.flatMap((rotation) => {
      const r = rotationOf(ctx.policy, ctx.cal, rotation);
      const personId = r && onCallAt(r, ctx.overrides ?? [], ctx.now);
      if (!onCall.some((o) => o.rotation === rotation)) onCall.push({ rotation, ...(personId ? { personId } : {}) });
      return personId ? [personId] : [];
    });
  const page = [...new Set([...step.page, ...resolve(step.rotations?.page ?? [])])];
  const notify = [...new Set([...step.notify, ...resolve(step.rotations?.notify ?? [])])].filter((p) => !page.includes(p));
  return { ...step, page, notify, onCall };
}

/** Cancel every escalation wait of the current plan (an acknowledgement, a resolve, a re-plan). */
export function stopEscalation(change: Change): void {
  const inc = change.incident;
  inc.paging.steps.forEach((_, step) => change.cancel(timerKeys.escalate(inc.id, inc.paging.generation, step)));
}

/** Page updates for every page not yet acknowledged (shown as acknowledged by someone else). */
export function refreshPages(change: Change): void {
  for (const page of change.incident.pages) change.deliver({ what: "page_update", pageId: page.id });
}

/**
 * Release the people whose open pages belong to a plan that no longer
 * applies (a lowered severity): their pages say so, and each gets a word.
 */
export function standDown(change: Change, ctx: DecisionContext, keep: Set<string>, actor: Actor): void {
  const inc = change.incident;
  const w = words(ctx.policy);
  const released = inc.pages.filter((p) => !p.ackedAt && !p.stoodDownAt && !keep.has(p.personId));
  if (!released.length) return;
  for (const page of released) {
    page.stoodDownAt = change.at;
    change.deliver({ what: "page_update", pageId: page.id });
  }
  const people = [...new Set(released.map((p) => p.personId))];
  for (const personId of people) {
    change.deliver({ what: "notify", personId, text: w.t.page.standDown(`INC-${inc.number}`, inc.title, w.severity(inc.severity)) });
  }
  change.record("stood_down", actor, { personIds: people });
}

/**
 * Who the room post mentions for a step: a paged group that has an identity
 * on the incident's platform (a Slack user group, a Discord role) is
 * mentioned as the group; everyone else paged is mentioned by name. The
 * members are paged by direct message either way.
 */
function roomMentions(ctx: DecisionContext, platform: string, plan: { page: string[]; groups: string[] }): string[] {
  const paged = plan.groups.filter((g) => {
    const group = ctx.policy.groups[g];
    const id = group?.ids[platform];
    return !!id && group!.members.length > 0 && group!.members.every((m) => plan.page.includes(m));
  });
  const covered = new Set(paged.flatMap((g) => ctx.policy.groups[g]!.members));
  return [...paged, ...plan.page.filter((p) => !covered.has(p))];
}
