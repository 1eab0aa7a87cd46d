import { searchTerms } from "../../core/incident-search.js";
import type { IncidentFilter } from "../../ports/incident-store.js";
import { Prisma } from "./generated/client.js";

/** The filter as SQL conditions, shared by the listing and the figures' lean read. */
export function whereSql(filter: IncidentFilter): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.ids) where.push(filter.ids.length ? Prisma.sql`id IN (${Prisma.join(filter.ids)})` : Prisma.sql`FALSE`);
  if (filter.status) where.push(Prisma.sql`status IN (${Prisma.join(filter.status)})`);
  if (filter.drill !== undefined) where.push(Prisma.sql`drill = ${filter.drill}`);
  if (filter.severity) where.push(Prisma.sql`severity IN (${Prisma.join(filter.severity)})`);
  if (filter.kind) where.push(Prisma.sql`kind IN (${Prisma.join(filter.kind)})`);
  if (filter.from) where.push(Prisma.sql`declared_at >= ${filter.from}`);
  if (filter.to) where.push(Prisma.sql`declared_at < ${filter.to}`);
  if (filter.text !== undefined) {
    const { numberPrefix, title } = searchTerms(filter.text);
    const either: Prisma.Sql[] = [];
    if (numberPrefix !== undefined) either.push(Prisma.sql`number::text LIKE ${`${numberPrefix}%`}`);
    if (title !== undefined) either.push(Prisma.sql`state->>'title' ILIKE ${`%${title.replace(/[\\%_]/g, "\\$&")}%`}`);
    if (either.length) where.push(Prisma.sql`(${Prisma.join(either, " OR ")})`);
  }
  return Prisma.join(where, " AND ");
}
