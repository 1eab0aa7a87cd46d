import type { Actor, Incident } from "../model.js";
import { effectiveKind, planPaging } from "../planning/paging-plan.js";
import { clockTimers, planClocks } from "../planning/clock-plan.js";
import { Change } from "./change.js";
import { words, type DecisionContext } from "./context.js";
import { pageStep } from "./paging.js";

export interface DeclareInput {
  id: string;
  number: number;
  requestKey: string;
  title: string;
  severity: string;
  kind: string;
  drill: boolean;
  actor: Actor;
  customer?: string;
  region?: string;
  onsite?: "local" | "remote";
  claim?: boolean;
  description?: string;
  alert?: Incident["alert"];
}

/** A new incident: frozen paging plan, running clocks, first paging step, room and card to open. */
export function declareIncident(ctx: DecisionContext, input: DeclareInput): Change {
  const at = ctx.now.toISOString();
  // A drill kind rehearses another kind's flow: same paging, same clocks, labelled.
  const runs = effectiveKind(ctx.policy, input.kind);
  const drill = input.drill || runs.drill;
  const base: Incident = {
    id: input.id,
    number: input.number,
    requestKey: input.requestKey,
    title: input.title,
    kind: runs.kind,
    severity: input.severity,
    status: "declared",
    drill,
    declaredAt: at,
    declaredBy: input.actor,
    customer: input.customer,
    region: input.region,
    onsite: input.onsite,
    claim: input.claim,
    description: input.description,
    ...(input.alert ? { alert: input.alert } : {}),
    roles: { handlers: [] },
    paging: { steps: planPaging(ctx.policy, input.severity, runs.kind), current: 0, startedAt: at, generation: 1 },
    pages: [],
    clocks: [],
    followUps: [],
    version: 0,
    nextSeq: 0,
  };
  base.clocks = planClocks(ctx.policy, ctx.cal, base, ctx.now);
  const change = new Change(null, base, ctx.now);
  const inc = change.incident;
  const w = words(ctx.policy);
  change.record("declared", input.actor, {
    title: inc.title,
    severity: inc.severity,
    kind: inc.kind,
    drill,
    customer: inc.customer,
    clocks: inc.clocks.map((c) => ({ key: c.key, dueAt: c.dueAt, basis: c.basis })),
  });
  change.deliver({ what: "open_room" });
  change.deliver({ what: "card" });
  change.deliver({
    what: "post",
    text: w.t.post.declared(`INC-${inc.number}`, inc.title, w.severity(inc.severity), w.kind(inc.kind), w.mention(input.actor)),
    mentions: [],
  });
  pageStep(change, ctx, 0, input.actor);
  for (const clock of inc.clocks) for (const t of clockTimers(inc.id, clock, ctx.now)) change.arm(t);
  return change;
}
