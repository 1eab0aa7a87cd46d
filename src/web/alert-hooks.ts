import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptAlerts } from "../app/ingest-alerts.js";
import type { AppDeps } from "../app/deps.js";
import { AlertPayloadError, normalizeAlerts } from "../core/alerts/normalize.js";
import type { Route } from "../ports/platform.js";

// `POST /hooks/<source>`: alerts from Alertmanager, Grafana or anything that
// posts the generic shape. Each source has its own secret: a bearer token, or
// an HMAC-SHA256 signature over `<timestamp>.<body>` (a request older than
// five minutes is refused, so a captured one cannot be replayed later; an
// exact replay within that time is stored once). The alerts are stored, then
// answered 202; processing follows from the ledger.

const MAX_BODY = 1024 * 1024;
const MAX_SKEW_SECONDS = 300;
const HOOK = /^\/hooks\/([a-z0-9][a-z0-9_-]*)$/;

function answer(res: ServerResponse, status: number, body: object): true {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
  return true;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The HMAC signature a sender puts in `X-Beacon-Signature`. */
export function signAlert(secret: string, timestamp: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex")}`;
}

type Verdict = { ok: true; replayKey: string } | { ok: false };

function authenticate(auth: "bearer" | "hmac", secret: string, req: IncomingMessage, body: Buffer, now: Date): Verdict {
  if (auth === "bearer") {
    const ok = same(String(req.headers.authorization ?? ""), `Bearer ${secret}`);
    // A bearer request carries no timestamp: the same body within a minute is one request.
    return ok ? { ok, replayKey: String(Math.floor(now.getTime() / 60_000)) } : { ok: false };
  }
  const ts = String(req.headers["x-beacon-timestamp"] ?? "");
  const sig = String(req.headers["x-beacon-signature"] ?? "");
  if (!/^\d{1,12}$/.test(ts) || Math.abs(now.getTime() / 1000 - Number(ts)) > MAX_SKEW_SECONDS) return { ok: false };
  return same(sig, signAlert(secret, ts, body)) ? { ok: true, replayKey: ts } : { ok: false };
}

/** The alert receivers; `secretOf` gives a source's secret (from the environment variable the policy names). */
export function alertHooks(deps: AppDeps, secretOf: (source: string) => string | undefined): Route {
  return async (req, res, url) => {
    const m = HOOK.exec(url.pathname);
    if (!m) return false;
    const source = deps.policy.alerts.sources[m[1]!];
    if (!source) return answer(res, 404, { error: "no such alert source" });
    if (req.method !== "POST") return answer(res, 405, { error: "POST only" });
    const secret = secretOf(m[1]!);
    const body = await readBody(req);
    if (!body) return answer(res, 413, { error: "body too large" });
    const now = deps.clock.now();
    const verdict = secret ? authenticate(source.auth, secret, req, body, now) : { ok: false as const };
    if (!verdict.ok) return answer(res, 401, { error: "bad or missing credentials" });
    let alerts;
    try {
      alerts = normalizeAlerts(source.format, JSON.parse(body.toString("utf8")));
    } catch (e) {
      if (e instanceof SyntaxError || e instanceof AlertPayloadError) return answer(res, 400, { error: `not a ${source.format} payload` });
      throw e;
    }
    const digest = createHash("sha256").update(verdict.replayKey).update("\n").update(body).digest("hex").slice(0, 32);
    await acceptAlerts(deps, m[1]!, digest, alerts);
    return answer(res, 202, { accepted: alerts.length });
  };
}
