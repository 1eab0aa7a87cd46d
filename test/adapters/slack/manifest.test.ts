import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// The scope each Web API method and event needs, from Slack's method and event
// reference pages (https://api.slack.com/methods/<method>, https://api.slack.com/events/<event>).
const METHOD_SCOPES: Record<string, string[]> = {
  "auth.test": [],
  "chat.getPermalink": [],
  "chat.postEphemeral": ["chat:write"],
  "chat.postMessage": ["chat:write"],
  "chat.update": ["chat:write"],
  "conversations.archive": ["channels:manage"],
  "conversations.create": ["channels:manage"],
  "conversations.invite": ["channels:manage"],
  "conversations.list": ["channels:read"],
  "conversations.open": ["im:write"],
  "conversations.replies": ["channels:history"],
  "conversations.setTopic": ["channels:manage"],
  "pins.add": ["pins:write"],
  "users.lookupByEmail": ["users:read.email", "users:read"],
  "views.open": [],
  "views.publish": [],
};
const EVENT_SCOPES: Record<string, string[]> = { app_home_opened: [], pin_added: ["pins:read"], reaction_added: ["reactions:read"] };

const dir = "adapters/slack";
const source = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => readFileSync(join(dir, f), "utf8"))
  .join("\n");
const manifest = parse(readFileSync("slack/manifest.yml", "utf8")) as {
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] } };
  features: { app_home?: { home_tab_enabled?: boolean } };
};

describe("the Slack app manifest", () => {
  const methods = [...new Set([...source.matchAll(/\b(?:client|rooms|direct)\s*\.(\w+)\s*\.(\w+)\s*\(/g)].map((m) => `${m[1]}.${m[2]}`))];
  const events = [...new Set([...source.matchAll(/app\.event\("(\w+)"/g)].map((m) => m[1]!))];

  it("knows the scope of every Web API method and event Beacon uses", () => {
    expect(methods).toEqual(expect.arrayContaining(["conversations.create", "conversations.list", "users.lookupByEmail", "views.publish"]));
    expect(methods.filter((m) => !(m in METHOD_SCOPES))).toEqual([]);
    expect(events.filter((e) => !(e in EVENT_SCOPES))).toEqual([]);
  });

  it("requests exactly the scopes those methods and events need, and subscribes to exactly those events", () => {
    const needed = new Set(["commands", ...methods.flatMap((m) => METHOD_SCOPES[m]!), ...events.flatMap((e) => EVENT_SCOPES[e]!)]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...events].sort());
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
  });
});
