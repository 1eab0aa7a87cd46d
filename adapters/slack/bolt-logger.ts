import { LogLevel } from "@slack/bolt";
import type { Logger } from "../../src/ports/logger.js";

/** Bolt's logger interface over Beacon's structured logger: an error Bolt logs keeps its stack; debug lines show at LOG_LEVEL=debug. */
export function boltLogger(log: Logger, debug = false) {
  let level = LogLevel.INFO;
  const line = (msg: unknown[]) =>
    msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  const err = (msg: unknown[]) => {
    const e = msg.find((m) => m instanceof Error);
    return e ? { err: e } : undefined;
  };
  return {
    // Bolt's debug lines carry whole payloads: not even formatted unless asked for.
    debug: debug ? (...msg: unknown[]) => log.debug(`slack: ${line(msg)}`) : () => undefined,
    info: (...msg: unknown[]) => log.info(`slack: ${line(msg)}`, err(msg)),
    warn: (...msg: unknown[]) => log.warn(`slack: ${line(msg)}`, err(msg)),
    error: (...msg: unknown[]) => log.error(`slack: ${line(msg)}`, err(msg)),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
