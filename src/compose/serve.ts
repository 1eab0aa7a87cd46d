import { join } from "node:path";
import type { Config } from "../config.js";
import type { Policy } from "../core/policy/schema.js";
import { systemClock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import { ChatConnections } from "./chat-connections.js";
import { openEmbedded, type Embedded } from "./embedded.js";
import { processMetrics, serveHttp } from "./http.js";
import { Teardown, type Service } from "./lifecycle.js";
import { buildPlatforms } from "./platforms.js";
import { linkSecret } from "./review.js";
import { buildRoutes } from "./routes.js";
import { StartupError } from "./startup-error.js";

/**
 * Serve mode: the whole of Beacon in one process, for a team that does not
 * need to scale out: HTTP (health, metrics, reviewer pages, Slack's request
 * URL), Slack and Discord, on the embedded database (or DATABASE_URL) and the
 * in-process scheduler, until signalled. What `npm start` runs without a
 * terminal (a service manager, a PaaS, a container).
 */
export async function startServe(config: Config, policy: Policy, log: Logger, dataDir?: string): Promise<Service> {
  const teardown = new Teardown(log);
  return teardown.guard(async () => {
    const dir = dataDir ?? join(config.BEACON_DATA_DIR, "pglite");
    const e = await openEmbedded(
      {
        policy,
        dataDir: dir,
        databaseUrl: config.DATABASE_URL,
        pgliteThread: config.BEACON_PGLITE_THREAD,
        concurrency: config.BEACON_WORKER_CONCURRENCY,
        log,
        clock: systemClock,
        auto: true,
        env: config.env,
      },
      teardown,
    );
    const served = await serveChatAndHttp(config, e, linkSecret(config, config.BEACON_DATA_DIR), teardown, { portTakenIsFatal: true });
    await e.startTimers();
    log.info("serving", {
      pid: process.pid,
      url: served.url,
      publicUrl: config.BEACON_PUBLIC_URL,
      platforms: served.platforms,
      database: config.DATABASE_URL ? "postgresql" : dir,
    });
    if (!served.platforms.length) log.warn("no chat platform configured (SLACK_BOT_TOKEN or DISCORD_TOKEN); serving HTTP only");
    return { stop: () => teardown.run(), failed: served.failed };
  });
}

/**
 * Chat platforms and HTTP on an embedded core: serve mode, and the
 * interactive console, where a taken port is only a warning (the console
 * still works without HTTP).
 */
export async function serveChatAndHttp(
  config: Config,
  e: Embedded,
  secret: string | undefined,
  teardown: Teardown,
  opts: { portTakenIsFatal: boolean },
): Promise<{ url?: string; platforms: string[]; failed: Promise<Error> }> {
  const platforms = await buildPlatforms(config, e.deps);
  const chats = new ChatConnections(platforms, { log: e.deps.log, how: "start" });
  teardown.add("chat platforms", async () => {
    for (const p of platforms) await p.stop();
  });
  teardown.add("chat retries", () => chats.stop());
  const metrics = processMetrics(e.db, e.deps, chats);
  let url: string | undefined;
  try {
    const web = await serveHttp({
      config,
      deps: e.deps,
      db: e.db,
      chats,
      metrics,
      routes: buildRoutes(config, e.deps, platforms, { linkSecret: secret }),
      // One process on someone's machine: only that machine, unless BEACON_HOST says otherwise (the Docker image does).
      defaultHost: "127.0.0.1",
    });
    teardown.add("http", () => web.close());
    url = `http://127.0.0.1:${web.port}`;
  } catch (err) {
    if (opts.portTakenIsFatal || !(err instanceof StartupError)) throw err;
    e.deps.log.warn("HTTP not served", { port: config.PORT, reason: err.message });
  }
  await chats.begin();
  return { url, platforms: platforms.map((p) => p.name), failed: chats.failed };
}
