import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readScript } from "../adapters/console/run-console.js";
import { parseCli, USAGE, type Cli } from "./compose/cli.js";
import { runService, type Service } from "./compose/lifecycle.js";
import { requireSettings } from "./compose/requirements.js";
import { StartupError } from "./compose/startup-error.js";
import { holdsEmbeddedDatabase, tuneForEmbeddedDatabase } from "./compose/embedded-memory.js";
import { loadConfig, type Config } from "./config.js";
import { createLogger } from "./infra/logger.js";
import { loadConfiguredPolicy } from "./infra/policy-file.js";
import { policyWarnings } from "./app/warnings.js";
import { PLATFORM_IDENTITIES } from "./compose/platforms.js";
import { systemClock } from "./ports/clock.js";
import type { Logger } from "./ports/logger.js";

// The composition root's entry: `node dist/src/main.js` (npm start) runs the
// console workspace in a terminal and serve mode without one; `--mode web`
// and `--mode worker` are production's two processes (PostgreSQL + Redis).
// Each mode's modules are imported only when that mode runs: the web process
// never loads the embedded database, and --help answers at once.

/** Problems an operator fixes (configuration, policy, servers, flags): one line, no stack. */
const OPERATOR_ERRORS = /^(CLI|CONFIG|POLICY|STARTUP|DB)\./;

async function main(argv: string[]): Promise<number> {
  const cli = parseCli(argv, !!process.stdin.isTTY);
  if (cli.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const config = loadConfig();
  const { log, redirect } = processLogger(config, cli);
  const script = cli.script === undefined ? undefined : readScriptOrSay(cli.script);
  // Before anything compiles PGlite (the early open just below included).
  if (holdsEmbeddedDatabase(cli.mode, config.DATABASE_URL)) tuneForEmbeddedDatabase();
  // A script's throw-away database opens in its own thread while the rest loads: opening is most of a script's start.
  if (script !== undefined && cli.data === undefined && !config.DATABASE_URL)
    void import("./infra/db/memory-database.js").then((m) => m.openMemoryEarly(config.BEACON_PGLITE_THREAD));
  const policy = loadConfiguredPolicy(
    { path: cli.policy ?? config.BEACON_POLICY, inline: config.BEACON_POLICY_YAML },
    { locale: cli.locale ?? config.BEACON_LOCALE, platforms: PLATFORM_IDENTITIES },
  );
  requireSettings(cli.mode, config);
  const startMode = async (): Promise<Service> => {
    switch (cli.mode) {
      case "web":
        return (await import("./compose/production.js")).startWebProcess(config, policy, log);
      case "worker":
        return (await import("./compose/production.js")).startWorkerProcess(config, policy, log);
      case "serve":
        return (await import("./compose/serve.js")).startServe(config, policy, log, cli.data);
      case "console":
        return (await import("./compose/console.js")).startConsole({
          policy,
          script,
          dataDir: cli.data ?? (script ? ":memory:" : join(config.BEACON_DATA_DIR, "pglite")),
          databaseUrl: config.DATABASE_URL,
          out: (line) => process.stdout.write(line + "\n"),
          log,
          config,
          redirectLogs: redirect,
        });
    }
  };
  // Once started (a start that fails says only why): a holiday list about to run out, also in /readyz.
  const start = async (): Promise<Service> => {
    const service = await startMode();
    if (script === undefined) for (const warning of policyWarnings({ policy, clock: systemClock })) log.warn(warning);
    return service;
  };
  return runService(start, {
    log,
    graceMs: config.BEACON_SHUTDOWN_SECONDS * 1000,
    say: (line) => process.stderr.write(`beacon: ${line}\n`),
    exit: (code) => process.exit(code),
  });
}

/**
 * Logs on stderr: JSON lines for machines, readable lines on a terminal.
 * Script mode is quiet unless asked (its stdout is a transcript). Secrets
 * from the environment are never written, wherever they appear.
 */
function processLogger(config: Config, cli: Cli): { log: Logger; redirect: (to: ((line: string) => void) | undefined) => void } {
  const stderr = (line: string) => void process.stderr.write(line);
  let write: (line: string) => void = stderr;
  const log = createLogger({
    level: cli.script !== undefined && !process.env.LOG_LEVEL ? "warn" : config.LOG_LEVEL,
    pretty: config.LOG_FORMAT ? config.LOG_FORMAT === "pretty" : !!process.stderr.isTTY,
    secrets: [
      // Every platform's credentials, whatever the platform: settings named like secrets.
      ...Object.entries(config.env)
        .filter(([name]) => /(TOKEN|SECRET|PASSWORD|_KEY)$/.test(name))
        .map(([, value]) => value),
      config.BEACON_LINK_SECRET,
      config.BEACON_REVIEW_TOKEN,
      config.BEACON_METRICS_TOKEN,
      ...[config.DATABASE_URL, config.REDIS_URL].map(passwordOf),
    ],
    write: (line) => write(line),
  });
  return { log, redirect: (to) => void (write = to ?? stderr) };
}

function passwordOf(url: string | undefined): string | undefined {
  try {
    return url ? decodeURIComponent(new URL(url).password) || undefined : undefined;
  } catch {
    return undefined;
  }
}

function readScriptOrSay(path: string): string[] {
  try {
    return readScript(path);
  } catch (e) {
    throw new StartupError(
      `cannot read the script ${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: { code?: string; message?: string; stack?: string }) => {
      const known = OPERATOR_ERRORS.test(e.code ?? "");
      process.stderr.write(`beacon: ${known ? e.message : (e.stack ?? String(e))}\n`);
      process.exit(1);
    },
  );
}
