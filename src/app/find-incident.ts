import { UserError } from "../core/errors.js";
import type { Incident } from "../core/model.js";
import type { AppDeps, Inbound } from "./deps.js";

/** The incident a command is about: named (#12), else the one whose room the command was typed in. */
export async function findIncident(deps: AppDeps, inbound: Inbound, number?: number): Promise<Incident> {
  if (number !== undefined) {
    const found = await deps.store.getByNumber(number);
    if (!found) throw new UserError("INCIDENT.NOT_FOUND", { ref: `#${number}` });
    return found;
  }
  if (inbound.channelId) {
    const found = await deps.store.getByRoom(inbound.actor.platform, inbound.channelId);
    if (found) return found;
  }
  throw new UserError("INCIDENT.NO_CONTEXT");
}
