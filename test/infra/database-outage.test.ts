import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { AppDeps, Reply } from "../../src/app/deps.js";
import { dispatch } from "../../src/app/dispatch.js";
import { runDueTimer } from "../../src/app/run-due-timer.js";
import { createCalendar } from "../../src/core/calendar/business-calendar.js";
import { openDatabase } from "../../src/infra/db/connect.js";
import { PrismaIncidentStore } from "../../src/infra/db/prisma-incident-store.js";
import { LocalScheduler } from "../../src/infra/local-scheduler.js";
import { systemClock } from "../../src/ports/clock.js";
import { silentLogger } from "../../src/ports/logger.js";
import { RecordingChat } from "../fakes/recording-chat.js";
import { defaultPolicy } from "../helpers/default-policy.js";
import { freshPostgresDatabase } from "../helpers/postgres.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";

// PostgreSQL going away under load: every command either commits whole or is
// answered with a clear line, and nothing recorded before is lost.

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

describe("commands while PostgreSQL is restarted", () => {
  it("answers commands it could not write with a clear line, leaves no half-done incident and loses nothing written", async () => {
    const fresh = await freshPostgresDatabase();
    cleanups.push(() => fresh.drop());
    const setup = await openDatabase({ url: fresh.url, migrateOnOpen: true });
    await setup.close();
    const pgUrl = new URL(fresh.url);
    const proxy = await TcpProxy.start({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(fresh.url);
    viaProxy.port = String(proxy.port);
    const db = await openDatabase({ url: viaProxy.toString() });
    cleanups.push(() => db.close());
    const store = new PrismaIncidentStore(db.prisma, db.kind, db.direct);
    const policy = defaultPolicy();
    const scheduler = new LocalScheduler({ store, clock: systemClock, log: silentLogger, auto: true });
    cleanups.push(() => scheduler.stop());
    const deps: AppDeps = {
      store,
      chats: new Map([["test", new RecordingChat()]]),
      scheduler,
      clock: systemClock,
      policy,
      cal: createCalendar(policy.calendar),
      newId: randomUUID,
      log: silentLogger,
    };
    await scheduler.start((key) => runDueTimer(deps, key));

    let n = 0;
    const run = (text: string) =>
      dispatch(deps, { actor: { platform: "test", userId: "dana", name: "Dana", personId: "dana" }, text, requestKey: `outage-${++n}` });
    const load = async (count: number) => {
      const out: Array<{ text: string; reply: Reply }> = [];
      await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const text = i % 2 ? `declare general Outage ${n}-${i}` : `note #1 observation ${n}-${i}`;
          out.push({ text, reply: await run(text) });
        }),
      );
      return out;
    };

    expect((await run("declare urgent Before the outage")).error).toBeUndefined();
    const before = await load(10);
    expect(before.filter((r) => r.reply.error)).toEqual([]);
    const entriesBefore = (await store.timeline((await store.getByNumber(1))!.id)).length;

    const during = load(20);
    await proxy.cut();
    const answers = [...(await during), ...(await load(6))];
    await proxy.restore();
    const failed = answers.filter((a) => a.reply.error);
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) {
      expect(f.reply.text).toMatch(/database/i);
      expect(f.reply.text).not.toMatch(/at |Error:|\n\s+at /);
    }

    // Back up: the first incident kept every entry, each declare answered with success exists whole.
    const after = await load(4);
    expect(after.filter((r) => r.reply.error)).toEqual([]);
    const first = (await store.getByNumber(1))!;
    expect((await store.timeline(first.id)).length).toBeGreaterThanOrEqual(entriesBefore);
    const succeeded = [...before, ...answers, ...after].filter((a) => !a.reply.error);
    for (const s of succeeded.filter((a) => a.text.startsWith("declare"))) {
      const incident = (await store.list({ limit: 1000 })).find((i) => s.text.endsWith(i.title));
      expect(incident, s.text).toBeDefined();
      const types = (await store.timeline(incident!.id)).map((e) => e.type);
      expect(types.slice(0, 2)).toEqual(["declared", "paged"]);
    }
    for (const s of succeeded.filter((a) => a.text.startsWith("note"))) {
      const notes = (await store.timeline(first.id)).filter((e) => e.type === "note").map((e) => (e.data as { text: string }).text);
      expect(notes).toContain(s.text.replace("note #1 ", ""));
    }
    // No incident is half-written: every stored incident has its declaration and its first page on the timeline.
    for (const inc of await store.list({ limit: 1000 })) {
      const types = (await store.timeline(inc.id)).map((e) => e.type);
      expect(types.slice(0, 2), inc.title).toEqual(["declared", "paged"]);
    }
  }, 60_000);
});
