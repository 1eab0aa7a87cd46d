import type { PrismaClient } from "./generated/client.js";
import { TAKE_NUMBER, type NewIncidentSql } from "./new-incident.js";
import { dollarQuoted, type DirectSql } from "./pg-direct.js";

// The statements that write a new incident (new-incident.ts), on Prisma
// (PGlite, or PostgreSQL without the bare pool) and on the bare pool.

/** A change, written by `beacon_commit` (a migration): the incident, its entries and timers, atomically. */
export const COMMIT = "SELECT beacon_commit($1::jsonb) AS done";
/** A new incident's change, written only under the number it was decided for (`beacon_commit_new`). */
const COMMIT_NEW = "SELECT beacon_commit_new($1::jsonb) AS n";

export function prismaNewIncidents(prisma: PrismaClient): NewIncidentSql {
  return {
    commitAsNext: async (json) => {
      await prisma.$queryRawUnsafe(COMMIT_NEW, json);
    },
    commitLocked: async (build) => {
      let number = 0;
      await prisma.$transaction(async (tx) => {
        // The counter row is locked until this transaction ends, so declares take numbers one after another,
        // and a rolled-back declare gives its number back.
        const rows = await tx.$queryRawUnsafe<Array<{ last: number }>>(TAKE_NUMBER);
        number = Number(rows[0]!.last);
        await tx.$queryRawUnsafe(COMMIT, build(number));
      });
      return number;
    },
  };
}

/** The same on the bare pool: the locked way is two round trips (BEGIN with the number; the write with COMMIT). */
export function directNewIncidents(direct: DirectSql): NewIncidentSql {
  return {
    commitAsNext: async (json) => {
      await direct.query(COMMIT_NEW, [json]);
    },
    commitLocked: (build) =>
      direct.session(async (run) => {
        const [, taken] = await run(`BEGIN; ${TAKE_NUMBER}`, ["BEGIN", TAKE_NUMBER]);
        const number = Number((taken!.rows[0] as { last: number }).last);
        await run(`SELECT beacon_commit(${dollarQuoted(build(number))}::jsonb); COMMIT`, [COMMIT, "COMMIT"]);
        return number;
      }),
  };
}
