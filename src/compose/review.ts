import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AppDeps } from "../app/deps.js";
import type { Config } from "../config.js";
import { sign } from "../web/access.js";
import { reviewRoutes } from "../web/review-routes.js";
import type { Route } from "../web/server.js";

/**
 * The link secret: BEACON_LINK_SECRET, else (embedded default) one kept in the
 * data directory so links survive a restart, or a fresh one for a throw-away
 * in-memory database. Production without it serves no reviewer pages.
 */
export function linkSecret(config: Config, dataDir?: string): string | undefined {
  if (config.BEACON_LINK_SECRET) return config.BEACON_LINK_SECRET;
  if (dataDir === undefined) return undefined;
  if (dataDir === ":memory:") return randomBytes(32).toString("hex");
  const file = join(dataDir, "link-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** Mount the reviewer pages and let the bot post links to them. */
export function reviewSide(config: Config, deps: AppDeps, secret: string | undefined): Route | undefined {
  if (!secret) {
    deps.log.warn("reviewer pages off: set BEACON_LINK_SECRET to serve them and post signed links");
    return undefined;
  }
  const base = (config.BEACON_PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, "");
  deps.links = {
    incident: (number, personId) => {
      const exp = Math.floor(deps.clock.now().getTime() / 1000 + config.BEACON_LINK_DAYS * 86_400);
      return `${base}/r/${sign(secret, { person: personId ?? "someone", exp })}?to=${encodeURIComponent(`/incidents/${number}`)}`;
    },
  };
  return reviewRoutes({
    store: deps.store,
    policy: deps.policy,
    clock: deps.clock,
    secret,
    apiToken: config.BEACON_REVIEW_TOKEN,
    secureCookies: base.startsWith("https://"),
  });
}
