import { App, HTTPReceiver, SocketModeReceiver, webApi } from "@slack/bolt";
import type { AppDeps } from "../../src/app/deps.js";
import { PlatformSettingsError, type Environment } from "../../src/app/platform-module.js";
import type { Platform } from "../../src/ports/platform.js";
import { boltLogger } from "./bolt-logger.js";
import { registerHandlers } from "./handlers.js";
import { InFlight } from "../../src/app/in-flight.js";
import { slackSettings } from "./settings.js";
import { SlackChat } from "./slack-chat.js";
import { SlackIdentity } from "./slack-identity.js";
import { SlackPeople } from "./slack-people.js";

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
  const logger = boltLogger(deps.log, env.LOG_LEVEL === "debug");
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
  // Beacon asks auth.test itself (SlackIdentity): given the token, Bolt would
  // ask in its constructor and an unreachable Slack would end the process.
  const token = config.SLACK_BOT_TOKEN;
  const identity = new SlackIdentity(
    new webApi.WebClient(undefined, { ...clientOptions, logger, retryConfig: { retries: 0 }, timeout: 10_000 }),
    token,
  );
  const app = new App({ authorize: identity.authorize, logger, clientOptions, receiver });
  const http = receiver instanceof HTTPReceiver ? receiver : undefined;
  app.error(async (e) => deps.log.error("slack handler failed", { err: e }));
  const client = () => new webApi.WebClient(token, { ...clientOptions, logger });
  const people = new SlackPeople(client(), deps.policy, deps.log);
  const chat = new SlackChat({ rooms: client(), direct: client() }, deps.policy, async () => (await identity.check()).botUserId);
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
            // Bolt refuses requests more than five minutes old; Slack's guidance refuses them five minutes
            // ahead too (a clock far off, or a request signed to be replayed later). Same clock as Bolt's.
            const sent = Number(req.headers["x-slack-request-timestamp"]);
            if (Number.isFinite(sent) && sent > Date.now() / 1000 + 300) {
              res.writeHead(401, { "content-type": "text/plain" });
              res.end("request timestamp is in the future");
              return true;
            }
            http.requestListener(req, res);
            return true;
          },
        ]
      : [],
    start: async () => {
      await identity.check();
      await people.resolve();
      if (socketMode) await app.start();
    },
    verify: async () => {
      await identity.check();
      await people.resolve(); // the worker pages people too
    },
    stop: async () => {
      if (socketMode) await app.stop();
      await work.stop();
    },
    idle: () => work.idle(),
  };
}
