import { alertActor, alertChange, alreadyRecorded, recordAlert, type AlertMark } from "../core/alerts/decide.js";
import type { Alert } from "../core/alerts/normalize.js";
import { classifyAlert } from "../core/alerts/rules.js";
import { parseDuration } from "../core/calendar/duration.js";
import { declareIncident as decideDeclare } from "../core/incident/declare.js";
import type { Incident } from "../core/model.js";
import { timerKeys, type TimerPayload } from "../core/timers.js";
import { DuplicateRequestError } from "../ports/incident-store.js";
import { applyNew, mutate, pagingContext } from "./apply-change.js";
import type { AppDeps } from "./deps.js";

// Alerts in. A request's alerts are stored first, as one timer of the ledger
// (so an answer of 202 means they are kept even if Beacon stops now), then
// processed as that timer falls due: declared, recorded on the incident they
// repeat, folded into the incident a storm already declared, or dropped by a rule.

type AlertBatch = Extract<TimerPayload, { kind: "alert" }>;

/** Keep a source's alerts in the ledger and wake the scheduler; `request` identifies the request (a replay is stored once). */
export async function acceptAlerts(deps: AppDeps, source: string, request: string, alerts: Alert[]): Promise<void> {
  const timer = {
    key: timerKeys.alert(source, request),
    dueAt: deps.clock.now().toISOString(),
    payload: { kind: "alert" as const, source, alerts },
  };
  await deps.store.enqueue([timer]);
  try {
    await deps.scheduler.arm([timer]);
  } catch (e) {
    // Kept in the ledger: the scheduler's reconcile finds it.
    deps.log.warn("alerts stored but the scheduler could not be woken", { key: timer.key, error: String(e) });
  }
}

/**
 * Process one stored batch. Each alert's look-up-then-declare-or-fold runs
 * under its source's lock (`store.exclusive`), so of two workers processing a
 * storm, one declares and the other folds into what it declared. Each alert's
 * effect is marked on its incident (`<batch key>:<index>`): a batch run again
 * after a crash, its timer not yet retired, skips the alerts already done.
 */
export async function processAlerts(deps: AppDeps, key: string, batch: AlertBatch): Promise<void> {
  const source = deps.policy.alerts.sources[batch.source];
  if (source) {
    for (const [index, alert] of batch.alerts.entries()) {
      const c = classifyAlert(deps.policy, batch.source, alert);
      if (c.drop) continue;
      const a = {
        source: batch.source,
        name: source.name,
        alert,
        title: c.title,
        proposeResolve: c.proposeResolve,
        mark: { batch: key, index },
      };
      await deps.store.exclusive(`alerts:${batch.source}`, () => processAlert(deps, a, c));
    }
  } else deps.log.warn("alerts from a source the policy no longer has were dropped", { key, source: batch.source });
  await deps.store.retireTimer(key, deps.clock.now());
}

type AlertInput = Parameters<typeof alertChange>[2] & { mark: AlertMark };

/** Record the alert on the incident it repeats or a storm declared, else declare one if it fires. */
async function processAlert(deps: AppDeps, a: AlertInput, c: { severity: string; kind: string; title: string }): Promise<void> {
  const windowMs = parseDuration(deps.policy.alerts.stormWindow) * 60_000;
  const open = (await deps.store.list({ status: ["declared", "acknowledged"], limit: 1000 })).filter(
    (inc) => inc.alert?.source === a.source,
  );
  const now = deps.clock.now().getTime();
  const target =
    open.find((inc) => inc.alert!.fingerprints.includes(a.alert.fingerprint)) ??
    (a.alert.status === "firing" ? open.find((inc) => now - Date.parse(inc.declaredAt) <= windowMs) : undefined);
  if (target)
    await mutate(deps, target.id, (inc, ctx) => ({
      change: alreadyRecorded(inc, a.mark) ? null : alertChange(ctx, inc, a),
      result: null,
    }));
  else if (a.alert.status === "firing") await declareFrom(deps, `${a.mark.batch}:${a.mark.index}`, a, c);
}

async function declareFrom(
  deps: AppDeps,
  requestKey: string,
  a: AlertInput,
  c: { severity: string; kind: string; title: string },
): Promise<Incident | null> {
  if (await deps.store.getByRequestKey(requestKey)) return null;
  const ctx = await pagingContext(deps);
  const fp = a.alert.fingerprint;
  const id = deps.newId();
  try {
    // Numbered inside the declare's own transaction, like a person's declaration.
    return await applyNew(deps, (number) => {
      const change = decideDeclare(ctx, {
        id,
        number,
        requestKey,
        title: c.title,
        severity: c.severity,
        kind: c.kind,
        drill: false,
        actor: alertActor(a.source, a.name),
        alert: { source: a.source, fingerprints: [fp], firing: [fp], labels: a.alert.labels, links: a.alert.links },
      });
      recordAlert(change, ctx, { ...a, first: true });
      return change;
    });
  } catch (e) {
    if (e instanceof DuplicateRequestError) return null;
    throw e;
  }
}
