import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/infra/db/connect.js";
import { SECRET, slackPolicy, TOKEN, user } from "../adapters/slack/slack-harness.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { SlackSender } from "../fakes/slack/slack-sender.js";
import { startBeacon, writePolicy } from "../helpers/beacon-process.js";
import { freshPostgresDatabase } from "../helpers/postgres.js";
import { until } from "../helpers/scrape.js";

// Slack unreachable when Beacon starts (a network blip, Slack's own outage):
// Bolt used to call auth.test in its constructor and the unhandled failure
// ended web and both workers half a second after they started. Now they
// stay up, say they are not ready, retry with backoff, and recover.

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A port nothing listens on now, for Slack to appear on later. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

const readyz = async (port: number) => {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: res.status, body: (await res.json()) as { checks: Record<string, string> } };
};

describe("Slack unreachable when Beacon starts", () => {
  it("keeps web and worker up and not ready, then recovers and serves once Slack answers", async () => {
    const policy = slackPolicy();
    const slackPort = await freePort();
    const fresh = await freshPostgresDatabase();
    cleanups.push(() => fresh.drop());
    await (await openDatabase({ url: fresh.url, migrateOnOpen: true })).close();
    const dir = mkdtempSync(join(tmpdir(), "beacon-outage-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = {
      DATABASE_URL: fresh.url,
      REDIS_URL,
      BEACON_QUEUE: `beacon-test-${randomUUID().slice(0, 8)}`,
      BEACON_POLICY: writePolicy(dir, policy),
      BEACON_PUBLIC_URL: "https://beacon.example.com",
      BEACON_LINK_SECRET: "0123456789abcdef0123456789abcdef",
      PORT: "0",
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
    };
    const web = startBeacon(["--mode", "web"], env);
    const worker = startBeacon(["--mode", "worker"], env);
    cleanups.push(
      () => void web.child.kill("SIGKILL"),
      () => void worker.child.kill("SIGKILL"),
    );
    const webPort = Number((await web.logged("web started")).port);
    const workerPort = Number((await worker.logged("worker started")).port);
    await web.logged((l) => l.level === "warn" && l.msg.startsWith("slack unreachable; retrying"));
    await worker.logged((l) => l.level === "warn" && l.msg.startsWith("slack unreachable; retrying"));

    const notReady = await readyz(webPort);
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks.slack).toMatch(/^unreachable: /);
    expect(notReady.body.checks.database).toBe("ok");
    expect((await readyz(workerPort)).status).toBe(503);

    const fake = await FakeSlack.start({ token: TOKEN, users: Object.values(policy.people).map((p) => p.ids.slack!), port: slackPort });
    cleanups.push(() => fake.close());
    await web.logged("slack reachable again");
    await worker.logged("slack reachable again");
    expect((await readyz(webPort)).status).toBe(200);
    expect((await readyz(workerPort)).status).toBe(200);

    const slack = new SlackSender(`http://127.0.0.1:${webPort}/slack/events`, SECRET, fake);
    await slack.command('declare urgent "Checkout down"', user("dana"));
    await until(() => fake.callsTo("conversations.create").length === 1);
    expect(web.child.exitCode).toBeNull();
    expect(worker.child.exitCode).toBeNull();
    expect(await web.stop()).toBe(0);
    expect(await worker.stop()).toBe(0);
  }, 120_000);
});
