import { UserError } from "../errors.js";
import type { Incident, Status } from "../model.js";
import { incidentLabel } from "../model.js";

// The lifecycle as an explicit table: which action is allowed in which state.
// declare -> acknowledge -> resolve -> (the customer accepts) -> close ->
// return call, with reopen (or the customer's refusal) back to work.

export type LifecycleAction =
  | "acknowledge"
  | "escalate"
  | "severity"
  | "note"
  | "role"
  | "update"
  | "done"
  | "waive"
  | "claim"
  | "onsite"
  | "resolve"
  | "accept"
  | "close"
  | "reopen"
  | "return_call"
  | "followup";

const WORKING: Status[] = ["declared", "acknowledged"];
const OPEN: Status[] = ["declared", "acknowledged", "resolved"];

const allowed: Record<LifecycleAction, Status[]> = {
  acknowledge: WORKING,
  escalate: WORKING,
  severity: WORKING,
  note: OPEN,
  role: OPEN,
  update: OPEN,
  done: OPEN,
  waive: ["declared", "acknowledged", "resolved", "closed"],
  claim: OPEN,
  onsite: WORKING,
  resolve: WORKING,
  accept: ["resolved"],
  close: ["resolved"],
  reopen: ["resolved", "closed"],
  return_call: ["closed"],
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
