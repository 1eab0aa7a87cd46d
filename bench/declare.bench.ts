// Declares per second and declare latency, from the command to every chat
// delivery recorded (room, card, pages and notices, to a recording chat), on
// the embedded PGlite and on PostgreSQL, one at a time and 8 at once; and
// beside it, in the same run, the baseline: the same rows (the incident
// document, its timeline entries and timers, as Beacon committed them) written
// by the bare driver in one transaction. Run: npm run bench -- declare
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { dispatch } from "../src/app/dispatch.js";
import { openDatabase, type Database } from "../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../src/infra/db/prisma-incident-store.js";
import { embeddedDeps } from "./embedded-deps.js";
import { loadPolicyFile } from "../src/infra/policy-file.js";
import type { ChangeSet } from "../src/ports/incident-store.js";
import { RecordingChat } from "../test/fakes/recording-chat.js";
import { freshPostgresDatabase } from "../test/helpers/postgres.js";
import { percentiles, report } from "./stats.js";

const N = Number(process.env.BENCH_DECLARES ?? 300);
const AT_ONCE = 8;

/** Runs one SQL text with parameters on the bare driver (pg pool or PGlite). */
type Raw = (sql: string, params: unknown[]) => Promise<unknown>;

export async function benchDeclare(): Promise<void> {
  let statements = 0;
  const tmp = process.env.TMPDIR ?? "/tmp";
  const bare = new PGlite(`${tmp}/beacon-bench-bare-${randomUUID()}`); // file-backed, like Beacon's
  await bare.exec(SCHEMA);
  // PGlite on the main thread (BEACON_PGLITE_THREAD=0) and in its own worker thread (the default), against the same bare baseline.
  for (const [label, pgliteThread] of [
    ["PGlite", false],
    ["PGlite thread", true],
  ] as const) {
    const lite = await openDatabase({ dataDir: `${tmp}/beacon-bench-${randomUUID()}`, pgliteThread, onStatement: () => statements++ });
    await run(
      label,
      lite,
      (sql, params) => bare.query(sql, params),
      () => statements,
      AT_ONCE,
    );
    await lite.close();
  }
  await bare.close();

  const fresh = await freshPostgresDatabase().catch(() => undefined);
  if (!fresh) return console.log("declare (PostgreSQL): skipped, no server");
  const pgdb = await openDatabase({ url: fresh.url, migrateOnOpen: true, onStatement: () => statements++ });
  // The baseline's tables live in their own schema of the same database.
  const pool = new pg.Pool({ connectionString: fresh.url, max: 10, options: "-c search_path=raw" });
  await pool.query("CREATE SCHEMA raw");
  await pool.query(SCHEMA);
  await run(
    "PostgreSQL",
    pgdb,
    (sql, params) => pool.query(sql, params),
    () => statements,
    AT_ONCE,
    pool,
  );
  await pool.end();
  await pgdb.close();
  await fresh.drop();
}

async function run(label: string, db: Database, raw: Raw, counted: () => number, atOnce: number, pool?: pg.Pool): Promise<void> {
  const policy = loadPolicyFile();
  const captured: ChangeSet[] = [];
  const prismaStore = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
  const store = Object.assign(Object.create(prismaStore) as PrismaIncidentStore, {
    commitNew: (build: (number: number) => ChangeSet) =>
      prismaStore.commitNew((number) => {
        const c = build(number);
        if (captured.length < 50) captured.push(structuredClone(c));
        return c;
      }),
  });
  const chat = new RecordingChat();
  const { deps, scheduler, start } = embeddedDeps({ store, policy, chats: new Map([["test", chat]]) });
  await start();
  const actor = { platform: "test", userId: "dana", name: "Dana", personId: "dana" };
  const declare = async (name: string) => {
    const reply = await dispatch(deps, { actor, text: `declare urgent ${name} --kind complaint`, requestKey: `${label}-${name}` });
    if (reply.error) throw new Error(reply.text);
    await scheduler.idle(); // every delivery of it recorded
  };
  for (let i = 0; i < 10; i++) await declare(`Warm-up ${i}`);

  const before = counted();
  const seq = await timed(N, 1, (i) => declare(`Bench ${i}`));
  const perDeclare = (counted() - before) / N;
  const par = await timed(N, atOnce, (i) => declare(`Parallel ${i}`));
  const callsPerDeclare = chat.calls.length / (2 * N + 10);
  await scheduler.stop();

  // The baseline: the same rows, written by the bare driver in one transaction each.
  const rows = captured.slice(10);
  const write = async (i: number, client?: pg.PoolClient) => {
    const c = rows[i % rows.length]!;
    const id = randomUUID();
    const q: Raw = client ? (sql, p) => client.query(sql, p) : raw;
    await q("BEGIN", []);
    await q(
      `INSERT INTO incident (id, number, request_key, declared_at, status, severity, kind, drill, version, state, updated_at)
       VALUES ($1, nextval('raw_number'), $2, $3, $4, $5, $6, $7, 1, $8, now())`,
      [
        id,
        id,
        c.incident.declaredAt,
        c.incident.status,
        c.incident.severity,
        c.incident.kind,
        c.incident.drill,
        JSON.stringify(c.incident),
      ],
    );
    await q(
      `INSERT INTO timeline_entry (incident_id, seq, at, type, actor, data)
       SELECT $1, s - 1, (e->>'at')::timestamptz, e->>'type', e->'actor', e->'data' FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(e, s)`,
      [id, JSON.stringify(c.entries)],
    );
    await q(
      `INSERT INTO timer (key, incident_id, kind, due_at, payload, state, created_at)
       SELECT $1 || (t->>'key'), $1, t->'payload'->>'kind', (t->>'dueAt')::timestamptz, t->'payload', 'pending', now() FROM jsonb_array_elements($2::jsonb) AS t`,
      [id, JSON.stringify(c.addTimers)],
    );
    await q("COMMIT", []);
  };
  const baseSeq = await timed(N, 1, (i) => (pool ? withClient(pool, (cl) => write(i, cl)) : write(i)));
  // PGlite is one connection: "at once" queues on it, as Beacon's does.
  const basePar = await timed(N, atOnce, (i) => (pool ? withClient(pool, (cl) => write(i, cl)) : serial(() => write(i))));

  report(`declare, one at a time (${label})`, {
    declares_per_s: seq.rate,
    p50_ms: seq.p50,
    p99_ms: seq.p99,
    baseline_per_s: baseSeq.rate,
    ratio: baseSeq.rate / seq.rate,
    statements_per_declare: perDeclare,
    chat_calls_per_declare: callsPerDeclare,
  });
  report(`declare, ${atOnce} at once (${label})`, {
    declares_per_s: par.rate,
    p50_ms: par.p50,
    p99_ms: par.p99,
    baseline_per_s: basePar.rate,
    ratio: basePar.rate / par.rate,
  });
}

async function withClient(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<void>): Promise<void> {
  const c = await pool.connect();
  try {
    await work(c);
  } finally {
    c.release();
  }
}

let queue: Promise<unknown> = Promise.resolve();
function serial(work: () => Promise<void>): Promise<void> {
  const next = queue.then(work);
  queue = next.catch(() => undefined);
  return next;
}

/** Run `n` jobs, `atOnce` at a time; rate per second and latency percentiles. */
async function timed(n: number, atOnce: number, job: (i: number) => Promise<void>): Promise<{ rate: number; p50: number; p99: number }> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      for (let i = next++; i < n; i = next++) {
        const s = performance.now();
        await job(i);
        lat.push(performance.now() - s);
      }
    }),
  );
  const p = percentiles(lat);
  return { rate: n / ((performance.now() - t0) / 1000), p50: p.p50, p99: p.p99 };
}

/** The three tables the baseline writes, shaped like Beacon's (same columns, keys and indexes). */
const SCHEMA = `
CREATE SEQUENCE raw_number;
CREATE TABLE incident (id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, request_key TEXT NOT NULL UNIQUE, status TEXT NOT NULL,
  severity TEXT NOT NULL, kind TEXT NOT NULL, drill BOOLEAN NOT NULL, declared_at TIMESTAMPTZ(3) NOT NULL, closed_at TIMESTAMPTZ(3),
  room_platform TEXT, room_channel_id TEXT, version INTEGER NOT NULL, state JSONB NOT NULL, updated_at TIMESTAMPTZ(3) NOT NULL);
CREATE INDEX ON incident (declared_at); CREATE INDEX ON incident (status); CREATE INDEX ON incident (room_platform, room_channel_id);
CREATE TABLE timeline_entry (id BIGSERIAL PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incident(id), seq INTEGER NOT NULL,
  at TIMESTAMPTZ(3) NOT NULL, type TEXT NOT NULL, actor JSONB NOT NULL, data JSONB NOT NULL, UNIQUE (incident_id, seq));
CREATE INDEX ON timeline_entry (at);
CREATE TABLE timer (key TEXT PRIMARY KEY, incident_id TEXT REFERENCES incident(id), kind TEXT NOT NULL, due_at TIMESTAMPTZ(3) NOT NULL,
  payload JSONB NOT NULL, state TEXT NOT NULL, fired_at TIMESTAMPTZ(3), created_at TIMESTAMPTZ(3) NOT NULL);
CREATE INDEX ON timer (state, due_at); CREATE INDEX ON timer (incident_id);
`;
