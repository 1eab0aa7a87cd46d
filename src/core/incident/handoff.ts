import { SYSTEM_ACTOR, type Incident } from "../model.js";
import { Change } from "./change.js";
import { words, type DecisionContext } from "./context.js";

/** One change of hands on a rotation, as its handoff timer names it. */
export interface Handoff {
  /** The handoff timer's key: the same on a re-run of the same handoff. */
  key: string;
  rotation: string;
  /** The instant the hands change. */
  at: string;
  /** Who was on call before (none: nobody). */
  from?: string;
  to: string;
}

/**
 * The incoming person hears of an open incident their rotation covers, and
 * the incident records the handoff. Null when the incident already heard of
 * this handoff (or a later one of the rotation): a handoff timer run again
 * after a crash, before it was retired, tells nobody twice.
 */
export function tellHandoff(ctx: DecisionContext, incident: Incident, h: Handoff): Change | null {
  const last = incident.handoffs?.[h.rotation];
  if (last && last >= h.at) return null;
  const w = words(ctx.policy);
  const change = Change.of(incident, ctx.now);
  const inc = change.incident;
  inc.handoffs = { ...inc.handoffs, [h.rotation]: h.at };
  change.record("handoff", SYSTEM_ACTOR, { key: h.key, rotation: h.rotation, at: h.at, ...(h.from ? { from: h.from } : {}), to: h.to });
  const text = w.t.oncall.handoff(
    w.rotation(h.rotation),
    `INC-${inc.number}`,
    inc.title,
    w.severity(inc.severity),
    w.t.status[inc.status]!,
  );
  change.deliver({ what: "notify", personId: h.to, text });
  return change;
}
