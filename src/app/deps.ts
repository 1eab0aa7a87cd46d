import type { BusinessCalendar } from "../core/calendar/business-calendar.js";
import type { Actor } from "../core/model.js";
import type { Policy } from "../core/policy/schema.js";
import type { ChatPort } from "../ports/chat.js";
import type { Clock } from "../ports/clock.js";
import type { AccessStore } from "../ports/access-store.js";
import type { IncidentStore } from "../ports/incident-store.js";
import type { Scheduler } from "../ports/scheduler.js";
import type { Logger } from "../ports/logger.js";
import type { Metrics } from "../ports/metrics.js";
import type { WebhookPort } from "../ports/webhooks.js";

/** The ports every use-case runs over. Built once in main.ts (the composition root). */
export interface AppDeps {
  store: IncidentStore;
  /** One chat port per platform; an incident is served by the platform it was declared on. */
  chats: Map<string, ChatPort>;
  scheduler: Scheduler;
  clock: Clock;
  policy: Policy;
  cal: BusinessCalendar;
  newId(): string;
  log: Logger;
  /** Operators' counters (Prometheus in a running service); none in tests unless given. */
  metrics?: Metrics;
  /** Sends events to the policy's outbound webhooks (none: they fail as deliveries). */
  webhooks?: WebhookPort;
  /** Links to the reviewer pages and the access records behind them, when the web side serves them. */
  links?: ReviewLinks;
  /** Logins, sessions and API tokens of the reviewer pages (the database's `access_grant`). */
  grants?: AccessStore;
}

/** The reviewer pages' side the bot uses: login links, the plain page address, and access management. */
export interface ReviewLinks {
  /** A one-use login link (minutes) for this person, opening this incident's page. */
  login(personId: string, number: number): Promise<string>;
  /** The incident page's plain address, no token: it asks for a login. */
  page(number: number): string;
  /** A new named API token (shown once); its scope: everything, or the figures only. */
  token(name: string, scope: "all" | "figures"): Promise<string>;
}

/** A command as an adapter hands it over, already acknowledged on the platform. */
export interface Inbound {
  actor: Actor;
  text: string;
  /** The chat channel the command was typed in, to imply its incident. */
  channelId?: string;
  /** Stable per platform request (Slack trigger / Discord interaction id): a retried request is not run twice. */
  requestKey: string;
}

/** What the person who typed the command is told. */
export interface Reply {
  text: string;
  /** Only the person sees it (where the platform allows). */
  ephemeral: boolean;
  incidentId?: string;
  /** The reply is a usage or permission problem: nothing was written. */
  error?: boolean;
  /** Carries a personal login link: to this person only, with link previews off (no unfurler may open it). */
  personal?: boolean;
  /** A new incident whose room is being opened: an adapter may follow up with where it is (`openedRoom`). */
  roomPending?: boolean;
  /** The request was handled before (a platform's retry): its first answer stands, and a platform may say nothing more. */
  duplicate?: boolean;
}

export const replyTo = (text: string, ephemeral = true, incidentId?: string): Reply => ({ text, ephemeral, incidentId });
