import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/infra/db/connect.js";
import { discordPolicy, TOKEN as DISCORD_TOKEN } from "../adapters/discord/discord-harness.js";
import { SECRET, slackPolicy, TOKEN as SLACK_TOKEN } from "../adapters/slack/slack-harness.js";
import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { runBeacon, startBeacon, writePolicy } from "../helpers/beacon-process.js";
import { migratedDataDir } from "../helpers/pglite-template.js";
import { freshPostgresDatabase } from "../helpers/postgres.js";

// Every way Beacon cannot start is one line on stderr naming what to fix,
// and exit code 1: no stack, no later crash, no silent fallback.

const dir = mkdtempSync(join(tmpdir(), "beacon-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const SERVE = { BEACON_PUBLIC_URL: "https://beacon.example.com", PORT: "0" };
const PRODUCTION = { ...SERVE, BEACON_LINK_SECRET: "0123456789abcdef0123456789abcdef", REDIS_URL };

/** Exit 1 and exactly one line on stderr, which is returned. */
async function oneLine(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { code, stderr } = await runBeacon(args, env);
  const lines = stderr.trimEnd().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(code, stderr).toBe(1);
  expect(lines[0]).toMatch(/^beacon: /);
  return lines[0]!;
}

const dataDir = (name: string) => join(dir, name);

// Real processes on a shared machine: generous budgets, the tests wait on events.
describe("the command line", { timeout: 90_000 }, () => {
  it("lists every mode and option with --help and exits 0", async () => {
    const { code, stdout } = await runBeacon(["--help"]);
    expect(code).toBe(0);
    for (const word of ["--mode", "console", "serve", "web", "worker", "--serve", "--script", "--locale", "--data", "--policy", "--help"]) {
      expect(stdout).toContain(word);
    }
  });

  it("refuses an unknown mode with the valid ones", async () => {
    expect(await oneLine(["--mode", "wbe"])).toBe('beacon: unknown mode "wbe": use console, serve, web or worker');
  });

  it("refuses an unsupported locale with the valid ones", async () => {
    expect(await oneLine(["--locale", "zh-CN"])).toBe('beacon: unsupported locale "zh-CN": use en or zh');
  });

  it("refuses an unknown option", async () => {
    expect(await oneLine(["--verbose"])).toContain("unknown option --verbose (beacon --help lists the options)");
  });

  it("names a script file that does not exist", async () => {
    expect(await oneLine(["--script", "demo/missing.txt"])).toBe("beacon: cannot read the script demo/missing.txt: no such file");
  });

  it("names an environment setting that is not valid", async () => {
    expect(await oneLine(["--help"].slice(1), { LOG_LEVEL: "loud" })).toContain("LOG_LEVEL");
  });
});

describe("settings a deployment cannot run without", { timeout: 90_000 }, () => {
  it("refuses to serve without a terminal when BEACON_PUBLIC_URL is unset", async () => {
    expect(await oneLine([], { BEACON_DATA_DIR: dataDir("no-url") })).toContain("serve needs BEACON_PUBLIC_URL");
  });

  it("refuses the web process without its servers, public URL and link secret, naming them all", async () => {
    const line = await oneLine(["--mode", "web"]);
    expect(line).toContain("web needs DATABASE_URL, REDIS_URL, BEACON_PUBLIC_URL and BEACON_LINK_SECRET");
  });

  it("refuses a link secret too short to sign with", async () => {
    const line = await oneLine(["--mode", "web"], {
      ...PRODUCTION,
      DATABASE_URL: "postgresql://x@127.0.0.1:1/x",
      BEACON_LINK_SECRET: "short",
    });
    expect(line).toContain("BEACON_LINK_SECRET is too short");
  });
});

describe("servers that are not there", { timeout: 90_000 }, () => {
  it("names Redis and the first reason it could not be reached, hiding the password", async () => {
    const line = await oneLine(["--mode", "worker"], {
      DATABASE_URL: "postgresql://x@127.0.0.1:1/x",
      REDIS_URL: "redis://:hunter2hunter2@127.0.0.1:1",
    });
    expect(line).toBe("beacon: Cannot reach Redis at redis://:***@127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1");
  });

  it("names PostgreSQL when it cannot be reached", async () => {
    const line = await oneLine(["--mode", "worker"], { DATABASE_URL: "postgresql://beacon:pw@127.0.0.1:1/beacon", REDIS_URL });
    expect(line).toMatch(/^beacon: Cannot reach PostgreSQL at postgresql:\/\/beacon:\*\*\*@127\.0\.0\.1:1\/beacon: .*ECONNREFUSED/);
  });

  it("asks for the release step when the database has not been migrated", async () => {
    const fresh = await freshPostgresDatabase();
    try {
      const line = await oneLine(["--mode", "worker"], { DATABASE_URL: fresh.url, REDIS_URL });
      expect(line).toMatch(/lacks \d+ migration\(s\) \(\d+_init(, \d+_\w+)*\): run the release step, `npm run db:migrate`, first\.$/);
    } finally {
      await fresh.drop();
    }
  });

  it("names the port that is taken", async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, "0.0.0.0", r));
    const port = (taken.address() as { port: number }).port;
    try {
      const line = await oneLine([], { ...SERVE, PORT: String(port), BEACON_DATA_DIR: await migratedDataDir(dataDir("port")) });
      expect(line).toBe(`beacon: Cannot listen on port ${port}: it is in use by another process; set PORT to a free one.`);
    } finally {
      taken.close();
    }
  });
});

describe("chat credentials the platform refuses", { timeout: 90_000 }, () => {
  it("stops at once when Slack rejects the bot token", async () => {
    const policy = slackPolicy();
    const fake = await FakeSlack.start({ token: "xoxb-another", users: [] });
    try {
      const line = await oneLine([], {
        ...SERVE,
        BEACON_DATA_DIR: await migratedDataDir(dataDir("slack-rejected")),
        BEACON_POLICY: writePolicy(dir, policy),
        SLACK_BOT_TOKEN: SLACK_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
      });
      expect(line).toContain("beacon: Slack rejected SLACK_BOT_TOKEN (invalid_auth)");
      expect(line).not.toContain(SLACK_TOKEN);
    } finally {
      await fake.close();
    }
  });

  it("stops at once when Discord rejects the bot token at login", async () => {
    const fake = await FakeDiscord.start({ token: "another-token", users: [] });
    try {
      const line = await oneLine([], {
        ...SERVE,
        BEACON_DATA_DIR: await migratedDataDir(dataDir("discord-rejected")),
        BEACON_POLICY: writePolicy(dir, discordPolicy()),
        DISCORD_TOKEN,
        DISCORD_GUILD_ID: fake.guildId,
        DISCORD_API_URL: fake.apiUrl,
      });
      expect(line).toContain("beacon: Discord rejected DISCORD_TOKEN (401)");
    } finally {
      await fake.close();
    }
  });

  it("stops the worker at once when Discord rejects the bot token", async () => {
    const fake = await FakeDiscord.start({ token: "another-token", users: [] });
    const fresh = await freshPostgresDatabase();
    try {
      await (await openDatabase({ url: fresh.url, migrateOnOpen: true })).close();
      const line = await oneLine(["--mode", "worker"], {
        DATABASE_URL: fresh.url,
        REDIS_URL,
        BEACON_POLICY: writePolicy(dir, discordPolicy()),
        DISCORD_TOKEN,
        DISCORD_GUILD_ID: fake.guildId,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_RETRIES: "0",
      });
      expect(line).toContain("beacon: Discord rejected DISCORD_TOKEN (401)");
    } finally {
      await fake.close();
      await fresh.drop();
    }
  });

  it("exits with one line when Discord closes the gateway for good while Beacon runs", async () => {
    const policy = discordPolicy();
    const fake = await FakeDiscord.start({ token: DISCORD_TOKEN, users: [] });
    try {
      const beacon = startBeacon([], {
        ...SERVE,
        BEACON_DATA_DIR: await migratedDataDir(dataDir("discord-fatal")),
        BEACON_POLICY: writePolicy(dir, policy),
        DISCORD_TOKEN,
        DISCORD_GUILD_ID: fake.guildId,
        DISCORD_API_URL: fake.apiUrl,
      });
      await beacon.logged("serving");
      fake.gateway.closeWith(4014, "Disallowed intent(s).");
      const { code } = await beacon.exited;
      expect(code).toBe(1);
      const said = beacon
        .stderr()
        .split("\n")
        .filter((l) => l.startsWith("beacon: "));
      expect(said).toEqual([
        "beacon: Discord closed the gateway for good (4014 DisallowedIntents): enable the intents Beacon asks for in the Developer Portal (Bot → Privileged Gateway Intents)",
      ]);
    } finally {
      await fake.close();
    }
  });
});

describe("an embedded data directory Beacon must not open", { timeout: 90_000 }, () => {
  it("refuses a directory that holds something other than a database instead of initialising over it", async () => {
    const data = dataDir("not-a-db");
    mkdirSync(join(data, "pglite"), { recursive: true });
    writeFileSync(join(data, "pglite", "notes.txt"), "someone else's files");
    expect(await oneLine([], { ...SERVE, BEACON_DATA_DIR: data })).toContain("holds no database (no PG_VERSION)");
    expect(readFileSync(join(data, "pglite", "notes.txt"), "utf8")).toBe("someone else's files");
  });

  it("refuses a damaged database (a truncated control file)", async () => {
    const data = dataDir("damaged");
    mkdirSync(join(data, "pglite", "global"), { recursive: true });
    writeFileSync(join(data, "pglite", "PG_VERSION"), "18\n");
    writeFileSync(join(data, "pglite", "global", "pg_control"), Buffer.alloc(100));
    expect(await oneLine([], { ...SERVE, BEACON_DATA_DIR: data })).toContain("is damaged (global/pg_control is missing or truncated)");
  });

  it("refuses a directory another live Beacon holds", async () => {
    const data = dataDir("locked");
    mkdirSync(data, { recursive: true });
    const stat = readFileSync("/proc/self/stat", "utf8");
    const lock = {
      pid: process.pid,
      host: hostname(),
      boot: readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim(),
      start: stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19],
      token: "theirs",
    };
    writeFileSync(join(data, "pglite.lock"), JSON.stringify(lock));
    expect(await oneLine([], { ...SERVE, BEACON_DATA_DIR: data })).toContain(`is in use by process ${process.pid}; stop it first`);
    expect(JSON.parse(readFileSync(join(data, "pglite.lock"), "utf8")).token).toBe("theirs");
  });
});
