import { reviewSide } from "../../src/compose/review.js";
import { loadConfig } from "../../src/config.js";
import type { Policy } from "../../src/core/policy/schema.js";
import { startWeb } from "../../src/web/server.js";
import { harness, type Harness } from "../helpers/app-harness.js";

export const SECRET = "test-link-secret-0123456789abcdef";

/** Tuesday 1 December 2026, 10:00 in Shanghai. */
export const TUESDAY_10 = new Date("2026-12-01T02:00:00Z");

export interface ReviewHarness extends Harness {
  base: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A link as the bot would post it to this person, and the session cookie it opens. */
  session(personId?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Seeds three incidents through the real use-cases on a manual clock: #1 an
 * urgent complaint acknowledged in time, whose first reply came late; #2 an
 * important incident raised to urgent, nobody answering; #3 a drill.
 */
export async function reviewHarness(opts: { policy?: Policy; seed?: boolean } = {}): Promise<ReviewHarness> {
  const h = await harness({ policy: opts.policy, at: TUESDAY_10 });
  const config = loadConfig({ BEACON_LINK_SECRET: SECRET, BEACON_REVIEW_TOKEN: "dashboard-token", BEACON_PUBLIC_URL: "http://beacon.test" });
  const route = reviewSide(config, h.deps, SECRET)!;
  const web = await startWeb({ port: 0, host: "127.0.0.1", store: h.store, clock: h.clock, probes: [], routes: [route] });
  const base = `http://127.0.0.1:${web.port}`;
  if (opts.seed !== false) {
    await h.as("dana", "declare urgent Checkout down --kind complaint --customer ACME");
    await h.advance(20);
    await h.as("lee", "ack #1");
    await h.as("dana", "declare important Portal slow --kind system");
    await h.as("dana", "drill urgent Practice run --kind complaint");
    await h.advance(90);
    await h.as("liu", "update #1 customer We are on it");
    await h.as("dana", "followup #1 Renew certificates automatically --owner lee --due 2026-12-15");
    await h.as("lee", "resolve #1 Certificate renewed");
    await h.as("dana", "close #1 --satisfaction 4");
    await h.as("dana", "sev #2 urgent Customers cannot pay");
  }
  const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers, redirect: "manual" });
  return {
    ...h,
    base,
    get,
    session: async (personId = "ada") => {
      const link = h.deps.links!.incident(1, personId).replace("http://beacon.test", "");
      const res = await get(link);
      return res.headers.get("set-cookie")!.split(";")[0]!;
    },
    close: async () => {
      await web.close();
      await h.scheduler.stop();
    },
  };
}
