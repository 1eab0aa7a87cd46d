import { randomUUID } from "node:crypto";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import type { Policy } from "../../src/core/policy/schema.js";
import { openDatabase } from "../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../src/infra/db/prisma-incident-store.js";
import { SECRET, slackPolicy, TOKEN, user } from "../adapters/slack/slack-harness.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { SlackSender } from "../fakes/slack/slack-sender.js";
import { startBeacon, writePolicy, type BeaconProcess } from "../helpers/beacon-process.js";
import { fastPolicy } from "../helpers/fast-policy.js";
import { expectEveryTimerFiredOnce, untilLedgerEmpty } from "../helpers/ledger-assertions.js";
import { freshPostgresDatabase } from "../helpers/postgres.js";
import { until } from "../helpers/scrape.js";

// Production as the Procfile runs it, compiled: the release step migrates,
// `web` and `worker` start on PostgreSQL and Redis, and each stops cleanly on
// SIGTERM without losing what it was doing.

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function production(policy: Policy) {
  const fake = await FakeSlack.start({ token: TOKEN, users: Object.values(policy.people).map((p) => p.ids.slack!) });
  cleanups.push(() => fake.close());
  const fresh = await freshPostgresDatabase();
  cleanups.push(() => fresh.drop());
  const dir = mkdtempSync(join(tmpdir(), "beacon-prod-"));
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
    SLACK_API_URL: fake.apiUrl,
  };
  // The release step, as the Procfile runs it.
  const release = await promisify(execFile)(process.execPath, ["dist/src/compose/migrate-cli.js"], { env: { ...process.env, ...env } });
  expect(release.stdout).toContain("migration(s) applied");
  const start = (mode: "web" | "worker", extra: Record<string, string> = {}): BeaconProcess => {
    const p = startBeacon(["--mode", mode], { ...env, ...extra });
    cleanups.push(() => void p.child.kill("SIGKILL"));
    return p;
  };
  const store = async () => {
    const db = await openDatabase({ url: fresh.url });
    cleanups.push(() => db.close());
    return new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  };
  return { fake, start, store };
}

// Real processes on a shared machine: generous budgets, the tests wait on events.
describe("the compiled production processes on PostgreSQL and Redis", { timeout: 90_000 }, () => {
  it("web declares through Slack's signed route and exits 0 on SIGTERM with the declaration committed; the worker delivers its room, card and pages once", async () => {
    const { fake, start, store } = await production(slackPolicy());
    const web = start("web");
    const port = Number((await web.logged("web started")).port);
    const slack = new SlackSender(`http://127.0.0.1:${port}/slack/events`, SECRET, fake);
    expect((await slack.command('declare urgent "Checkout down" --kind system', user("dana"))).status).toBe(200);
    await until(() => fake.responses.length === 1); // answered after its one commit
    expect(await web.stop("SIGTERM")).toBe(0);

    const s = await store();
    const [declared] = await s.list({ limit: 10 });
    expect(declared?.number).toBe(1);
    expect(fake.callsTo("conversations.create")).toHaveLength(0); // the web process never delivers
    expect((await s.pendingTimers({ limit: 100 })).filter((t) => t.payload.kind === "deliver").length).toBeGreaterThan(0);

    const worker = start("worker");
    await worker.logged("worker started");
    await until(async () => (await s.pendingTimers({ limit: 100 })).every((t) => t.payload.kind !== "deliver"), 60_000);
    const [incident] = await s.list({ limit: 10 });
    expect(incident?.room).toBeDefined();
    expect(incident?.card).toBeDefined();
    expect(fake.callsTo("conversations.create")).toHaveLength(1);
    expect(await worker.stop()).toBe(0);
  });

  it("worker finishes the timers it runs on SIGTERM and exits 0, and the next worker fires the rest exactly once", async () => {
    const { fake, start, store } = await production(slackPolicy(fastPolicy()));
    const web = start("web");
    const port = Number((await web.logged("web started")).port);
    const slack = new SlackSender(`http://127.0.0.1:${port}/slack/events`, SECRET, fake);
    for (const n of [1, 2, 3]) await slack.command(`declare urgent "Fault ${n}"`, user("dana"));
    await until(() => fake.responses.length === 3);
    expect(await web.stop()).toBe(0);

    const first = start("worker", { LOG_LEVEL: "debug" });
    await first.logged("timer done"); // some timers fired, most are pending
    expect(await first.stop("SIGTERM")).toBe(0);

    const second = start("worker");
    await second.logged("worker started");
    const s = await store();
    await untilLedgerEmpty(s, 60_000);
    await expectEveryTimerFiredOnce(s, 3);
    expect(await second.stop()).toBe(0);
  }, 120_000);
});
