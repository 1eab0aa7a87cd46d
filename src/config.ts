import { z } from "zod";

// The only reader of process.env. Every setting is parsed here, once; the
// rest of the code receives a typed Config.

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/**
 * Due timers a process runs at once unless BEACON_WORKER_CONCURRENCY says
 * otherwise. The work is mostly waiting on the chat platform, so a storm's
 * pages should not queue behind a few incidents' room set-up.
 */
export const TIMERS_AT_ONCE = 10;

export const configSchema = z.object({
  BEACON_POLICY: optionalText,
  /** The policy itself (YAML or JSON text), instead of a file: for platforms where shipping a file is awkward. */
  BEACON_POLICY_YAML: optionalText,
  /** Overrides the policy's locale (en | zh) without editing the policy file. */
  BEACON_LOCALE: z.enum(["en", "zh"]).optional(),
  BEACON_DATA_DIR: z.string().default("./data"),
  /** The embedded database runs in its own worker thread (SQL never holds the event loop) unless `0`: then on the main thread. */
  BEACON_PGLITE_THREAD: z
    .enum(["0", "1", "false", "true"])
    .optional()
    .transform((v) => v !== "0" && v !== "false"),
  DATABASE_URL: optionalText,
  REDIS_URL: optionalText,
  /** The BullMQ queue on REDIS_URL; Beacons sharing one Redis (staging and production) each need their own. */
  BEACON_QUEUE: z
    .string()
    .regex(/^[\w-]+$/, "letters, digits, - and _ only")
    .default("beacon-timers"),
  /** Timers (mostly one incident's batch of chat deliveries each) one process runs at once: a worker, or the embedded process. */
  BEACON_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(TIMERS_AT_ONCE),
  /** Seconds between reconciles of the ledger with Redis (a flushed Redis is refilled within this). */
  BEACON_RECONCILE_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  BEACON_TIMER_HORIZON_MINUTES: z.coerce.number().min(1).max(10_080).default(60),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address HTTP listens on: default 127.0.0.1 for the one-process modes (console, serve), all interfaces for web and worker. */
  BEACON_HOST: optionalText,
  BEACON_PUBLIC_URL: optionalText,
  /** HMAC key of the signed links to reviewer pages (required for them in production; the embedded default keeps one in its data directory). */
  BEACON_LINK_SECRET: optionalText,
  /** How long a link the bot posts stays valid. */
  BEACON_LINK_DAYS: z.coerce.number().min(0.01).max(365).default(7),
  /** A token for the JSON API and pages (`Authorization: Bearer …`), for dashboards. */
  BEACON_REVIEW_TOKEN: optionalText,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Log lines as JSON (`json`) or for a person (`pretty`); default: pretty on a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  /** How long a stop (SIGTERM, SIGINT) may take to finish in-flight work before Beacon exits anyway. */
  BEACON_SHUTDOWN_SECONDS: z.coerce.number().min(1).max(600).default(8),
  /** A bearer token for `GET /metrics`; unset, the metrics are open to whoever reaches the port. */
  BEACON_METRICS_TOKEN: optionalText,
});

/** Beacon's own settings, and the environment as read, from which each chat platform parses its own (adapters/<platform>/settings.ts). */
export type Config = z.infer<typeof configSchema> & { env: Readonly<Record<string, string | undefined>> };

export class ConfigError extends Error {
  readonly code = "CONFIG.INVALID";
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable is an unset one: compose files and PaaS dashboards often set `NAME=` for "not used".
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = configSchema.safeParse(set);
  if (parsed.success) return { ...parsed.data, env: set };
  const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(`Invalid environment: ${lines.join("; ")}`);
}
