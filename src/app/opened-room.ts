import type { Incident } from "../core/model.js";
import type { AppDeps } from "./deps.js";

/**
 * The declared incident once its room is open. A command answers after its
 * commit, before its deliveries run (in this process or the worker), so an
 * adapter that wants to tell the declarer where the room is asks here: the
 * store is read every `everyMs` until the room is there, for `waitMs` at most
 * (a platform that is slow or down leaves the first answer as it was).
 */
export async function openedRoom(deps: AppDeps, incidentId: string, waitMs = 15_000, everyMs = 100): Promise<Incident | undefined> {
  for (let waited = 0; ; waited += everyMs) {
    const incident = await deps.store.get(incidentId);
    if (incident?.room) return incident;
    if (!incident || waited >= waitMs) return undefined;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
