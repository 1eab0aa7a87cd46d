import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

// Nothing a reviewer reads is public. Access is a signed link the bot posts
// (HMAC-SHA256 over person and expiry, BEACON_LINK_SECRET), which opens a
// session cookie signed the same way; or a configured bearer token for the
// API. Time comes from the caller (the injected clock).

export interface Grant {
  /** Policy person id (or "token" for the configured API token). */
  person: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

export const SESSION_COOKIE = "beacon_session";

const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64url");

export function sign(secret: string, grant: Grant): string {
  const payload = b64(JSON.stringify({ p: grant.person, e: grant.exp }));
  return `${payload}.${b64(createHmac("sha256", secret).update(payload).digest())}`;
}

export type Verdict = { ok: true; grant: Grant } | { ok: false; why: "missing" | "tampered" | "expired" };

export function verify(secret: string, token: string | undefined, now: Date): Verdict {
  if (!token) return { ok: false, why: "missing" };
  const [payload, mac] = token.split(".");
  if (!payload || !mac) return { ok: false, why: "tampered" };
  const expected = createHmac("sha256", secret).update(payload).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: "tampered" };
  try {
    const { p, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { p: unknown; e: unknown };
    if (typeof p !== "string" || typeof e !== "number") return { ok: false, why: "tampered" };
    if (now.getTime() / 1000 >= e) return { ok: false, why: "expired" };
    return { ok: true, grant: { person: p, exp: e } };
  } catch {
    return { ok: false, why: "tampered" };
  }
}

export interface AccessOptions {
  secret: string;
  /** Optional API / login token (BEACON_REVIEW_TOKEN): `Authorization: Bearer …`. */
  apiToken?: string;
  now(): Date;
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** Who is asking: a valid session cookie or API token, else why not. */
export function check(opts: AccessOptions, req: IncomingMessage): Verdict {
  const auth = req.headers.authorization;
  if (opts.apiToken && auth?.startsWith("Bearer ")) {
    const given = Buffer.from(auth.slice(7));
    const want = Buffer.from(opts.apiToken);
    return given.length === want.length && timingSafeEqual(given, want)
      ? { ok: true, grant: { person: "token", exp: Infinity } }
      : { ok: false, why: "tampered" };
  }
  return verify(opts.secret, cookie(req, SESSION_COOKIE), opts.now());
}

/** The session cookie a valid link opens: HttpOnly, SameSite=Lax, expiring with the link. */
export function setSession(res: ServerResponse, token: string, grant: Grant, secure: boolean, now: Date): void {
  const maxAge = Math.max(0, Math.floor(grant.exp - now.getTime() / 1000));
  res.setHeader(
    "set-cookie",
    `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`,
  );
}
