import { pino } from "pino";
import type { Logger } from "../ports/logger.js";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface LoggerOptions {
  level: LogLevel;
  /** Lines for a person (a terminal): time, level, message, fields; else one JSON object per line. */
  pretty?: boolean;
  /** Values never written (tokens, passwords), replaced wherever they appear, stacks and library messages included. */
  secrets?: Array<string | undefined>;
  /** Where a finished line goes (default stderr, so the console's stdout stays the conversation). */
  write?: (line: string) => void;
}

/** Field names whose values are never logged, whatever they hold. */
const REDACTED_KEYS = ["token", "password", "secret", "authorization", "cookie"];
const REDACT = [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`), "headers.authorization", "headers.cookie"];

/**
 * The process logger on pino: levels that filter (debug included), errors
 * with their stack and cause (any field holding an Error), secrets replaced.
 * Writes are synchronous, so the last line before an exit is never lost.
 */
export function createLogger(opts: LoggerOptions): Logger {
  const secrets = (opts.secrets ?? []).filter((s): s is string => !!s && s.length >= 6).sort((a, b) => b.length - a.length);
  const scrub = (line: string) => secrets.reduce((l, s) => l.split(s).join("[redacted]"), line);
  const out = opts.write ?? ((line: string) => void process.stderr.write(line));
  const stream = { write: (line: string) => out(scrub(opts.pretty ? prettyLine(line) : line)) };
  const p = pino(
    {
      level: opts.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: "[redacted]" },
    },
    stream,
  );
  const at = (level: Exclude<LogLevel, "silent">) => (msg: string, fields?: Record<string, unknown>) => {
    if (fields) p[level](withErrors(fields), msg);
    else p[level](msg);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/**
 * Errors under any top-level field become {type, message, stack, code, cause}
 * (JSON.stringify would make them {}); pino's own serializer does `err`.
 */
function withErrors(fields: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(fields)) {
    if (k !== "err" && v instanceof Error) (copy ??= { ...fields })[k] = pino.stdSerializers.err(v);
  }
  return copy ?? fields;
}

const COLOURS: Record<string, string> = { debug: "\x1b[90m", info: "\x1b[36m", warn: "\x1b[33m", error: "\x1b[31m" };

/** `12:04:05 WARN  message key=value`, then an error's stack indented below. */
export function prettyLine(json: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, msg, ...rest } = o;
  const when = typeof time === "string" ? new Date(time).toTimeString().slice(0, 8) : "";
  const lvl = String(level ?? "");
  const stacks: string[] = [];
  const pairs = Object.entries(rest).map(([k, v]) => {
    if (v && typeof v === "object" && "stack" in v && typeof v.stack === "string") {
      stacks.push(v.stack.replace(/^/gm, "    "));
      return `${k}=${JSON.stringify((v as { message?: unknown }).message ?? "")}`;
    }
    return `${k}=${typeof v === "string" && !/\s|"/.test(v) ? v : JSON.stringify(v)}`;
  });
  const head = `${when} ${COLOURS[lvl] ?? ""}${lvl.toUpperCase().padEnd(5)}\x1b[0m ${String(msg ?? "")}`;
  return [[head, ...pairs].join(" "), ...stacks].join("\n") + "\n";
}
