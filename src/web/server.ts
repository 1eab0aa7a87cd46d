import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { IncidentStore } from "../ports/incident-store.js";
import type { Clock } from "../ports/clock.js";
import { readiness, type Probe } from "./health.js";

export type { Route } from "../ports/platform.js";
import type { Route } from "../ports/platform.js";

export interface WebOptions {
  port: number;
  host?: string;
  store: IncidentStore;
  clock: Clock;
  probes: Probe[];
  /** Warnings /readyz reports (they do not make the process unready). */
  warnings?: () => string[];
  /** Further routes (platform receivers, reviewer pages); the first that returns true answered. */
  routes?: Route[];
}

/** The HTTP side that is not a platform: health and readiness, then any mounted routes. */
export async function startWeb(opts: WebOptions): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void handle(opts, req, res).catch((e: Error) => {
      if (!res.headersSent) json(res, 500, { error: "internal error" });
      else res.end();
      void e;
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return { server, port, close: () => new Promise((r) => server.close(() => r())) };
}

async function handle(opts: WebOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://beacon.local");
  if (url.pathname === "/healthz") return json(res, 200, { status: "ok" });
  if (url.pathname === "/readyz") {
    const r = await readiness(opts.probes, opts.store, opts.clock, opts.warnings);
    return json(res, r.ready ? 200 : 503, r);
  }
  for (const route of opts.routes ?? []) if (await route(req, res, url)) return;
  json(res, 404, { error: "not found" });
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
