import type { Harness } from "./app-harness.js";

/** Tuesday 1 December 2026, 10:00 in Shanghai: inside working hours. */
export const TUESDAY_10 = new Date("2026-12-01T02:00:00Z");

/**
 * Three incidents through the real use-cases, for figures and reviewer pages
 * (start the harness at TUESDAY_10):
 * #1 urgent complaint for ACME, acknowledged at 20 min (start_handling met),
 *    its customer update late (first_reply missed), a follow-up, resolved,
 *    closed with satisfaction 4;
 * #2 important system incident nobody answers, raised to urgent (clocks re-planned);
 * #3 a drill that misses everything and must count nowhere.
 */
export async function seedReviewIncidents(h: Pick<Harness, "as" | "advance">): Promise<void> {
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
