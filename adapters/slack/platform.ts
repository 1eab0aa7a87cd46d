import { App, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";
import type { AppDeps } from "../../src/app/deps.js";
import { PlatformSettingsError, type Environment, type PlatformModule } from "../../src/app/platform-module.js";
import type { Platform } from "../../src/ports/platform.js";
import { boltLogger } from "./bolt-logger.js";
import { registerHandlers } from "./handlers.js";
import { InFlight } from "../../src/app/in-flight.js";
import { slackSettings } from "./settings.js";
import { SlackChat } from "./slack-chat.js";

/** Where Slack sends slash commands, interactivity and events in HTTP mode (one URL for all three, as Bolt expects). */
export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackPlatform extends Platform {
  /** Resolves once every handler started so far has finished (tests, graceful shutdown). */
  idle(): Promise<void>;
  chat: SlackChat;
}

/**
 * Slack, when SLACK_BOT_TOKEN is set: HTTP mode on Beacon's own web server
 * (signed requests, SLACK_SIGNING_SECRET), or Socket Mode when SLACK_APP_TOKEN
 * is set. SLACK_API_URL redirects the Web API (and Socket Mode's handshake).
 */
export function buildSlackPlatform(env: Environment, deps: AppDeps): SlackPlatform | undefined {
  const config = slackSettings(env);
  if (!config.SLACK_BOT_TOKEN) return undefined;
  const socketMode = !!config.SLACK_APP_TOKEN;
  if (!socketMode && !config.SLACK_SIGNING_SECRET) {
    throw new PlatformSettingsError(
      "Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) besides SLACK_BOT_TOKEN",
    );
  }
  const logger = boltLogger(deps.log);
  // Few, quick retries in the client: a delivery that still fails goes back to
  // the outbox, which retries on its own schedule and never loses it.
  const clientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL.replace(/\/?$/, "/") } : {}),
    retryConfig: { retries: config.SLACK_RETRIES, factor: 2, minTimeout: 200, maxTimeout: 5000 },
  };
  const receiver = socketMode
    ? // The Socket Mode client takes its Web API options (apps.connections.open) from installerOptions.
      new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logger, installerOptions: { clientOptions } })
    : new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET!, endpoints: SLACK_EVENTS_PATH, processBeforeResponse: false, logger });
  const app = new App({ token: config.SLACK_BOT_TOKEN, logger, clientOptions, receiver });
  const http = receiver instanceof HTTPReceiver ? receiver : undefined;
  app.error(async (e) => deps.log.error("slack handler failed", { error: e.message }));
  const chat = new SlackChat(app.client, deps.policy);
  deps.chats.set("slack", chat);
  const work = new InFlight();
  registerHandlers(app, deps, work);
  return {
    name: "slack",
    chat,
    routes: http
      ? [
          (req, res, url) => {
            if (url.pathname !== SLACK_EVENTS_PATH) return false;
            http.requestListener(req, res);
            return true;
          },
        ]
      : [],
    start: async () => {
      if (socketMode) await app.start();
    },
    stop: async () => {
      if (socketMode) await app.stop();
      await work.idle();
    },
    idle: () => work.idle(),
  };
}

/** Slack as Beacon's platform list knows it: member ids (U…, W…) and user-group ids (S…) in the policy's `ids.slack`. */
export const slackModule: PlatformModule = {
  identity: {
    name: "slack",
    checkUserId: (id) => (/^[UW][A-Z0-9]{2,}$/.test(id) ? undefined : "a Slack member id like U012AB3CD"),
    checkGroupId: (id) => (/^S[A-Z0-9]{2,}$/.test(id) ? undefined : "a Slack user-group id like S0614TZR7"),
  },
  build: buildSlackPlatform,
};
