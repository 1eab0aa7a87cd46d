/** Sends an event to an outbound webhook of the policy, signed with its secret; throws when it is not accepted (any status but 2xx). */
export interface WebhookPort {
  send(hook: string, body: string): Promise<void>;
}
