import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { processAlerts } from "../../src/app/ingest-alerts.js";
import { timerKeys } from "../../src/core/timers.js";
import { openDatabase, type Database } from "../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../src/infra/db/prisma-incident-store.js";
import { harness, type Harness } from "../helpers/app-harness.js";
import { freshPostgresDatabase } from "../helpers/postgres.js";
import { alertPolicy, firing } from "../helpers/alert-batches.js";

// Two workers (two app instances, each with its own connection pool, as two
// processes have) process one storm's batches on one PostgreSQL database.

let dbs: Database[] = [];
let drop: () => Promise<void>;
let workers: Harness[];
beforeAll(async () => {
  const fresh = await freshPostgresDatabase();
  drop = fresh.drop;
  dbs = [await openDatabase({ url: fresh.url, migrateOnOpen: true }), await openDatabase({ url: fresh.url })];
  workers = await Promise.all(
    dbs.map((db) => harness({ policy: alertPolicy(), store: new PrismaIncidentStore(db.prisma, db.kind, db.direct) })),
  );
  for (const w of workers) w.deps.newId = randomUUID; // one id space, as two real processes have
});
afterAll(async () => {
  for (const w of workers ?? []) await w.scheduler.stop();
  for (const db of dbs) await db.close();
  await drop?.();
});

async function stored(request: string, ids: string[]) {
  const row = {
    key: timerKeys.alert("mon", request),
    dueAt: workers[0]!.clock.now().toISOString(),
    payload: { kind: "alert" as const, source: "mon", alerts: ids.map(firing) },
  };
  await workers[0]!.store.enqueue([row]);
  return row;
}

it("declares one incident for a storm whose batches two workers process at once, and records every alert once", async () => {
  const batches = await Promise.all(
    Array.from({ length: 12 }, (_, b) =>
      stored(
        `storm-${b}`,
        [0, 1, 2, 3].map((i) => `s${b}-${i}`),
      ),
    ),
  );
  // Batch b goes to worker b % 2; both workers run all of theirs at once.
  await Promise.all(batches.map((row, b) => processAlerts(workers[b % 2]!.deps, row.key, row.payload)));
  // Past the storm window, a repeat of the first alert reaches both workers at once: recorded on that incident, not declared again.
  for (const w of workers) w.clock.set(new Date(w.clock.now().getTime() + 30 * 60_000));
  const repeats = await Promise.all([stored("repeat-0", ["s0-0"]), stored("repeat-1", ["s0-0"])]);
  await Promise.all(repeats.map((row, b) => processAlerts(workers[b]!.deps, row.key, row.payload)));

  const store = workers[0]!.store;
  const incidents = await store.list({});
  expect(incidents).toHaveLength(1);
  const recorded = (await store.timeline(incidents[0]!.id)).flatMap((e) =>
    e.type === "alert" ? [(e.data as { fingerprint: string }).fingerprint] : [],
  );
  const storm = batches.flatMap((row) => row.payload.alerts.map((a) => a.fingerprint));
  expect(recorded.toSorted()).toEqual([...storm, "s0-0", "s0-0"].toSorted());
  expect(incidents[0]!.alert!.fingerprints.toSorted()).toEqual(storm.toSorted());
  for (const row of [...batches, ...repeats]) expect((await store.timer(row.key))?.state).toBe("fired");
});
