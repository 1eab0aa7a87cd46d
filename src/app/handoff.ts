import { tellHandoff } from "../core/incident/handoff.js";
import type { Incident } from "../core/model.js";
import { rotationOf } from "../core/oncall/on-call.js";
import { onCallAt, onCallSpans } from "../core/oncall/rotation.js";
import { timerKeys, type TimerPayload, type TimerSpec } from "../core/timers.js";
import { mutate } from "./apply-change.js";
import type { AppDeps } from "./deps.js";

// At each handoff the incoming person hears, by direct message, which open
// incidents their rotation covers (one message per incident, through its
// outbox). A handoff timer arms the next one; `armHandoffs` arms the first at
// start and after an override, swap or cancellation (keys are per rotation and instant, so
// arming twice is a no-op, and a handoff that no longer changes hands is silent).
// Each incident told records the handoff, so a re-run after a crash tells nobody twice.

/** How far ahead the next change of hands is looked for. */
const HORIZON_MS = 62 * 86_400_000;

function nextHandoff(deps: AppDeps, rotation: string, after: Date, overrides: Parameters<typeof onCallSpans>[1]): TimerSpec | undefined {
  const r = rotationOf(deps.policy, deps.cal, rotation);
  if (!r) return undefined;
  const next = onCallSpans(r, overrides, after, new Date(after.getTime() + HORIZON_MS))[1];
  if (!next) return undefined;
  const at = next.start.toISOString();
  return { key: timerKeys.handoff(rotation, at), dueAt: at, payload: { kind: "handoff", rotation, at } };
}

/** Arm the next handoff of every rotation. */
export async function armHandoffs(deps: AppDeps): Promise<void> {
  const rotations = Object.keys(deps.policy.rotations);
  if (!rotations.length) return;
  const now = deps.clock.now();
  const overrides = await deps.store.overrides({ endingAfter: now });
  const timers = rotations.map((r) => nextHandoff(deps, r, now, overrides)).filter((t): t is TimerSpec => !!t);
  await deps.store.enqueue(timers);
  await deps.scheduler.arm(timers).catch(() => undefined); // kept in the ledger: reconcile re-arms it
}

/** A handoff at this instant (an override taken back while it ran): silent unless the hands change now. */
export async function armHandoffNow(deps: AppDeps, rotation: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const timer: TimerSpec = { key: timerKeys.handoff(rotation, at), dueAt: at, payload: { kind: "handoff", rotation, at } };
  await deps.store.enqueue([timer]);
  await deps.scheduler.arm([timer]).catch(() => undefined);
}

const covers = (inc: Incident, rotation: string) =>
  inc.paging.steps.some((s) => s.rotations?.page.includes(rotation) || s.rotations?.notify.includes(rotation));

export async function handOff(deps: AppDeps, key: string, p: Extract<TimerPayload, { kind: "handoff" }>): Promise<void> {
  const r = rotationOf(deps.policy, deps.cal, p.rotation);
  const at = new Date(p.at);
  const overrides = await deps.store.overrides({ endingAfter: new Date(at.getTime() - 1) });
  const incoming = r && onCallAt(r, overrides, at);
  const outgoing = r && onCallAt(r, overrides, new Date(at.getTime() - 1));
  if (r && incoming && incoming !== outgoing) {
    const open = await deps.store.list({ status: ["declared", "acknowledged"], limit: 1000 });
    const handoff = { key, rotation: p.rotation, at: p.at, ...(outgoing ? { from: outgoing } : {}), to: incoming };
    for (const inc of open.filter((i) => covers(i, p.rotation))) {
      await mutate(deps, inc.id, (fresh, ctx) => ({ change: tellHandoff(ctx, fresh, handoff), result: null }));
    }
  }
  await deps.store.retireTimer(key, deps.clock.now());
  const next = r && nextHandoff(deps, p.rotation, at, overrides);
  if (next) {
    await deps.store.enqueue([next]);
    await deps.scheduler.arm([next]).catch(() => undefined);
  }
}
