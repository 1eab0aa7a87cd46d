/**
 * Who may read the reviewer pages, as server-side records: a one-use login
 * token a link carries, the session it opens, and the JSON API's named bearer
 * tokens. A record's id is a keyed hash of its token (the token itself is
 * never stored), so a copy of the database opens nothing.
 */
export interface AccessGrant {
  id: string;
  /** login: one use, minutes; session: what a login opens (cookie); token: the JSON API (bearer). */
  kind: "login" | "session" | "token";
  /** A policy person (login, session) or a token's name. */
  subject: string;
  /** person: what the policy lets that person read; all: everything; figures: the figures only. */
  scope: "person" | "all" | "figures";
  createdAt: Date;
  expiresAt: Date | null;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export interface AccessStore {
  add(grant: Omit<AccessGrant, "usedAt" | "revokedAt">): Promise<void>;
  /** A grant that is live at `now`: not revoked, not expired (a login: not used either). */
  live(id: string, now: Date): Promise<AccessGrant | null>;
  /** Use a login once: the first caller gets it (and it is spent), any other null. */
  redeem(id: string, now: Date): Promise<AccessGrant | null>;
  /** Every live session and token, newest first. */
  list(now: Date): Promise<AccessGrant[]>;
  /** Revoke every live grant of this subject (logins, sessions, tokens); how many. */
  revoke(subject: string, now: Date): Promise<number>;
}
