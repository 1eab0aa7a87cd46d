import { holidayDataWarning } from "../core/calendar/holiday-data.js";
import { messages } from "../core/i18n/index.js";
import type { AppDeps } from "./deps.js";

/** What an operator should fix in the policy before it bites (the holiday list running out), in the policy's language. */
export function policyWarnings(deps: Pick<AppDeps, "policy" | "clock">): string[] {
  const warning = holidayDataWarning(deps.policy.calendar, deps.clock.now());
  return warning ? [messages(deps.policy.locale).warning.holidayData(warning.endsOn, warning.ended)] : [];
}
