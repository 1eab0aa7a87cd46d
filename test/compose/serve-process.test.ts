import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../src/infra/db/prisma-incident-store.js";
import { SECRET, slackPolicy, TOKEN, user } from "../adapters/slack/slack-harness.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { SlackSender } from "../fakes/slack/slack-sender.js";
import { cleanEnv, startBeacon, writePolicy, type BeaconProcess } from "../helpers/beacon-process.js";
import { migratedDataDir } from "../helpers/pglite-template.js";
import { scrape, until } from "../helpers/scrape.js";

// `npm start` as a service manager or a PaaS runs it: the compiled build, no
// terminal, settings from the environment. It must serve (not read an empty
// stdin and exit), and SIGTERM must let the work in flight finish.

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(): Promise<{ beacon: BeaconProcess; fake: FakeSlack; slack: SlackSender; url: string; dir: string }> {
  const policy = slackPolicy();
  const fake = await FakeSlack.start({ token: TOKEN, users: Object.values(policy.people).map((p) => p.ids.slack!) });
  cleanups.push(() => fake.close());
  const dir = mkdtempSync(join(tmpdir(), "beacon-serve-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const beacon = startBeacon([], {
    BEACON_POLICY: writePolicy(dir, policy),
    BEACON_DATA_DIR: await migratedDataDir(join(dir, "data")),
    BEACON_PUBLIC_URL: "https://beacon.example.com",
    PORT: "0",
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
  });
  cleanups.push(() => void beacon.child.kill("SIGKILL"));
  const url = String((await beacon.logged("serving")).url);
  return { beacon, fake, slack: new SlackSender(`${url}/slack/events`, SECRET, fake), url, dir };
}

// Real processes on a shared machine: generous budgets, the tests wait on events.
describe("the compiled service without a terminal (one process)", { timeout: 90_000 }, () => {
  it("serves Slack's signed request URL, and on SIGTERM finishes the declaration in flight and exits 0 with nothing lost", async () => {
    const { beacon, fake, slack, dir } = await serve();
    // A slow Slack: the declaration's deliveries are still going out when SIGTERM lands.
    fake.delays.set("chat.postMessage", 300);
    const sent = await slack.command('declare urgent "Checkout down" --kind system', user("dana"));
    expect(sent.status).toBe(200);
    expect(await beacon.stop("SIGTERM")).toBe(0);
    expect(beacon.logs().map((l) => l.msg)).toEqual(expect.arrayContaining(["stopping", "stopped"]));

    const db = await openDatabase({ dataDir: join(dir, "data", "pglite") });
    try {
      const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
      const [incident] = await store.list({ limit: 10 });
      expect(incident?.title).toBe("Checkout down");
      expect(incident?.room).toBeDefined();
      expect(incident?.card).toBeDefined();
      const undelivered = (await store.pendingTimers({ limit: 100 })).filter((t) => t.payload.kind === "deliver");
      expect(undelivered).toEqual([]);
    } finally {
      await db.close();
    }
    expect(fake.callsTo("conversations.create")).toHaveLength(1);
    expect(fake.responses.length).toBeGreaterThan(0); // the person who declared was answered
  });

  it("shows the declaration and the acknowledgement moving its counters on /metrics", async () => {
    const { beacon, fake, slack, url } = await serve();
    const before = await scrape(url);
    expect(before.value("beacon_commands_total", { verb: "declare", outcome: "ok" })).toBe(0);
    expect(before.value("beacon_acknowledgements_total")).toBe(0);

    await slack.command('declare urgent "Checkout down" --kind system', user("dana"));
    await until(() => fake.channels.get(`D${user("lee").id}`)?.messages.length === 1); // lee is paged
    await slack.command("ack INC-1", user("lee"));
    await until(() => fake.responses.length === 2);

    const after = await scrape(url);
    expect(after.value("beacon_commands_total", { verb: "declare", outcome: "ok" })).toBe(1);
    expect(after.value("beacon_commands_total", { verb: "ack", outcome: "ok" })).toBe(1);
    expect(after.value("beacon_pages_total")).toBeGreaterThanOrEqual(1);
    expect(after.value("beacon_acknowledgements_total")).toBe(1);
    expect(after.value("beacon_time_to_acknowledge_seconds_count")).toBe(1);
    expect(after.value("beacon_deliveries_total", { what: "page", outcome: "sent" })).toBeGreaterThanOrEqual(1);
    expect(after.value("beacon_timers_pending")).toBeGreaterThan(0); // deadlines still running
    expect(after.value("beacon_chat_connected", { platform: "slack" })).toBe(1);
    expect(await beacon.stop()).toBe(0);
  });

  it("stops by itself, releasing its lock, when the process that started it is killed with SIGKILL (kill -9 of npm)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "beacon-orphan-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const data = await migratedDataDir(join(dir, "data"));
    // A parent that does not exec Beacon, as npm and `sh -c "a; b"` do not.
    const parent = spawn("/bin/sh", ["-c", `"${process.execPath}" dist/src/main.js --serve; echo exited`], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...cleanEnv(), LOG_FORMAT: "json", BEACON_PUBLIC_URL: "https://beacon.example.com", PORT: "0", BEACON_DATA_DIR: data },
    });
    let err = "";
    parent.stderr!.on("data", (d) => (err += d));
    await until(() => err.includes('"msg":"serving"'), 60_000);
    const pid = Number(/"pid":(\d+)/.exec(err)![1]);
    cleanups.push(() => {
      try {
        process.kill(pid, "SIGKILL"); // only if the test failed before Beacon stopped
      } catch {
        /* gone, as it should be */
      }
    });
    expect(existsSync(join(data, "pglite.lock"))).toBe(true);
    parent.kill("SIGKILL");
    await until(() => err.includes('"msg":"stopped"'), 30_000);
    expect(err).toContain('"signal":"parent process gone"');
    expect(existsSync(join(data, "pglite.lock"))).toBe(false);
  });
});
