import type { webApi } from "@slack/bolt";
import type { Policy } from "../../src/core/policy/schema.js";
import type { Logger } from "../../src/ports/logger.js";
import { slackError } from "./slack-errors.js";

/**
 * People the policy gives by email instead of a Slack member id: each is
 * looked up once with users.lookupByEmail (scope users:read.email) when
 * Slack starts, and the member id found is kept in the policy's `ids.slack`,
 * where mentions, invitations, pages and "who is this user" all read it. An
 * email Slack does not know is reported once, naming the email and the person.
 */
export class SlackPeople {
  private readonly reported = new Set<string>();
  private done = false;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly policy: Policy,
    private readonly log: Logger,
  ) {}

  /** Resolve every person with an email and no Slack id. A network failure is thrown (the start is retried); what was found stays found. */
  async resolve(): Promise<void> {
    if (this.done) return;
    for (const [personId, person] of Object.entries(this.policy.people)) {
      if (person.ids.slack || !person.email || this.reported.has(person.email)) continue;
      try {
        const r = await this.client.users.lookupByEmail({ email: person.email });
        if (r.user?.id) person.ids.slack = r.user.id;
      } catch (e) {
        const error = slackError(e);
        if (error === "missing_scope") {
          this.log.warn(
            "Slack refused users.lookupByEmail (missing_scope): add the users:read.email scope and reinstall the app, or give people ids.slack",
          );
          break;
        }
        if (error !== "users_not_found") throw e;
        this.reported.add(person.email);
        this.log.warn(
          `Slack has no member with the email ${person.email} (policy person "${personId}"): they cannot be paged or mentioned on Slack`,
          {
            personId,
            email: person.email,
          },
        );
      }
    }
    this.done = true;
  }
}
