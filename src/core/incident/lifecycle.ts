import { UserError } from "../errors.js";
import type { Incident, Status } from "../model.js";
import { incidentLabel } from "../model.js";

// The lifecycle as an explicit table: which action is allowed in which state.
// register -> acknowledge -> resolve -> close, with reopen back to work.

export type LifecycleAction =
  "acknowledge" | "escalate" | "severity" | "note" | "role" | "update" | "done" | "resolve" | "close" | "reopen" | "followup";

const allowed: Record<LifecycleAction, Status[]> = {
  acknowledge: ["declared"],
  escalate: ["declared", "acknowledged"],
  severity: ["declared", "acknowledged"],
  note: ["declared", "acknowledged", "resolved"],
  role: ["declared", "acknowledged", "resolved"],
  update: ["declared", "acknowledged", "resolved"],
  done: ["declared", "acknowledged"],
  resolve: ["declared", "acknowledged"],
  close: ["resolved"],
  reopen: ["resolved", "closed"],
  followup: ["declared", "acknowledged", "resolved", "closed"],
};

export function canDo(incident: Pick<Incident, "status">, action: LifecycleAction): boolean {
  return allowed[action].includes(incident.status);
}

export function assertCan(incident: Incident, action: LifecycleAction, statusName: (s: Status) => string): void {
  if (!canDo(incident, action)) {
    throw new UserError("INCIDENT.ILLEGAL_TRANSITION", { label: incidentLabel(incident), status: statusName(incident.status), action });
  }
}
