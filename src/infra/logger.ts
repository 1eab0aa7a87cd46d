import type { Logger } from "../ports/logger.js";

const LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
type Level = (typeof LEVELS)[number];

/** JSON lines on stderr, so the console workspace's stdout stays readable. */
export function jsonLogger(level: Level, write: (line: string) => void = (l) => process.stderr.write(l + "\n")): Logger {
  const min = LEVELS.indexOf(level);
  const at = (lvl: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS.indexOf(lvl) >= min) write(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...fields }));
  };
  return { info: at("info"), warn: at("warn"), error: at("error") };
}
