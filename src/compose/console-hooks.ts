import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { PostAlert } from "../../adapters/console/console-workspace.js";
import type { AppDeps } from "../app/deps.js";
import { alertHooks, signAlert } from "../web/alert-hooks.js";

/**
 * The console's `/hook <source> <file>`: the body goes to `POST /hooks/<source>`
 * through the same route handler as HTTP (credentials checked, parsed, stored,
 * answered), carrying the source's bearer token or HMAC signature as its sender
 * would. The secret is the one in the environment variable the policy names;
 * when that is unset (a script, a first try), one made up for this run, known
 * only to this in-process sender and receiver: the served HTTP route still refuses everything.
 */
export function consoleHooks(deps: AppDeps, env: Record<string, string | undefined>): PostAlert {
  const madeUp = new Map<string, string>();
  const secretOf = (source: string): string | undefined => {
    const s = deps.policy.alerts.sources[source];
    if (!s) return undefined;
    const set = env[s.secretEnv];
    if (set) return set;
    if (!madeUp.has(source)) madeUp.set(source, randomBytes(24).toString("hex"));
    return madeUp.get(source);
  };
  const route = alertHooks(deps, secretOf);
  return async (source, body) => {
    const path = `/hooks/${encodeURIComponent(source)}`;
    const headers: Record<string, string> = { "content-type": "application/json" };
    const s = deps.policy.alerts.sources[source];
    const secret = secretOf(source) ?? "";
    if (s?.auth === "hmac") {
      const ts = String(Math.floor(deps.clock.now().getTime() / 1000));
      headers["x-beacon-timestamp"] = ts;
      headers["x-beacon-signature"] = signAlert(secret, ts, body);
    } else headers.authorization = `Bearer ${secret}`;
    const req = Object.assign(Readable.from([Buffer.from(body, "utf8")]), { method: "POST", url: path, headers });
    const answer = { status: 404, body: '{"error":"no such alert source"}' };
    const res = {
      writeHead(status: number) {
        answer.status = status;
        return res;
      },
      end(text?: string) {
        answer.body = text ?? "";
      },
    };
    await route(req as unknown as IncomingMessage, res as unknown as ServerResponse, new URL(`http://console${path}`));
    return answer;
  };
}
