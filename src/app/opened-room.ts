import type { Incident } from "../core/model.js";
import type { AppDeps } from "./deps.js";

/**
 * The declared incident once its room is open. A command answers after its
 * commit, before its deliveries run (in this process or the worker), so an
 * adapter that wants to tell the declarer where the room is asks here: the
 * store is read every `everyMs` until the room is there, for `waitMs` at most,
 * or until `signal` aborts (a platform that is slow or down, or a process
 * stopping, leaves the first answer as it was).
 */
export async function openedRoom(
  deps: AppDeps,
  incidentId: string,
  opts: { signal?: AbortSignal; waitMs?: number; everyMs?: number } = {},
): Promise<Incident | undefined> {
  const { signal, waitMs = 15_000, everyMs = 100 } = opts;
  for (let waited = 0; ; waited += everyMs) {
    if (signal?.aborted) return undefined; // the platform is stopping: the first answer stands
    const incident = await deps.store.get(incidentId);
    if (incident?.room) return incident;
    if (!incident || waited >= waitMs) return undefined;
    await new Promise<void>((r) => {
      const timer = setTimeout(r, everyMs);
      signal?.addEventListener("abort", () => (clearTimeout(timer), r()), { once: true });
    });
  }
}
