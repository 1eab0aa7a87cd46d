import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AppDeps } from "../app/deps.js";
import type { Config } from "../config.js";
import { AccessKeys } from "../web/access.js";
import { reviewRoutes } from "../web/review-routes.js";
import type { Route } from "../web/server.js";

/** How long a login link works: long enough to click, too short to be worth forwarding. */
export const LOGIN_MINUTES = 15;

/**
 * The link secret: BEACON_LINK_SECRET, else (embedded default) one kept in the
 * data directory so sessions survive a restart, or a fresh one for a throw-away
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

/** Mount the reviewer pages and let the bot post login links to them. */
export function reviewSide(config: Config, deps: AppDeps, secret: string | undefined): Route | undefined {
  if (!secret || !deps.grants) {
    deps.log.warn("reviewer pages off: set BEACON_LINK_SECRET to serve them and post login links");
    return undefined;
  }
  const grants = deps.grants;
  const keys = new AccessKeys(secret);
  const base = (config.BEACON_PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, "");
  deps.links = {
    login: async (personId, number) => {
      const { token, id } = keys.issue();
      const now = deps.clock.now();
      const expiresAt = new Date(now.getTime() + LOGIN_MINUTES * 60_000);
      await grants.add({ id, kind: "login", subject: personId, scope: "person", createdAt: now, expiresAt });
      return `${base}/r/${token}?to=${encodeURIComponent(`/incidents/${number}`)}`;
    },
    page: (number) => `${base}/incidents/${number}`,
    token: async (name, scope) => {
      const { token, id } = keys.issue();
      await grants.add({ id, kind: "token", subject: name, scope, createdAt: deps.clock.now(), expiresAt: null });
      return token;
    },
  };
  return reviewRoutes({
    store: deps.store,
    grants,
    keys,
    policy: deps.policy,
    clock: deps.clock,
    envToken: config.BEACON_REVIEW_TOKEN,
    sessionDays: config.BEACON_LINK_DAYS,
    secureCookies: base.startsWith("https://"),
    feedSecret: secret,
  });
}
