import type { Config } from "../config.js";
import type { Mode } from "./cli.js";
import { StartupError } from "./startup-error.js";

/** Shortest link secret accepted: 128 bits as hex. */
const MIN_SECRET = 32;

/**
 * The settings a mode cannot run without, all named in one line. Links a
 * service posts in chat must point where people can open them, so anything
 * that serves chat in production needs BEACON_PUBLIC_URL (defaulting to
 * 127.0.0.1 silently produced links nobody could open); the web process needs
 * a link secret too (the one-process mode keeps one in its data directory).
 */
export function requireSettings(mode: Mode, config: Config): void {
  const missing: string[] = [];
  const problems: string[] = [];
  if (mode === "web" || mode === "worker") {
    if (!config.DATABASE_URL) missing.push("DATABASE_URL");
    if (!config.REDIS_URL) missing.push("REDIS_URL");
  }
  if (mode === "web" || mode === "serve") {
    const url = config.BEACON_PUBLIC_URL;
    if (!url) missing.push("BEACON_PUBLIC_URL");
    else if (!/^https?:\/\/[^/\s]+/.test(url))
      problems.push(`BEACON_PUBLIC_URL must be an http(s) address such as https://beacon.example.com, not "${url}"`);
  }
  if (mode === "web" && !config.BEACON_LINK_SECRET) missing.push("BEACON_LINK_SECRET");
  if (mode === "web" || mode === "worker") {
    // A secret anyone could guess is none: every one given in production is at least 32 bytes.
    for (const name of ["BEACON_LINK_SECRET", "BEACON_REVIEW_TOKEN", "BEACON_METRICS_TOKEN"] as const) {
      const secret = config[name];
      if (secret && Buffer.byteLength(secret) < MIN_SECRET)
        problems.push(`${name} is too short (at least ${MIN_SECRET} bytes: openssl rand -hex 32)`);
    }
  }
  if (!missing.length && !problems.length) return;
  const what = missing.length ? `${mode} needs ${list(missing)} (${missing.map(explain).join("; ")})` : `${mode} cannot start`;
  throw new StartupError([what, ...problems].join("; "));
}

function explain(name: string): string {
  switch (name) {
    case "DATABASE_URL":
      return "DATABASE_URL=postgresql://user:password@host:5432/beacon";
    case "REDIS_URL":
      return "REDIS_URL=redis://host:6379";
    case "BEACON_PUBLIC_URL":
      return "BEACON_PUBLIC_URL=https://beacon.example.com, the address links in chat point to";
    default:
      return "BEACON_LINK_SECRET signs those links: openssl rand -hex 32";
  }
}

const list = (names: string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);
