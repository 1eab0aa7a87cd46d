// Reviewer side: time to render the incident page, the Markdown summary and
// the JSON export of an incident with 10,000 timeline entries; time to read
// 100,000 incidents from PostgreSQL and compute the figures page.
// `/incidents`' first page and `/figures` over 100,000 incidents on
// PostgreSQL, each beside the bare driver reading the same rows.
// Run: npm run bench -- review
import { performance } from "node:perf_hooks";
import { computeFigures } from "../src/core/figures.js";
import { renderSummaryMarkdown, summarize } from "../src/core/summary.js";
import { summaryJson } from "../src/core/summary-json.js";
import { openDatabase } from "../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../src/infra/db/prisma-incident-store.js";
import pg from "pg";
import type { Policy } from "../src/core/policy/schema.js";
import { figuresOfRow, figuresStatement } from "../src/infra/db/figures-sql.js";
import { loadFigures } from "../src/web/figures-data.js";
import { LIST_PAGE, readPage } from "../src/web/incident-pages.js";
import { figuresPage } from "../src/web/pages/figures-page.js";
import { listPage } from "../src/web/pages/list-page.js";
import { incidentPage } from "../src/web/pages/incident-page.js";
import { harness } from "../test/helpers/app-harness.js";
import { bigIncident } from "../test/helpers/big-incident.js";
import { freshPostgresDatabase } from "../test/helpers/postgres.js";
import { percentiles, report } from "./stats.js";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000);
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 100_000);

function time<T>(runs: number, work: () => T): { p50: number; max: number; last: T } {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = work();
    ms.push(performance.now() - t0);
  }
  const p = percentiles(ms);
  return { p50: p.p50, max: p.max, last };
}

async function bigIncidentPage(): Promise<void> {
  const { h, incident, entries } = await bigIncident(ENTRIES);
  const now = h.clock.now();
  const page = time(10, () => incidentPage(h.deps.policy, incident, entries, now));
  // Bytes on the wire (UTF-8), the figure the page-weight test holds under 2.8 MB.
  report(`incident page, ${entries.length} entries`, { p50_ms: page.p50, max_ms: page.max, html_bytes: Buffer.byteLength(page.last) });
  const md = time(10, () => renderSummaryMarkdown(h.deps.policy, summarize(h.deps.policy, 1, entries, now)));
  report(`summary Markdown, ${entries.length} entries`, { p50_ms: md.p50, max_ms: md.max, kb: md.last.length / 1024 });
  const json = time(10, () => JSON.stringify(summaryJson(h.deps.policy, incident, summarize(h.deps.policy, 1, entries, now))));
  report(`summary JSON, ${entries.length} entries`, { p50_ms: json.p50, max_ms: json.max, kb: json.last.length / 1024 });
  await h.scheduler.stop();
}

async function figuresAtScale(): Promise<void> {
  const fresh = await freshPostgresDatabase().catch(() => undefined);
  if (!fresh) return console.log("figures (PostgreSQL): skipped, no server");
  const db = await openDatabase({ url: fresh.url, migrateOnOpen: true });
  const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  // One real incident as the template, resolved, then 100,000 variants in SQL.
  const h = await harness({ store });
  await h.as("dana", "declare urgent Template --kind complaint");
  await h.advance(20);
  await h.as("lee", "ack #1");
  await h.as("liu", "update #1 customer On it");
  await h.as("lee", "resolve #1 Done");
  await h.scheduler.stop();
  const t0 = performance.now();
  const kinds = "ARRAY['complaint','system','staffing','pr','peak']";
  const severities = "ARRAY['urgent','important','general']";
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO incident (id, number, request_key, status, severity, kind, drill, declared_at, version, state, updated_at)
    SELECT 'bench-' || g, 1000 + g, 'bench-' || g, t.status, (${severities})[1 + g % 3], (${kinds})[1 + g % 5], g % 50 = 0,
           now() - (g || ' minutes')::interval, 1,
           jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(t.state,
             '{id}', to_jsonb('bench-' || g)), '{number}', to_jsonb(1000 + g)), '{requestKey}', to_jsonb('bench-' || g)),
             '{severity}', to_jsonb((${severities})[1 + g % 3])), '{kind}', to_jsonb((${kinds})[1 + g % 5])), '{drill}', to_jsonb(g % 50 = 0)),
           now()
    FROM generate_series(1, ${INCIDENTS}) g, (SELECT status, state FROM incident WHERE number = 1) t`);
  report(`seed ${INCIDENTS} incidents (SQL)`, { ms: performance.now() - t0 });
  await db.prisma.$executeRawUnsafe("ANALYZE incident");
  const pool = new pg.Pool({ connectionString: fresh.url, max: 2 });
  const policy = h.deps.policy;
  const zone = policy.calendar.timeZone;
  const now = new Date();
  await firstPage(store, pool, policy, now);
  await figuresOver(store, pool, policy, now, zone);
  await pool.end();
  await db.close();
  await fresh.drop();
}

/** Milliseconds of `work`, p50 over `runs` after one warm-up run. */
async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ p50: number; last: T }> {
  let last = await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await work();
    ms.push(performance.now() - t);
  }
  return { p50: percentiles(ms).p50, last };
}

/** `/incidents` with no filter: its first page (read and rendered) beside the bare driver reading the same rows. */
async function firstPage(store: PrismaIncidentStore, pool: pg.Pool, policy: Policy, now: Date): Promise<void> {
  const page = await timed(20, async () => {
    const p = await readPage(store, { drill: false }, {}, LIST_PAGE);
    const drills = await readPage(store, { drill: true }, {}, LIST_PAGE);
    return listPage(policy, p, drills, {}, now);
  });
  const read = await timed(20, async () => {
    await readPage(store, { drill: false }, {}, LIST_PAGE);
    return readPage(store, { drill: true }, {}, LIST_PAGE);
  });
  // Baseline: the same rows (a page and one more, and the drills' page) on the bare driver, JSON parsed, no checking.
  const bare = await timed(20, async () => {
    const sql = "SELECT state FROM incident WHERE drill = $1 ORDER BY declared_at DESC, number DESC LIMIT $2";
    const a = await pool.query(sql, [false, LIST_PAGE + 1]);
    const b = await pool.query(sql, [true, LIST_PAGE + 1]);
    return a.rows.length + b.rows.length;
  });
  // Its two reads (the incidents' page and the drills' page, each checked with zod) beside the same two on the bare driver.
  report(`/incidents first page of ${INCIDENTS} (PG)`, {
    p50_ms: page.p50,
    reads_ms: read.p50,
    bare_pg_reads_ms: bare.p50,
    ratio: `${(read.p50 / bare.p50).toFixed(2)}x`,
    html_bytes: Buffer.byteLength(page.last),
  });
  // Before the keyset pages: the list read every incident the filter selected (up to 100,000), then kept the page.
  const t = performance.now();
  const everything = await store.list({ drill: false, limit: 100_000 });
  report(`  before: the whole list read, ${everything.length} incidents`, { ms: performance.now() - t });
}

/** `/figures` with no period (all incidents, and the twelve-month trend) beside the bare driver. */
async function figuresOver(store: PrismaIncidentStore, pool: pg.Pool, policy: Policy, now: Date, zone: string): Promise<void> {
  // Baseline 1: the same statement as text on the bare driver (what Prisma and the assembling add). The two are
  // timed in turns, five each, so the machine's load falls on both alike.
  const statement = figuresStatement({}, now, zone);
  const bareFigures = async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL work_mem = '32MB'");
      const row = (await client.query(statement.text, statement.values)).rows[0];
      await client.query("COMMIT");
      return figuresOfRow(row);
    } finally {
      client.release();
    }
  };
  const pageMs: number[] = [];
  const sameMs: number[] = [];
  let html = "";
  for (let i = 0; i < 6; i++) {
    const a = performance.now();
    html = figuresPage(policy, await loadFigures(store, policy, {}, {}, now), {});
    const b = performance.now();
    await bareFigures();
    // The first turn warms both up.
    if (i) {
      pageMs.push(b - a);
      sameMs.push(performance.now() - b);
    }
  }
  const page = { p50: percentiles(pageMs).p50, last: html };
  const same = { p50: percentiles(sameMs).p50 };
  // Baseline 2: the bare driver reading just the fields the figures need of every incident (what computing in memory starts with).
  const rows = await timed(3, async () => {
    const r = await pool.query(`SELECT number, drill, kind, severity, declared_at, state->>'acknowledgedAt' AS a,
      state->>'firstResponseAt' AS f, state->>'resolvedAt' AS r, state->>'closedAt' AS c, state->'acceptance' AS acc,
      state->'satisfaction' AS s, state->'clocks' AS clocks FROM incident`);
    return r.rows.length;
  });
  report(`/figures over ${INCIDENTS} incidents (PG)`, {
    p50_ms: page.p50,
    same_statement_bare_pg_ms: same.p50,
    ratio: `${(page.p50 / same.p50).toFixed(2)}x`,
    bare_pg_read_rows_ms: rows.p50,
    ratio_rows: `${(page.p50 / rows.p50).toFixed(2)}x`,
    html_bytes: Buffer.byteLength(page.last),
  });
  // Before: every incident's figure fields read into memory, computeFigures over them (the trend reused the same rows).
  const before = await timed(2, async () => {
    const all = await store.figureInputs({});
    const figures = computeFigures(all, now, zone);
    return figuresPage(policy, { current: figures, trend: figures.months }, {});
  });
  report(`  before: read every incident + computeFigures`, { p50_ms: before.p50 });
}

export async function benchReview(): Promise<void> {
  await bigIncidentPage();
  await figuresAtScale();
}
