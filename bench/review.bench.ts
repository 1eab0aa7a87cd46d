// Reviewer side: time to render the incident page, the Markdown summary and
// the JSON export of an incident with 10,000 timeline entries; time to read
// 100,000 incidents from PostgreSQL and compute the figures page.
// Run: npm run bench -- review
import { performance } from "node:perf_hooks";
import { computeFigures } from "../src/core/figures.js";
import { renderSummaryMarkdown, summarize } from "../src/core/summary.js";
import { summaryJson } from "../src/core/summary-json.js";
import { openDatabase } from "../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../src/infra/db/prisma-incident-store.js";
import { figuresPage } from "../src/web/pages/figures-page.js";
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
  const store = new PrismaIncidentStore(db.prisma, db.kind);
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
  const runs: number[] = [];
  const reads: number[] = [];
  let html = "";
  for (let i = 0; i < 3; i++) {
    const a = performance.now();
    const all = await store.figureInputs({});
    const b = performance.now();
    const figures = computeFigures(all, new Date(), h.deps.policy.calendar.timeZone);
    html = figuresPage(h.deps.policy, { current: figures, trend: figures.months }, {});
    runs.push(performance.now() - a);
    reads.push(b - a);
  }
  report(`figures page over ${INCIDENTS} incidents (PG)`, {
    p50_ms: percentiles(runs).p50,
    read_ms: percentiles(reads).p50,
    compute_render_ms: percentiles(runs).p50 - percentiles(reads).p50,
    html_bytes: Buffer.byteLength(html),
  });
  await db.close();
  await fresh.drop();
}

export async function benchReview(): Promise<void> {
  await bigIncidentPage();
  await figuresAtScale();
}
