import type { AppDeps } from "../app/deps.js";
import type { Config } from "../config.js";
import type { Route } from "../web/server.js";
import type { Platform } from "../ports/platform.js";
import { reviewSide } from "./review.js";
import { alertHooks } from "../web/alert-hooks.js";

/**
 * Every HTTP route the web side serves besides health: platform receivers
 * (Slack events, Discord interactions), the reviewers' pages and the alert
 * receivers (`POST /hooks/<source>`). Used by the
 * production web process and by the embedded default alike.
 */
export function buildRoutes(config: Config, deps: AppDeps, platforms: Platform[], opts: { linkSecret?: string } = {}): Route[] {
  const review = reviewSide(config, deps, opts.linkSecret ?? config.BEACON_LINK_SECRET);
  const sources = deps.policy.alerts.sources;
  const hooks = Object.keys(sources).length ? [alertHooks(deps, (s) => config.env[sources[s]!.secretEnv])] : [];
  return [...platforms.flatMap((p) => p.routes), ...(review ? [review] : []), ...hooks];
}
