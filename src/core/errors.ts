// Errors a user can cause carry a stable code and the parameters of their
// message; adapters render them in the policy's language (i18n/*.ts) as one
// short line, with the usage that would have worked. Anything else is a bug.

export type UserErrorCode =
  | "COMMAND.UNKNOWN"
  | "COMMAND.USAGE"
  | "INCIDENT.NOT_FOUND"
  | "INCIDENT.NO_CONTEXT"
  | "BUTTON.STALE"
  | "INCIDENT.ILLEGAL_TRANSITION"
  | "PAGE.NOT_YOURS"
  | "ACTION.STALE"
  | "PERMISSION.DENIED"
  | "SEVERITY.UNKNOWN"
  | "SEVERITY.SAME"
  | "KIND.UNKNOWN"
  | "PERSON.UNKNOWN"
  | "CLOCK.UNKNOWN"
  | "CLOCK.NOT_MANUAL"
  | "TIME.INVALID"
  | "FOLLOWUP.UNKNOWN"
  | "INCIDENT.NOT_ACCEPTED"
  | "CLOCK.NOT_WAIVABLE"
  | "UPDATE.ANSWER_INTERNAL"
  | "CLAIM.ALREADY"
  | "ONSITE.SAME"
  | "ROTATION.UNKNOWN"
  | "ONCALL.BAD_WINDOW"
  | "ONCALL.SWAP_SELF"
  | "ONCALL.NOTHING_TO_SWAP"
  | "ONCALL.DENIED"
  | "ONCALL.UNKNOWN_OVERRIDE"
  | "ONCALL.AMBIGUOUS_OVERRIDE"
  | "ONCALL.OVERRIDE_OVER";

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    readonly params: Record<string, string> = {},
    /** The verb whose usage line would have worked, shown after the message. */
    readonly verb?: string,
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "UserError";
  }
}

export const isUserError = (e: unknown): e is UserError => e instanceof UserError;
