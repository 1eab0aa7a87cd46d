import type { IncomingMessage, ServerResponse } from "node:http";

/** An HTTP route: answers the request and returns true, or returns false to let the next route try. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

/** A chat platform wired into the app: its ChatPort is in deps.chats; it receives events once started. */
export interface Platform {
  name: string;
  /** Start receiving events (web process, embedded default). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** HTTP routes it serves on Beacon's web server (Slack's request URL), if any. */
  routes: Route[];
  /**
   * Check the credentials without receiving (the worker, which only sends).
   * Rejected credentials throw one line; an unreachable platform is retried
   * in the background and reported by `health()`.
   */
  verify?(): Promise<void>;
  /** Reachable with accepted credentials: readiness and the metrics report it. */
  health?(): PlatformHealth;
  /** Settles when the platform failed for good while running (credentials revoked, a fatal gateway close). */
  failed?: Promise<Error>;
}

export type PlatformHealth = { ok: true } | { ok: false; reason: string };

export type { PlatformIdentity } from "../core/policy/platform-ids.js";
