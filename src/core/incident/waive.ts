import type { Actor, Incident } from "../model.js";
import { Change } from "./change.js";
import { waiveClock } from "./clocks.js";
import { words, type DecisionContext } from "./context.js";
import { assertCan } from "./lifecycle.js";

/** Waive a deadline with a reason (someone with the waive permission): listed apart, never counted as met or missed. */
export function waive(ctx: DecisionContext, incident: Incident, actor: Actor, key: string, reason: string): Change {
  const w = words(ctx.policy);
  assertCan(incident, "waive", (s) => w.t.status[s]!);
  const change = Change.of(incident, ctx.now);
  waiveClock(change, ctx, key, reason, actor);
  change.deliver({ what: "card" });
  return change;
}
