import { LogLevel } from "@slack/bolt";
import type { Logger } from "../../src/ports/logger.js";

/** Bolt's logger interface over Beacon's structured logger (Bolt's debug chatter is dropped). */
export function boltLogger(log: Logger) {
  let level = LogLevel.INFO;
  const line = (msg: unknown[]) =>
    msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => log.info(`slack: ${line(msg)}`),
    warn: (...msg: unknown[]) => log.warn(`slack: ${line(msg)}`),
    error: (...msg: unknown[]) => log.error(`slack: ${line(msg)}`),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
