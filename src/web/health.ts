import type { IncidentStore } from "../ports/incident-store.js";
import type { Clock } from "../ports/clock.js";

export interface Probe {
  name: string;
  check(): Promise<void>;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, "ok" | string>;
  /** Seconds the oldest due-but-unfired timer is late: a scheduler falling behind shows here first. */
  oldestDueTimerLateSeconds: number;
  pendingDueTimers: number;
  /** Things to fix before they bite (the policy's holiday list running out); they do not make the process unready. */
  warnings: string[];
}

/** Readiness: every probe answers, and how far behind the timers are. */
export async function readiness(
  probes: Probe[],
  store: IncidentStore,
  clock: Clock,
  warnings: () => string[] = () => [],
): Promise<Readiness> {
  const checks: Record<string, string> = {};
  for (const p of probes) {
    try {
      await withTimeout(p.check(), 2000);
      checks[p.name] = "ok";
    } catch (e) {
      checks[p.name] = (e as Error).message || "unreachable";
    }
  }
  let late = 0;
  let due = 0;
  if (checks.database === "ok" || !("database" in checks)) {
    const now = clock.now();
    const overdue = await store.pendingTimers({ dueBefore: now, limit: 1000 }).catch(() => []);
    due = overdue.length;
    if (overdue[0]) late = Math.max(0, Math.round((now.getTime() - Date.parse(overdue[0].dueAt)) / 1000));
  }
  return {
    ready: Object.values(checks).every((c) => c === "ok"),
    checks,
    oldestDueTimerLateSeconds: late,
    pendingDueTimers: due,
    warnings: warnings(),
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}
