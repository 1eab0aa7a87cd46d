import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AccessGrant, AccessStore } from "../ports/access-store.js";

// Nothing a reviewer reads is public. A link the bot posts carries a one-use
// login token (minutes) for one person; it opens a session, a server-side
// record the cookie names; the JSON API takes named bearer tokens. Each is a
// random 256-bit token; the store keeps only its keyed hash
// (HMAC-SHA256 with BEACON_LINK_SECRET), so it can be revoked, and a copy of
// the database opens nothing. Time comes from the caller (the injected clock).

export const SESSION_COOKIE = "beacon_session";

/** Exactly 32 random bytes in base64url: anything else (trailing garbage included) is not a token. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class AccessKeys {
  constructor(private readonly secret: string) {}

  /** A fresh token and the id its record is stored under. */
  issue(): { token: string; id: string } {
    const token = randomBytes(32).toString("base64url");
    return { token, id: this.idOf(token)! };
  }

  /** The record id of a well-formed token; undefined for anything else. */
  idOf(token: string | undefined): string | undefined {
    if (token === undefined || !TOKEN.test(token)) return undefined;
    return createHmac("sha256", this.secret).update(token).digest("hex");
  }
}

/** Why a request carries no usable access. */
export type Refusal = "missing" | "malformed" | "expired" | "removed";

/** Who asks: a person's session, a named API token, or why neither. */
export type Who = { ok: true; grant: AccessGrant } | { ok: false; why: Refusal };

/**
 * The session cookie, read strictly: absent, or one well-formed token. A
 * cookie header that cannot be parsed (bad percent-encoding, a token with
 * anything around it) is "malformed" and answered 400, never a 500.
 */
export function sessionToken(req: IncomingMessage): { token?: string; malformed?: true } {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return TOKEN.test(value) ? { token: value } : { malformed: true };
  }
  return {};
}

export interface AccessOptions {
  keys: AccessKeys;
  grants: AccessStore;
  /** BEACON_REVIEW_TOKEN: a bearer token read from the environment, scope all, named "BEACON_REVIEW_TOKEN". */
  envToken?: string;
  now(): Date;
}

/** Who is asking: a live session or API token, else why not. */
export async function whoAsks(o: AccessOptions, req: IncomingMessage): Promise<Who> {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer ([\x21-\x7e]+)$/.exec(auth);
    if (!m) return { ok: false, why: "malformed" };
    const given = m[1]!;
    if (o.envToken && equal(given, o.envToken)) {
      const at = new Date(0);
      return {
        ok: true,
        grant: {
          id: "env",
          kind: "token",
          subject: "BEACON_REVIEW_TOKEN",
          scope: "all",
          createdAt: at,
          expiresAt: null,
          usedAt: null,
          revokedAt: null,
        },
      };
    }
    const id = o.keys.idOf(given);
    const grant = id ? await o.grants.live(id, o.now()) : null;
    return grant?.kind === "token" ? { ok: true, grant } : { ok: false, why: id ? "expired" : "malformed" };
  }
  const cookie = sessionToken(req);
  if (cookie.malformed) return { ok: false, why: "malformed" };
  if (!cookie.token) return { ok: false, why: "missing" };
  const grant = await o.grants.live(o.keys.idOf(cookie.token)!, o.now());
  return grant?.kind === "session" ? { ok: true, grant } : { ok: false, why: "expired" };
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The session cookie: HttpOnly, SameSite=Lax, expiring with the session. */
export function setSession(res: ServerResponse, token: string, expiresAt: Date, secure: boolean, now: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  res.setHeader("set-cookie", `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`);
}
