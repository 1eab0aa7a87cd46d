import { PermanentDeliveryError } from "../../src/ports/chat.js";

// Slack answers API errors as HTTP 200 with {ok:false, error}. Some mean the
// message can never be delivered (retrying will not help); the rest (429
// after the client's own retries, 5xx, network) are thrown as they are, and
// the delivery outbox retries them later.

const PERMANENT = new Set([
  "user_not_found",
  "users_not_found",
  "cannot_dm_bot",
  "user_disabled",
  "channel_not_found",
  "is_archived",
  "not_in_channel",
  "restricted_action",
  "invalid_blocks",
  "msg_too_long",
  "message_not_found",
  "cant_update_message",
]);

/** The `error` string of a Web API platform error, if that is what `e` is. */
export function slackError(e: unknown): string | undefined {
  const data = (e as { code?: string; data?: { error?: string } })?.data;
  return (e as { code?: string })?.code === "slack_webapi_platform_error" ? data?.error : undefined;
}

export function classify(e: unknown, what: string): Error {
  const error = slackError(e);
  if (error && PERMANENT.has(error)) return new PermanentDeliveryError(`${what}: ${error}`);
  return e instanceof Error ? e : new Error(String(e));
}
