import { createHmac } from "node:crypto";
import type { FakeSlack } from "./fake-slack.js";

// Slack's side of the requests it sends an app: slash commands (form body),
// interactivity (`payload=` JSON), Events API (JSON), each signed the way
// Slack signs them: v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}")
// (https://api.slack.com/authentication/verifying-requests-from-slack).

export interface Sent {
  status: number;
  body: string;
}

export interface SendOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Replace the signature (a forged request). */
  signature?: string;
  /** Slack's retry headers, as on a redelivered event. */
  retryNum?: number;
}

export class SlackSender {
  private n = 0;

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly fake: FakeSlack,
  ) {}

  sign(body: string, timestamp: number): string {
    return `v0=${createHmac("sha256", this.secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  }

  async send(body: string, contentType: string, opts: SendOptions = {}): Promise<Sent> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": opts.signature ?? this.sign(body, timestamp),
    };
    if (opts.retryNum !== undefined)
      Object.assign(headers, { "x-slack-retry-num": String(opts.retryNum), "x-slack-retry-reason": "http_timeout" });
    const res = await fetch(this.url, { method: "POST", headers, body });
    return { status: res.status, body: await res.text() };
  }

  /** The form body Slack posts for `/incident <text>`. */
  commandBody(text: string, user: { id: string; name: string }, channel: { id: string; name: string }): string {
    return new URLSearchParams({
      token: "verification-token-unused",
      team_id: "T1",
      team_domain: "fake",
      channel_id: channel.id,
      channel_name: channel.name,
      user_id: user.id,
      user_name: user.name,
      command: "/incident",
      text,
      api_app_id: "A1",
      is_enterprise_install: "false",
      response_url: this.fake.responseUrl(),
      trigger_id: this.fake.triggerId(),
    }).toString();
  }

  command(
    text: string,
    user: { id: string; name: string },
    channel = { id: "CGENERAL", name: "general" },
    opts?: SendOptions,
  ): Promise<Sent> {
    return this.send(this.commandBody(text, user, channel), "application/x-www-form-urlencoded", opts);
  }

  private interactive(payload: Record<string, unknown>, opts?: SendOptions): Promise<Sent> {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded", opts);
  }

  /** A button click on a message Beacon posted (block_actions). */
  click(
    user: { id: string; name: string },
    where: { channel: string; ts: string },
    action: { action_id: string; value?: string; block_id?: string },
    opts?: SendOptions,
  ): Promise<Sent> {
    return this.interactive(
      {
        type: "block_actions",
        user: { id: user.id, username: user.name, name: user.name, team_id: "T1" },
        api_app_id: "A1",
        token: "verification-token-unused",
        container: { type: "message", message_ts: where.ts, channel_id: where.channel, is_ephemeral: false },
        trigger_id: this.fake.triggerId(),
        team: { id: "T1", domain: "fake" },
        channel: { id: where.channel, name: where.channel },
        message: { type: "message", ts: where.ts, user: this.fake.botUserId, bot_id: this.fake.botId },
        response_url: this.fake.responseUrl(),
        actions: [
          {
            type: "button",
            block_id: action.block_id ?? "b",
            action_id: action.action_id,
            value: action.value,
            text: { type: "plain_text", text: "x" },
            action_ts: String(Date.now() / 1000),
          },
        ],
      },
      opts,
    );
  }

  /** A button click in the app's Home tab (block_actions from a view: no channel, no response_url). */
  clickInHome(user: { id: string; name: string }, action: { action_id: string; value?: string }, opts?: SendOptions): Promise<Sent> {
    const viewId = `VHOME${++this.n}`;
    return this.interactive(
      {
        type: "block_actions",
        user: { id: user.id, username: user.name, name: user.name, team_id: "T1" },
        api_app_id: "A1",
        token: "verification-token-unused",
        container: { type: "view", view_id: viewId },
        trigger_id: this.fake.triggerId(),
        team: { id: "T1", domain: "fake" },
        view: { id: viewId, team_id: "T1", type: "home", blocks: [], private_metadata: "", callback_id: "", hash: "h" },
        actions: [
          {
            type: "button",
            block_id: "b",
            action_id: action.action_id,
            value: action.value,
            text: { type: "plain_text", text: "x" },
            action_ts: String(Date.now() / 1000),
          },
        ],
      },
      opts,
    );
  }

  /** Submitting a modal Beacon opened, with values per block id. */
  submit(
    user: { id: string; name: string },
    view: { callback_id: string; private_metadata?: string; id?: string },
    values: Record<string, Record<string, unknown>>,
    opts?: SendOptions,
  ): Promise<Sent> {
    const state = Object.fromEntries(Object.entries(values).map(([block, v]) => [block, { v }]));
    return this.interactive(
      {
        type: "view_submission",
        team: { id: "T1", domain: "fake" },
        user: { id: user.id, username: user.name, name: user.name, team_id: "T1" },
        api_app_id: "A1",
        token: "verification-token-unused",
        trigger_id: this.fake.triggerId(),
        view: {
          id: view.id ?? `V${++this.n}`,
          team_id: "T1",
          type: "modal",
          callback_id: view.callback_id,
          private_metadata: view.private_metadata ?? "",
          state: { values: state },
          hash: "h",
          blocks: [],
        },
        response_urls: [],
      },
      opts,
    );
  }

  /** An Events API delivery (event_callback). */
  event(event: Record<string, unknown>, opts?: SendOptions & { eventId?: string }): Promise<Sent> {
    const body = {
      token: "verification-token-unused",
      team_id: "T1",
      api_app_id: "A1",
      event: { event_ts: String(Date.now() / 1000), ...event },
      type: "event_callback",
      event_id: opts?.eventId ?? `Ev${++this.n}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: "T1", user_id: this.fake.botUserId, is_bot: true, is_enterprise_install: false }],
    };
    return this.send(JSON.stringify(body), "application/json", opts);
  }
}
