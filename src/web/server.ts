import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { IncidentStore } from "../ports/incident-store.js";
import type { Clock } from "../ports/clock.js";
import { silentLogger, type Logger } from "../ports/logger.js";
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
  /** Where a failed request is logged, with the reference its answer shows. */
  log?: Logger;
  /** `GET /metrics`: the Prometheus text, behind a bearer token when one is given. */
  metrics?: { render(): Promise<{ contentType: string; body: string }>; token?: string };
}

export interface WebServer {
  server: Server;
  port: number;
  /** Stop accepting connections and resolve once the requests in flight are answered. */
  close(): Promise<void>;
}

/** The pages are server-rendered HTML and SVG with one inline stylesheet: no script, no frames, no other origin. */
export const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The HTTP side that is not a platform: health, readiness and metrics, then any mounted routes. */
export async function startWeb(opts: WebOptions): Promise<WebServer> {
  const log = opts.log ?? silentLogger;
  const server = createServer((req, res) => {
    const started = performance.now();
    // Every answer: no script at all (the pages need none), no framing (clickjacking), nothing fetched from elsewhere.
    res.setHeader("content-security-policy", CSP);
    res.setHeader("x-frame-options", "DENY");
    res.once("finish", () =>
      log.debug("http request", {
        method: req.method,
        path: loggable(req.url),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      }),
    );
    void handle(opts, req, res).catch((e: unknown) => {
      // The person sees a reference; the log has it with the stack, so the two can be matched.
      const ref = randomBytes(4).toString("hex");
      log.error("http request failed", { ref, method: req.method, path: loggable(req.url), err: e });
      if (!res.headersSent) json(res, 500, { error: "internal error", ref });
      else res.end();
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
  return { server, port, close: () => closeGracefully(server) };
}

async function handle(opts: WebOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = requestUrl(req.url);
  if (!url) return json(res, 400, { error: "bad request target" });
  if (url.pathname === "/healthz") return json(res, 200, { status: "ok" });
  if (url.pathname === "/readyz") {
    const r = await readiness(opts.probes, opts.store, opts.clock, opts.warnings);
    return json(res, r.ready ? 200 : 503, r);
  }
  if (url.pathname === "/metrics" && opts.metrics) {
    if (opts.metrics.token && !bearer(req, opts.metrics.token)) return json(res, 401, { error: "a bearer token is required" });
    const { contentType, body } = await opts.metrics.render();
    res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
    res.end(body);
    return;
  }
  for (const route of opts.routes ?? []) if (await route(req, res, url)) return;
  json(res, 404, { error: "not found" });
}

/**
 * The request target as a URL, its path kept as a path: resolved against a
 * base, "//incidents/1" would become the host "incidents" (and "//" no URL at
 * all). A target that is not a path (a proxy's absolute form) is refused.
 */
function requestUrl(target: string | undefined): URL | undefined {
  const raw = target ?? "/";
  if (!raw.startsWith("/")) return undefined;
  try {
    return new URL(`http://beacon.local${raw}`);
  } catch {
    return undefined;
  }
}

function bearer(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(req.headers.authorization?.replace(/^Bearer /, "") ?? "");
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** A path fit for the log: signed links carry their signature in the path, and queries may carry anything. */
function loggable(raw: string | undefined): string {
  const path = (raw ?? "/").split("?")[0]!;
  return path.startsWith("/r/") ? "/r/…" : path;
}

/**
 * Stop listening, let the requests in flight finish, and close keep-alive
 * connections as soon as they are idle (a client holding one open would
 * otherwise keep the process alive until its own timeout).
 */
function closeGracefully(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
