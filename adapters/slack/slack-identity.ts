import type { webApi } from "@slack/bolt";
import { CredentialsRejected } from "../../src/app/platform-module.js";
import { slackError } from "./slack-errors.js";

/** auth.test answers that mean the token itself is wrong: retrying cannot help, the operator must replace it. */
const REJECTED = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type"]);

export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

/**
 * Who Beacon is on Slack (auth.test), asked when Beacon starts and cached.
 * Bolt would ask in its constructor with nothing catching a failure, so a
 * Slack outage at start took the process down; here an unreachable Slack is
 * a transient error the caller retries, and a rejected token is one line.
 */
export class SlackIdentity {
  private known?: BotIdentity;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly token: string,
  ) {}

  /** Ask Slack once: the identity, or CredentialsRejected, or the network error as it is. */
  async check(): Promise<BotIdentity> {
    if (this.known) return this.known;
    try {
      const r = await this.client.auth.test({ token: this.token });
      this.known = { botId: r.bot_id, botUserId: r.user_id };
      return this.known;
    } catch (e) {
      const error = slackError(e);
      if (error && REJECTED.has(error)) {
        throw new CredentialsRejected(
          `Slack rejected SLACK_BOT_TOKEN (${error}): copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page`,
        );
      }
      throw e;
    }
  }

  /** Bolt's `authorize`: the token and identity for an incoming event (Slack retries the event if this throws). */
  authorize = async () => ({ botToken: this.token, ...(await this.check()) });
}
