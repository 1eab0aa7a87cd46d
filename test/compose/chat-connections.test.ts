import { describe, expect, it } from "vitest";
import { ChatConnections } from "../../src/compose/chat-connections.js";
import { CredentialsRejected } from "../../src/app/platform-module.js";
import type { Platform } from "../../src/ports/platform.js";
import { silentLogger } from "../../src/ports/logger.js";
import { until } from "../helpers/scrape.js";

/** A platform whose start answers from a script: an Error is thrown, anything else succeeds. */
function scripted(name: string, answers: Array<Error | "ok">): Platform & { attempts: number } {
  const p = {
    name,
    routes: [],
    attempts: 0,
    start: async () => {
      const answer = answers[Math.min(p.attempts++, answers.length - 1)];
      if (answer instanceof Error) throw answer;
    },
    stop: async () => undefined,
  };
  return p;
}

describe("connecting the chat platforms", () => {
  it("stops the start when a platform refuses the credentials", async () => {
    const chats = new ChatConnections([scripted("slack", [new CredentialsRejected("Slack rejected SLACK_BOT_TOKEN")])], {
      log: silentLogger,
      how: "start",
    });
    await expect(chats.begin()).rejects.toThrow("Slack rejected SLACK_BOT_TOKEN");
  });

  it("reports an unreachable platform not ready, retries it, and reports it ready once it answers", async () => {
    const slack = scripted("slack", [new Error("connect ECONNREFUSED"), new Error("connect ECONNREFUSED"), "ok"]);
    const discord = scripted("discord", ["ok"]);
    const chats = new ChatConnections([slack, discord], { log: silentLogger, how: "start", firstMs: 5 });
    await chats.begin();
    expect(chats.health()).toEqual({ slack: { ok: false, reason: "unreachable: connect ECONNREFUSED" }, discord: { ok: true } });
    await until(() => chats.health().slack!.ok);
    expect(slack.attempts).toBe(3);
    chats.stop();
  });

  it("ends the service when a platform refuses the credentials on a retry", async () => {
    const chats = new ChatConnections(
      [scripted("slack", [new Error("timeout"), new CredentialsRejected("Slack rejected SLACK_BOT_TOKEN (token_revoked)")])],
      {
        log: silentLogger,
        how: "start",
        firstMs: 5,
      },
    );
    await chats.begin();
    expect((await chats.failed).message).toBe("Slack rejected SLACK_BOT_TOKEN (token_revoked)");
    expect(chats.health().slack).toEqual({ ok: false, reason: "Slack rejected SLACK_BOT_TOKEN (token_revoked)" });
  });

  it("only checks the credentials in a process that sends but never receives", async () => {
    const p = { ...scripted("slack", ["ok"]), verify: async () => undefined };
    const chats = new ChatConnections([p], { log: silentLogger, how: "verify" });
    await chats.begin();
    expect(p.attempts).toBe(0);
    expect(chats.health().slack).toEqual({ ok: true });
  });
});
