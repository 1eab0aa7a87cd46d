import type { ClockState, Incident } from "../model.js";
import { SYSTEM_ACTOR } from "../model.js";
import { isRunning } from "../planning/clock-plan.js";
import { timerKeys, type TimerPayload } from "../timers.js";
import { Change } from "./change.js";
import { minutesBetween, words, type DecisionContext } from "./context.js";
import { escalateInto } from "./escalate.js";
import { parseDuration } from "../calendar/duration.js";
import { expandTargets } from "../policy/directory.js";

type IncidentTimer = Exclude<TimerPayload, { kind: "deliver" | "alert" | "handoff" }>;

/**
 * What a due timer does to the incident, or null when it is stale: the page
 * was acknowledged, the clock stopped, the plan was replaced. Stale timers are
 * retired without a word (Grafana OnCall's active-escalation guard).
 */
export function onTimer(ctx: DecisionContext, incident: Incident, timer: IncidentTimer, dueAt: string): Change | null {
  const change = Change.of(incident, ctx.now);
  const lateBy = minutesBetween(dueAt, ctx.now);
  const lateMinutes = Math.round(lateBy * 10) / 10;
  const late = lateBy >= parseDuration(ctx.policy.timers.lateAfter);
  const done = (() => {
    switch (timer.kind) {
      case "escalate":
        if (
          incident.paging.ackedAt ||
          (incident.status !== "declared" && incident.status !== "acknowledged") ||
          incident.paging.generation !== timer.generation ||
          incident.paging.current !== timer.step
        )
          return false;
        return escalateInto(change, ctx, "timeout");
      case "remind":
      case "deadline":
      case "overdue":
        return onClockTimer(change, ctx, timer, late);
      case "followup_due":
        return onFollowUpDue(change, ctx, timer.followUpId, timer.n ?? 0);
    }
  })();
  if (!done) return null;
  if (late) {
    change.record("timer_late", SYSTEM_ACTOR, { timer: timer.kind, dueAt, lateMinutes });
    change.deliver({ what: "post", text: words(ctx.policy).t.post.late(lateMinutes), mentions: [] });
  }
  return change;
}

type ClockTimer = Extract<TimerPayload, { kind: "remind" | "deadline" | "overdue" }>;

function onClockTimer(change: Change, ctx: DecisionContext, timer: ClockTimer, late: boolean): boolean {
  const inc = change.incident;
  const clock = inc.clocks.find((c) => c.key === timer.clock && c.run === timer.run);
  if (!clock || !isRunning(clock)) return false;
  const w = words(ctx.policy);
  const who = mustAct(inc, clock);
  const at = { late: late || undefined };
  if (timer.kind === "remind") {
    const left = minutesBetween(ctx.now, clock.dueAt);
    if (left <= 0) return false;
    change.record("reminder_posted", SYSTEM_ACTOR, { clock: clock.key, dueAt: clock.dueAt, overdue: false, ...at });
    change.deliver({
      what: "post",
      text: `${w.t.post.reminder(w.clock(clock.key), w.time(clock.dueAt), w.dur(left))} ${w.mentions(who)}`,
      mentions: who,
    });
    return true;
  }
  if (timer.kind === "deadline") {
    if (clock.missedAt) return false;
    clock.missedAt = change.at;
    const reportTo = reportMissTo(ctx, inc, clock.key);
    clock.reportedTo = reportTo;
    change.record("deadline_missed", SYSTEM_ACTOR, {
      clock: clock.key,
      dueAt: clock.dueAt,
      ...at,
      ...(reportTo.length ? { reportedTo: reportTo } : {}),
    });
    change.deliver({ what: "post", text: `${w.t.post.missed(w.clock(clock.key), w.time(clock.dueAt))} ${w.mentions(who)}`, mentions: who });
    const drill = inc.drill ? `[${w.t.drill}] ` : "";
    const report = `${drill}${w.t.page.missReport(`INC-${inc.number}`, inc.title, w.clock(clock.key), w.time(clock.dueAt), w.severity(inc.severity))}`;
    for (const personId of reportTo) change.deliver({ what: "notify", personId, text: report });
    armOverdue(change, clock, 1);
    const unacknowledged = !inc.paging.ackedAt && (inc.status === "declared" || inc.status === "acknowledged");
    if (clock.escalateOnMiss && unacknowledged) escalateInto(change, ctx, "deadline_missed");
    change.deliver({ what: "card" });
    return true;
  }
  change.record("reminder_posted", SYSTEM_ACTOR, { clock: clock.key, dueAt: clock.dueAt, overdue: true, ...at });
  const lateBy = minutesBetween(clock.dueAt, ctx.now);
  change.deliver({ what: "post", text: `${w.t.post.overdue(w.clock(clock.key), w.dur(lateBy))} ${w.mentions(who)}`, mentions: who });
  armOverdue(change, clock, timer.n + 1);
  return true;
}

function armOverdue(change: Change, clock: ClockState, n: number): void {
  if (!clock.overdueEveryMinutes || n > clock.maxOverdueReminders) return;
  const id = change.incident.id;
  const dueAt = new Date(new Date(clock.dueAt).getTime() + n * clock.overdueEveryMinutes * 60_000);
  const at = dueAt < change.now ? change.now : dueAt;
  change.arm({
    key: timerKeys.overdue(id, clock.key, clock.run, n),
    dueAt: at.toISOString(),
    payload: { kind: "overdue", incidentId: id, clock: clock.key, run: clock.run, n },
  });
}

/**
 * Whoever must act on a clock: the open pages for an acknowledgement clock;
 * the liaison for what the customer must hear or say (with the lead for
 * updates); else the lead; and the people paged when there is no one yet.
 */
function mustAct(inc: Incident, clock: ClockState): string[] {
  const paged = inc.pages.filter((p) => !p.ackedAt && !p.stoodDownAt && p.step === inc.paging.current).map((p) => p.personId);
  const pagedOrPlan = [...new Set(paged.length ? paged : (inc.paging.steps[inc.paging.current]?.page ?? []))];
  const { lead, liaison } = inc.roles;
  switch (clock.stopOn) {
    case "acknowledge":
      return pagedOrPlan;
    case "customer_update":
    case "answer": {
      const people = [...new Set([lead, liaison].filter((p): p is string => !!p))];
      return people.length ? people : pagedOrPlan;
    }
    case "accept":
    case "return_call":
      return liaison ? [liaison] : lead ? [lead] : pagedOrPlan;
    case "done":
    case "resolve":
      return lead ? [lead] : pagedOrPlan;
  }
}

/** Who hears of a missed deadline: the clock's own list, else the policy's for the severity (or `*`), as people. */
function reportMissTo(ctx: DecisionContext, inc: Incident, clockKey: string): string[] {
  const own = ctx.policy.clocks.find((c) => c.key === clockKey)?.reportMissTo;
  const targets = own ?? ctx.policy.misses.reportTo[inc.severity] ?? ctx.policy.misses.reportTo["*"] ?? [];
  return expandTargets(ctx.policy, targets);
}

/** Overdue follow-ups are chased each working day at opening time, this many times at most. */
const MAX_FOLLOWUP_REMINDERS = 10;

function onFollowUpDue(change: Change, ctx: DecisionContext, followUpId: string, n: number): boolean {
  const follow = change.incident.followUps.find((f) => f.id === followUpId);
  if (!follow || follow.status !== "open" || !follow.ownerId) return false;
  const t = words(ctx.policy).t.post;
  const text = n === 0 ? t.followupDue(follow.text, follow.ownerId) : t.followupOverdue(follow.text, follow.ownerId, n);
  // The due day is an event (a webhook may ask for it); the daily chasing after it is not.
  if (n === 0)
    change.record("followup_due", SYSTEM_ACTOR, {
      id: follow.id,
      text: follow.text,
      ownerId: follow.ownerId,
      ...(follow.due ? { due: follow.due } : {}),
    });
  change.deliver({ what: "notify", personId: follow.ownerId, text });
  change.deliver({ what: "post", text, mentions: [follow.ownerId] });
  follow.reminded = n + 1;
  if (n + 1 <= MAX_FOLLOWUP_REMINDERS) {
    // The next working day's opening: step past today's close, then to the next opening.
    const next = ctx.cal.nextOpening(new Date(ctx.now.getTime() + 12 * 3_600_000));
    const key = timerKeys.followupDue(change.incident.id, follow.id, n + 1);
    change.arm({
      key,
      dueAt: next.toISOString(),
      payload: { kind: "followup_due", incidentId: change.incident.id, followUpId: follow.id, n: n + 1 },
    });
  }
  return true;
}
