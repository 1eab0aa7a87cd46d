import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { readScript, runConsoleWorkspace } from "./compose/embedded.js";
import { runWeb, runWorker } from "./compose/production.js";
import { loadConfig } from "./config.js";
import { jsonLogger } from "./infra/logger.js";
import { loadConfiguredPolicy } from "./infra/policy-file.js";
import { policyWarnings } from "./app/warnings.js";
import { systemClock } from "./ports/clock.js";
import { PLATFORM_IDENTITIES } from "./compose/platforms.js";

export { runConsoleWorkspace };

// The composition root's entry: `npm start` (everything in one process: the
// console workspace on the embedded database and in-process scheduler),
// `npm run web` and `npm run worker` (production, PostgreSQL + Redis).

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mode: { type: "string" },
      script: { type: "string" },
      locale: { type: "string" },
      data: { type: "string" },
      policy: { type: "string" },
    },
  });
  const config = loadConfig();
  const locale = (values.locale ?? config.BEACON_LOCALE) as "en" | "zh" | undefined;
  const policy = loadConfiguredPolicy(
    { path: values.policy ?? config.BEACON_POLICY, inline: config.BEACON_POLICY_YAML },
    { locale, platforms: PLATFORM_IDENTITIES },
  );
  const log = jsonLogger(config.LOG_LEVEL);
  // Said once at start (and in /readyz): a holiday list about to run out.
  if (!values.script) for (const warning of policyWarnings({ policy, clock: systemClock })) log.warn(warning);
  if (values.mode === "web" || values.mode === "worker") {
    const running = await (values.mode === "web" ? runWeb : runWorker)(config, policy, log);
    await new Promise<void>((resolve) => {
      for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => resolve());
    });
    await running.stop();
    return;
  }
  const script = values.script ? readScript(values.script) : undefined;
  await runConsoleWorkspace({
    policy,
    script,
    dataDir: values.data ?? (script ? ":memory:" : join(config.BEACON_DATA_DIR, "pglite")),
    databaseUrl: config.DATABASE_URL,
    out: (line) => process.stdout.write(line + "\n"),
    log,
    config,
  });
}

/** Problems an operator fixes (configuration, policy, unreachable servers): one clear line, no stack. */
const OPERATOR_ERRORS = ["POLICY.INVALID", "CONFIG.INVALID", "STARTUP.FAILED", "DB.UNREACHABLE", "DB.LOCKED", "DB.MIGRATION_FAILED"];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (e: { code?: string; message?: string; stack?: string }) => {
      process.stderr.write(`beacon: ${OPERATOR_ERRORS.includes(e.code ?? "") ? e.message : (e.stack ?? String(e))}\n`);
      process.exit(1);
    },
  );
}
