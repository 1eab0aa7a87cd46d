import { policyWarnings } from "../app/warnings.js";
import type { AppDeps } from "../app/deps.js";
import type { Config } from "../config.js";
import type { Database } from "../infra/db/connect.js";
import { PrometheusMetrics, type Depth } from "../infra/metrics.js";
import type { Probe } from "../web/health.js";
import { startWeb, type Route, type WebServer } from "../web/server.js";
import type { ChatConnections } from "./chat-connections.js";
import { StartupError } from "./startup-error.js";

/** The process's metrics: the app's counters, plus the ledger's backlog and each chat's connection, read per scrape. */
export function processMetrics(db: Database, deps: AppDeps, chats: ChatConnections, queue?: Depth["queue"]): PrometheusMetrics {
  const metrics = new PrometheusMetrics({
    ledger: async () => {
      const [pending, due] = await Promise.all([
        db.prisma.timer.count({ where: { state: "pending" } }),
        db.prisma.timer.count({ where: { state: "pending", dueAt: { lte: deps.clock.now() } } }),
      ]);
      return { pending, due };
    },
    queue,
    chats: () => Object.fromEntries(Object.entries(chats.health()).map(([name, h]) => [name, h.ok])),
  });
  deps.metrics = metrics;
  return metrics;
}

export interface HttpOptions {
  config: Config;
  deps: AppDeps;
  db: Database;
  chats: ChatConnections;
  metrics: PrometheusMetrics;
  routes: Route[];
  /** Readiness besides the database and the chat platforms (Redis). */
  probes?: Probe[];
  /** Listen on this address unless BEACON_HOST says otherwise. */
  defaultHost: "127.0.0.1" | "0.0.0.0";
}

/**
 * Health, readiness (database, Redis, each chat platform), metrics and the
 * given routes on PORT. A port that cannot be taken is one line at start.
 */
export async function serveHttp(o: HttpOptions): Promise<WebServer> {
  try {
    return await startWeb({
      port: o.config.PORT,
      host: o.config.BEACON_HOST ?? o.defaultHost,
      store: o.deps.store,
      clock: o.deps.clock,
      log: o.deps.log,
      probes: [
        { name: "database", check: async () => void (await o.db.prisma.$queryRaw`SELECT 1`) },
        ...(o.probes ?? []),
        ...o.chats.probes(),
      ],
      routes: o.routes,
      warnings: () => policyWarnings(o.deps),
      metrics: { render: () => o.metrics.render(), token: o.config.BEACON_METRICS_TOKEN },
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "EADDRINUSE"
        ? "it is in use by another process"
        : code === "EACCES"
          ? "this user may not listen on it"
          : (e as Error).message;
    throw new StartupError(`Cannot listen on port ${o.config.PORT}: ${why}; set PORT to a free one.`);
  }
}
