import { reviewSide } from "../../src/compose/review.js";
import { loadConfig } from "../../src/config.js";
import type { Policy } from "../../src/core/policy/schema.js";
import { startWeb } from "../../src/web/server.js";
import { harness, type Harness } from "../helpers/app-harness.js";
import { seedHistory, seedReviewIncidents, seedWeekendComplaint, SEPTEMBER_1_10, TUESDAY_10 } from "../helpers/review-seed.js";

export const SECRET = "test-link-secret-0123456789abcdef";

export interface ReviewHarness extends Harness {
  base: string;
  /** With `story: "weekend"`: the number of the two-day complaint with a weekend in between. */
  weekend?: number;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A link as the bot would post it to this person, and the session cookie it opens. */
  session(personId?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The reviewer pages over seeded incidents (test/helpers/review-seed.ts), behind signed links:
 * by default the three of seedReviewIncidents; with `story: "weekend"` three months of history
 * and then the two-day complaint with a weekend in between.
 */
export async function reviewHarness(opts: { policy?: Policy; seed?: boolean; story?: "weekend" } = {}): Promise<ReviewHarness> {
  const weekendStory = opts.story === "weekend";
  const h = await harness({ policy: opts.policy, at: weekendStory ? SEPTEMBER_1_10 : TUESDAY_10 });
  const config = loadConfig({
    BEACON_LINK_SECRET: SECRET,
    BEACON_REVIEW_TOKEN: "dashboard-token",
    BEACON_PUBLIC_URL: "http://beacon.test",
  });
  const route = reviewSide(config, h.deps, SECRET)!;
  const web = await startWeb({ port: 0, host: "127.0.0.1", store: h.store, clock: h.clock, probes: [], routes: [route] });
  const base = `http://127.0.0.1:${web.port}`;
  let weekend: number | undefined;
  if (weekendStory) {
    await seedHistory(h);
    weekend = await seedWeekendComplaint(h);
  } else if (opts.seed !== false) await seedReviewIncidents(h);
  const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers, redirect: "manual" });
  return {
    ...h,
    base,
    weekend,
    get,
    session: async (personId = "ada") => {
      const link = (await h.deps.links!.login(personId, 1)).replace("http://beacon.test", "");
      const res = await get(link);
      return res.headers.get("set-cookie")!.split(";")[0]!;
    },
    close: async () => {
      await web.close();
      await h.scheduler.stop();
    },
  };
}
