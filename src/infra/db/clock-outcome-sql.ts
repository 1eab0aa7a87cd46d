import { Prisma } from "./generated/client.js";

// `clockOutcome` (core/clock-outcome.ts) as a SQL expression, for the figures
// and the drill-down computed in the database. Same order of questions:
// cancelled, waived, stopped (met when at or before due), missed when marked
// or past due at the close or at `now`, not met when closed over, else
// running. A contract test holds the two equal on a varied data set.

/** The clock's fields as they come out of `jsonb_to_recordset` (see `CLOCK_COLUMNS`), on the alias `c`. */
export const CLOCK_COLUMNS = Prisma.raw(
  `c(key text, run int, "dueAt" timestamptz, "stoppedAt" timestamptz, "missedAt" text, "cancelledAt" text, "waivedAt" text, "notMetAt" timestamptz)`,
);

/** The outcome of the clock `c` at `now`: 'cancelled' | 'waived' | 'met' | 'missed' | 'notMet' | 'running'. */
export function clockOutcomeSql(now: Date): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN c."cancelledAt" <> '' THEN 'cancelled'
    WHEN c."waivedAt" <> '' THEN 'waived'
    WHEN c."stoppedAt" IS NOT NULL THEN CASE WHEN c."stoppedAt" <= c."dueAt" THEN 'met' ELSE 'missed' END
    WHEN c."missedAt" <> '' OR COALESCE(c."notMetAt", ${now}::timestamptz) > c."dueAt" THEN 'missed'
    WHEN c."notMetAt" IS NOT NULL THEN 'notMet'
    ELSE 'running' END`;
}
