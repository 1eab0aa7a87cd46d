import type { Harness } from "./app-harness.js";

/** Tuesday 1 December 2026, 10:00 in Shanghai: inside working hours. */
export const TUESDAY_10 = new Date("2026-12-01T02:00:00Z");

/**
 * Three incidents through the real use-cases, for figures and reviewer pages
 * (start the harness at TUESDAY_10):
 * #1 urgent complaint for ACME, acknowledged at 20 min (start_handling met),
 *    its customer update late (first_reply missed), a follow-up, resolved,
 *    accepted by the customer with satisfaction 4, closed;
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
  await h.as("dana", "accept #1 --satisfaction 4");
  await h.as("dana", "close #1");
  await h.as("dana", "sev #2 urgent Customers cannot pay");
}

/** Friday 4 December 2026, 17:30 in Shanghai: half an hour before closing, a weekend ahead. */
export const FRIDAY_DEC_4_1730 = new Date("2026-12-04T09:30:00Z");
/** Tuesday 1 September 2026, 10:00 in Shanghai: where a harness with history starts. */
export const SEPTEMBER_1_10 = new Date("2026-09-01T02:00:00Z");

type Seeder = Pick<Harness, "as" | "advance" | "clock" | "store">;

/** Declare through the use-case and answer the new incident's number. */
async function declare(h: Seeder, text: string): Promise<number> {
  await h.as("dana", `declare ${text}`);
  return (await h.store.list({ limit: 1 }))[0]!.number;
}

async function advanceTo(h: Seeder, at: Date): Promise<void> {
  await h.advance(Math.max(0, (at.getTime() - h.clock.now().getTime()) / 60_000));
}

/**
 * A two-day complaint with a weekend in between (after seedHistory or seedReviewIncidents):
 * declared Friday 17:30, paged, escalated at 17:35 when nobody answers, the
 * one-hour start deadline missed at 18:30, acknowledged at 18:42, the customer
 * told at 19:05; the first written reply was due Monday 09:30 (the weekend
 * moved it); Monday the department takes it over, the refund is re-issued,
 * resolved, a follow-up filed, the customer accepts and the case is closed.
 */
export async function seedWeekendComplaint(h: Seeder): Promise<number> {
  await advanceTo(h, FRIDAY_DEC_4_1730);
  const number = await declare(h, 'urgent Refund not received --kind complaint --customer "Li Wei"');
  const n = `#${number}`;
  await h.advance(8);
  await h.as("dana", `role ${n} lead lee`);
  await h.advance(12);
  await h.as("liu", `note ${n} Customer called twice about order 88213`);
  await h.advance(52);
  await h.as("lee", `ack ${n}`);
  await h.advance(23);
  await h.as("liu", `update ${n} customer We are tracing the refund with the bank and will answer on Monday`);
  await advanceTo(h, new Date("2026-12-07T01:20:00Z")); // Monday 09:20
  await h.as("lee", `note ${n} The bank confirms the transfer is stuck`);
  await h.advance(45);
  await h.as("lee", `done ${n} forward_department`);
  await h.advance(335);
  await h.as("liu", `update ${n} customer The refund has been re-issued`);
  await h.advance(20);
  await h.as("lee", `resolve ${n} Refund re-issued`);
  await h.as("dana", `followup ${n} Alert on refunds stuck for over a day --owner lee --due 2026-12-18`);
  await h.advance(60);
  await h.as("liu", `accept ${n} --satisfaction 3`);
  await h.as("dana", `close ${n}`);
  return number;
}

/**
 * Three months of resolved incidents before December (start the harness at
 * SEPTEMBER_1_10), so the figures have a trend: acknowledged ever faster,
 * September missing its start deadlines, November keeping them.
 */
export async function seedHistory(h: Seeder): Promise<void> {
  const months: Array<[string, number[]]> = [
    ["2026-09", [8, 75, 20, 90]],
    ["2026-10", [5, 40, 70, 12]],
    ["2026-11", [3, 6, 25, 9]],
  ];
  for (const [month, acks] of months) {
    for (const [i, ack] of acks.entries()) {
      await advanceTo(h, new Date(`${month}-${String(8 + i * 5).padStart(2, "0")}T02:00:00Z`)); // a weekday-ish 10:00
      const n = await declare(h, `${i % 2 ? "important" : "urgent"} History ${month} ${i + 1} --kind ${i % 2 ? "system" : "complaint"}`);
      await h.advance(ack);
      await h.as("lee", `ack #${n}`);
      await h.as("liu", `update #${n} customer On it`);
      if (i % 2 === 0) await h.as("lee", `done #${n} forward_department`);
      await h.advance(30);
      await h.as("lee", `resolve #${n} Fixed`);
      await h.as("liu", `accept #${n}`);
    }
  }
}
