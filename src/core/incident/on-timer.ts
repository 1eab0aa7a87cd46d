import type { ClockState, Incident } from "../model.js";
import { SYSTEM_ACTOR } from "../model.js";
import { isRunning } from "../planning/clock-plan.js";
import { timerKeys, type TimerPayload } from "../timers.js";
import { Change } from "./change.js";
import { minutesBetween, words, type DecisionContext } from "./context.js";
import { escalateInto } from "./escalate.js";
import { parseDuration } from "../calendar/duration.js";

type IncidentTimer = Exclude<TimerPayload, { kind: "deliver" }>;

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
        if (incident.status !== "declared" || incident.paging.generation !== timer.generation || incident.paging.current !== timer.step)
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
    change.record("deadline_missed", SYSTEM_ACTOR, { clock: clock.key, dueAt: clock.dueAt, ...at });
    change.deliver({ what: "post", text: `${w.t.post.missed(w.clock(clock.key), w.time(clock.dueAt))} ${w.mentions(who)}`, mentions: who });
    armOverdue(change, clock, 1);
    if (clock.escalateOnMiss && inc.status === "declared") escalateInto(change, ctx, "deadline_missed");
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

/** Whoever must act on a clock: the unacknowledged pages for an acknowledgement clock, else the lead. */
function mustAct(inc: Incident, clock: ClockState): string[] {
  const paged = inc.pages.filter((p) => !p.ackedAt && p.step === inc.paging.current).map((p) => p.personId);
  if (clock.stopOn === "acknowledge" || !inc.roles.lead)
    return [...new Set(paged.length ? paged : (inc.paging.steps[inc.paging.current]?.page ?? []))];
  return [inc.roles.lead, ...(clock.stopOn === "customer_update" && inc.roles.liaison ? [inc.roles.liaison] : [])];
}

/** Overdue follow-ups are chased each working day at opening time, this many times at most. */
const MAX_FOLLOWUP_REMINDERS = 10;

function onFollowUpDue(change: Change, ctx: DecisionContext, followUpId: string, n: number): boolean {
  const follow = change.incident.followUps.find((f) => f.id === followUpId);
  if (!follow || follow.status !== "open" || !follow.ownerId) return false;
  const t = words(ctx.policy).t.post;
  const text = n === 0 ? t.followupDue(follow.text, follow.ownerId) : t.followupOverdue(follow.text, follow.ownerId, n);
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
