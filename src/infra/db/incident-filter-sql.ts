import { drills } from "../../core/figure-drill.js";
import { searchTerms } from "../../core/incident-search.js";
import type { IncidentFilter } from "../../ports/incident-store.js";
import { CLOCK_COLUMNS, clockOutcomeSql } from "./clock-outcome-sql.js";
import { Prisma } from "./generated/client.js";

// The IncidentFilter as SQL conditions on the `incident` table, shared by
// the listing, the figures' lean read and the figures computed in SQL.

/** The filter as SQL conditions (the keyset bounds included). */
export function whereSql(filter: IncidentFilter): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.ids) where.push(filter.ids.length ? Prisma.sql`id IN (${Prisma.join(filter.ids)})` : Prisma.sql`FALSE`);
  if (filter.status) where.push(Prisma.sql`status IN (${Prisma.join(filter.status)})`);
  if (filter.drill !== undefined) where.push(Prisma.sql`drill = ${filter.drill}`);
  if (filter.severity) where.push(Prisma.sql`severity IN (${Prisma.join(filter.severity)})`);
  if (filter.kind) where.push(Prisma.sql`kind IN (${Prisma.join(filter.kind)})`);
  if (filter.from) where.push(Prisma.sql`declared_at >= ${filter.from}`);
  if (filter.to) where.push(Prisma.sql`declared_at < ${filter.to}`);
  // Row comparisons the (declared_at, number) index serves.
  if (filter.before)
    where.push(Prisma.sql`(declared_at, number) < (${filter.before.declaredAt}::timestamptz, ${filter.before.number}::int)`);
  if (filter.after) where.push(Prisma.sql`(declared_at, number) > (${filter.after.declaredAt}::timestamptz, ${filter.after.number}::int)`);
  if (filter.text !== undefined) {
    const { numberPrefix, title } = searchTerms(filter.text);
    const either: Prisma.Sql[] = [];
    if (numberPrefix !== undefined) either.push(Prisma.sql`number::text LIKE ${`${numberPrefix}%`}`);
    if (title !== undefined) either.push(Prisma.sql`state->>'title' ILIKE ${`%${title.replace(/[\\%_]/g, "\\$&")}%`}`);
    if (either.length) where.push(Prisma.sql`(${Prisma.join(either, " OR ")})`);
  }
  if (filter.behind && drills(filter.behind)) where.push(behindSql(filter.behind));
  return Prisma.join(where, " AND ");
}

/** `isBehind` (core/figure-drill.ts) in SQL: no drill, resolved as asked, a latest deadline of the clock and outcome asked for. */
function behindSql(d: NonNullable<IncidentFilter["behind"]>): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`NOT drill`];
  // resolve_ms (a figure column) is NULL exactly when the document has no resolve time.
  if (d.resolved !== undefined) parts.push(Prisma.sql`(resolve_ms IS NOT NULL) = ${d.resolved}`);
  if (d.clock || d.outcome) {
    // First on the figure columns (no document unpacked): some counted clock of that key with that outcome. A latest
    // run is a counted clock, so an incident this leaves out has none; the exact test on the document follows.
    const counted: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (d.clock) counted.push(Prisma.sql`f.key = ${d.clock}`);
    if (d.outcome)
      counted.push(
        Prisma.sql`COALESCE(f.settled, CASE WHEN ${d.now}::timestamptz > f.due THEN 'missed' ELSE 'running' END) = ${d.outcome}`,
      );
    parts.push(Prisma.sql`EXISTS (
      SELECT 1 FROM unnest(clock_keys, clock_settled, clock_due) AS f(key, settled, due) WHERE ${Prisma.join(counted, " AND ")})`);
    const match: Prisma.Sql[] = [Prisma.sql`c."cancelledAt" IS NULL OR c."cancelledAt" = ''`];
    if (d.clock) match.push(Prisma.sql`c.key = ${d.clock}`);
    if (d.outcome) match.push(Prisma.sql`(${clockOutcomeSql(d.now)}) = ${d.outcome}`);
    // The latest run of each key (`latestClocks`): no later run of it, nor an earlier entry with the same run.
    parts.push(Prisma.sql`EXISTS (
      SELECT 1 FROM jsonb_array_elements(state->'clocks') WITH ORDINALITY AS e(v, ord), jsonb_to_record(e.v) AS ${CLOCK_COLUMNS}
      WHERE (${Prisma.join(match, ") AND (")}) AND NOT EXISTS (
        SELECT 1 FROM jsonb_array_elements(state->'clocks') WITH ORDINALITY AS o(v, ord)
        WHERE o.v->>'key' = c.key AND ((o.v->>'run')::int > c.run OR ((o.v->>'run')::int = c.run AND o.ord < e.ord))))`);
  }
  return Prisma.join(parts, " AND ");
}
