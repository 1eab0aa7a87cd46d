import pg from "pg";
import { Prisma } from "../src/infra/db/generated/client.js";
import { whereSql } from "../src/infra/db/incident-filter-sql.js";
const pool = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:5432/h3_bench", max: 1 });
for (const behind of [{ clock: "first_reply", outcome: "missed" as const }, { outcome: "waived" as const }, { resolved: false }]) {
  const st = Prisma.sql`SELECT state FROM incident WHERE ${whereSql({ behind: { ...behind, now: new Date() } })} ORDER BY declared_at DESC, number DESC LIMIT 51`;
  const t = performance.now();
  const r = await pool.query(st.text, st.values);
  console.log(JSON.stringify(behind), r.rows.length, "rows", Math.round(performance.now() - t), "ms");
}
await pool.end();
