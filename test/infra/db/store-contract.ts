import type { FigureInput } from "../../../src/core/figures.js";
import { describe, expect, it } from "vitest";
import { ConflictError, DuplicateRequestError, type IncidentStore } from "../../../src/ports/incident-store.js";
import type { TimerSpec } from "../../../src/core/timers.js";
import { created, fullIncident, next, note, sampleIncident, timer } from "./sample-incident.js";
import { describeNumbering } from "./numbering-contract.js";

const text = (e: { data: unknown }) => (e.data as { text: string }).text;

/** An on-call override of `rotation` for lee, made by ada. */
const override = (rotation: string, id: string, from: string, to: string, createdAt: string) => ({
  id: `${rotation}-${id}`,
  rotation,
  personId: "lee",
  from,
  to,
  createdBy: "ada",
  createdAt,
});

/** One contract for every IncidentStore: the Prisma store on PGlite and on PostgreSQL, and the test fake. */
export function describeIncidentStoreContract(name: string, open: () => Promise<IncidentStore>): void {
  describe(`IncidentStore contract: ${name}`, () => {
    describeNumbering(open);

    it("round-trips an incident by id, number, request key and room, with its timeline in order", async () => {
      const store = await open();
      const inc = sampleIncident({ room: { platform: "slack", channelId: `C-${Math.random()}` } });
      await store.commit(created(inc, [note("one"), note("two")]));
      expect(await store.get(inc.id)).toEqual({ ...inc, version: 1, nextSeq: 2 });
      expect((await store.getByNumber(inc.number))?.id).toBe(inc.id);
      expect((await store.getByRequestKey(inc.requestKey))?.id).toBe(inc.id);
      expect((await store.getByRoom("slack", inc.room!.channelId))?.id).toBe(inc.id);
      expect(await store.getByRoom("slack", "nowhere")).toBeNull();
      expect((await store.timeline(inc.id)).map((e) => [e.seq, e.type, text(e)])).toEqual([
        [0, "note", "one"],
        [1, "note", "two"],
      ]);
    });

    it("finds no incident for a number outside what the store holds, without a database error", async () => {
      const store = await open();
      for (const n of [2_147_483_648, 1e20, 0, -1, 1.5, Number.NaN]) expect(await store.getByNumber(n), String(n)).toBeNull();
    });

    it("reads back every field of a fully populated incident, none dropped", async () => {
      const store = await open();
      const inc = fullIncident();
      await store.commit(created(inc, [note("one")]));
      expect(await store.get(inc.id)).toStrictEqual({ ...inc, version: 1, nextSeq: 1 });
    });

    it("refuses a second incident with the same request key and writes nothing of it", async () => {
      const store = await open();
      const inc = sampleIncident();
      await store.commit(created(inc));
      const twin = sampleIncident({ requestKey: inc.requestKey });
      await expect(
        store.commit(created(twin, [note("x")], [timer(twin.id, `t-${twin.id}`, "2026-11-27T10:00:00.000Z")])),
      ).rejects.toBeInstanceOf(DuplicateRequestError);
      expect(await store.get(twin.id)).toBeNull();
      expect(await store.timer(`t-${twin.id}`)).toBeNull();
    });

    it("refuses a change made on a stale version, and rolls all of it back", async () => {
      const store = await open();
      const inc = sampleIncident();
      await store.commit(created(inc, [note("a")]));
      const v1 = (await store.get(inc.id))!;
      await store.commit(next(v1, { title: "first writer" }, [note("b")]));
      const stale = next(v1, { title: "second writer" }, [note("c")], {
        addTimers: [timer(inc.id, `stale-${inc.id}`, "2026-11-27T10:00:00.000Z")],
      });
      await expect(store.commit(stale)).rejects.toBeInstanceOf(ConflictError);
      expect((await store.get(inc.id))!.title).toBe("first writer");
      expect((await store.timeline(inc.id)).map(text)).toEqual(["a", "b"]);
      expect(await store.timer(`stale-${inc.id}`)).toBeNull();
    });

    it("adds timers idempotently, cancels them, and lets a timer be claimed once", async () => {
      const store = await open();
      const inc = sampleIncident();
      const k = (s: string) => `${inc.id}:${s}`;
      await store.commit(
        created(inc, [], [timer(inc.id, k("a"), "2026-11-27T10:00:00.000Z"), timer(inc.id, k("b"), "2026-11-27T10:05:00.000Z")]),
      );
      let cur = (await store.get(inc.id))!;
      await store.commit(next(cur, {}, [], { addTimers: [timer(inc.id, k("a"), "2030-01-01T00:00:00.000Z")], cancelTimers: [k("b")] }));
      expect((await store.timer(k("a")))!.dueAt).toBe("2026-11-27T10:00:00.000Z");
      expect((await store.timer(k("b")))!.state).toBe("cancelled");
      cur = (await store.get(inc.id))!;
      await store.commit(next(cur, {}, [note("fired")], { claimTimers: [k("a")] }));
      expect((await store.timer(k("a")))!.state).toBe("fired");
      cur = (await store.get(inc.id))!;
      await expect(store.commit(next(cur, { title: "twice" }, [note("again")], { claimTimers: [k("a")] }))).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect((await store.get(inc.id))!.title).not.toBe("twice");
      expect((await store.timeline(inc.id)).map(text)).not.toContain("again");
    });

    it("leases an incident's due deliveries to one runner with the incident, retries one later, and retires them once", async () => {
      const store = await open();
      const inc = sampleIncident();
      const deliver = (key: string, dueAt: string): TimerSpec => ({
        key,
        dueAt,
        payload: { kind: "deliver", incidentId: inc.id, delivery: { what: "card" }, attempt: 0 },
      });
      const [a, b, later] = [`${inc.id}:deliver:1.0`, `${inc.id}:deliver:1.1`, `${inc.id}:deliver:1.2`];
      await store.commit(
        created(
          inc,
          [],
          [
            deliver(a, "2026-11-27T10:00:00.000Z"),
            deliver(b, "2026-11-27T10:00:00.000Z"),
            deliver(later, "2026-11-27T12:00:00.000Z"),
            timer(inc.id, `${inc.id}:escalate`, "2026-11-27T10:00:00.000Z"),
          ],
        ),
      );
      const now = new Date("2026-11-27T10:01:00.000Z");
      const until = new Date("2026-11-27T10:03:00.000Z");
      const early = await store.leaseDeliveries(inc.id, new Date("2026-11-27T09:59:00.000Z"), until);
      expect(early.timers).toEqual([]);
      expect(early.incident?.id).toBe(inc.id);
      const first = await store.leaseDeliveries(inc.id, now, until);
      expect(first.timers.map((t) => t.key).sort()).toEqual([a, b]);
      expect(first.timers.every((t) => t.dueAt === until.toISOString())).toBe(true);
      expect(first.incident?.title).toBe(inc.title);
      expect((await store.leaseDeliveries(inc.id, now, until)).timers).toEqual([]);
      expect(await store.leaseDeliveries("no-such-incident", now, until)).toEqual({ timers: [], incident: null });
      await store.retryTimer(a, new Date("2026-11-27T11:00:00.000Z"), {
        kind: "deliver",
        incidentId: inc.id,
        delivery: { what: "card" },
        attempt: 1,
      });
      expect(await store.timer(a)).toMatchObject({ state: "pending", dueAt: "2026-11-27T11:00:00.000Z", payload: { attempt: 1 } });
      expect(await store.retireTimers([a, b], now)).toBe(2);
      expect(await store.retireTimers([a, b], now)).toBe(0);
      expect(await store.retireTimer(later, now)).toBe(true);
      expect(await store.retireTimer(later, now)).toBe(false);
    });

    it("claims several timers in one commit, or none of them and nothing else", async () => {
      const store = await open();
      const inc = sampleIncident();
      const [a, b] = [`${inc.id}:a`, `${inc.id}:b`];
      await store.commit(created(inc, [], [timer(inc.id, a, "2026-11-27T10:00:00.000Z"), timer(inc.id, b, "2026-11-27T10:00:00.000Z")]));
      await store.retireTimer(b, new Date("2026-11-27T10:00:00.000Z"));
      let cur = (await store.get(inc.id))!;
      await expect(store.commit(next(cur, { title: "both" }, [note("both")], { claimTimers: [a, b] }))).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect((await store.timer(a))!.state).toBe("pending");
      expect((await store.get(inc.id))!.title).not.toBe("both");
      cur = (await store.get(inc.id))!;
      await store.commit(next(cur, { title: "one" }, [note("one")], { claimTimers: [a] }));
      expect((await store.timer(a))!.state).toBe("fired");
    });

    it("lists pending timers oldest first, with a due bound and keyset pages", async () => {
      const store = await open();
      const inc = sampleIncident();
      const names = ["p3", "p1", "p2", "p4"];
      const due = ["2020-01-01T00:03:00.000Z", "2020-01-01T00:01:00.000Z", "2020-01-01T00:01:00.000Z", "2020-01-01T00:09:00.000Z"];
      await store.commit(
        created(
          inc,
          [],
          names.map((n, i) => timer(inc.id, `${inc.id}:${n}`, due[i]!)),
        ),
      );
      const mine = (rows: { key: string }[]) => rows.filter((r) => r.key.startsWith(inc.id)).map((r) => r.key.split(":").pop());
      expect(mine(await store.pendingTimers({ limit: 100_000 }))).toEqual(["p1", "p2", "p3", "p4"]);
      expect(mine(await store.pendingTimers({ dueBefore: new Date("2020-01-01T00:05:00.000Z"), limit: 100_000 }))).toEqual([
        "p1",
        "p2",
        "p3",
      ]);
      expect(mine(await store.pendingTimers({ afterKey: `${inc.id}:p2`, limit: 100_000 }))).toEqual(["p3", "p4"]);
    });

    it("lists incidents filtered by severity, kind and declaration period, in pages", async () => {
      const store = await open();
      const tag = `k${Math.random().toString(36).slice(2, 8)}`;
      const a = sampleIncident({ severity: "urgent", kind: tag, declaredAt: "2031-03-01T10:00:00.000Z" });
      const b = sampleIncident({ severity: "general", kind: tag, declaredAt: "2031-03-20T10:00:00.000Z" });
      const c = sampleIncident({ severity: "urgent", kind: tag, declaredAt: "2031-04-02T10:00:00.000Z" });
      for (const i of [a, b, c]) await store.commit(created(i));
      const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
      expect(ids(await store.list({ kind: [tag], severity: ["urgent"], limit: 100 }))).toEqual([a.id, c.id].sort());
      expect(
        ids(await store.list({ kind: [tag], from: new Date("2031-03-01T00:00:00Z"), to: new Date("2031-04-01T00:00:00Z"), limit: 100 })),
      ).toEqual([a.id, b.id].sort());
      const all = await store.list({ kind: [tag], limit: 100 });
      const pages = [...(await store.list({ kind: [tag], limit: 2 })), ...(await store.list({ kind: [tag], limit: 2, offset: 2 }))];
      expect(pages.map((i) => i.id)).toEqual(all.map((i) => i.id));
      expect(all.map((i) => i.id)).toEqual([c.id, b.id, a.id]); // newest first by declaration time
      expect(ids(await store.list({ ids: [a.id, c.id, "no-such-id"], limit: 10 }))).toEqual([a.id, c.id].sort());
      expect(await store.list({ ids: [], limit: 10 })).toEqual([]);
    });

    it("finds incidents by a typed number prefix or a piece of the title, ignoring case, with no wildcards", async () => {
      const store = await open();
      const tag = `t${Math.random().toString(36).slice(2, 8)}`;
      const x = 100_000 + Math.floor(Math.random() * 100_000);
      const a = sampleIncident({ kind: tag, number: x, title: "Checkout down" });
      const b = sampleIncident({ kind: tag, number: x * 10 + 7, title: "Refund queue stuck" });
      const c = sampleIncident({ kind: tag, number: x + 1, title: "100% CPU_load" });
      for (const i of [a, b, c]) await store.commit(created(i));
      const found = async (text: string) => (await store.list({ kind: [tag], text, limit: 100 })).map((i) => i.title).sort();
      expect(await found("QUEUE")).toEqual(["Refund queue stuck"]);
      expect(await found(String(x))).toEqual(["Checkout down", "Refund queue stuck"]);
      expect(await found(`#${x}`)).toEqual(["Checkout down", "Refund queue stuck"]);
      expect(await found(`INC-${x}`)).toEqual(["Checkout down", "Refund queue stuck"]);
      expect(await found("0%")).toEqual(["100% CPU_load"]);
      expect(await found("u_l")).toEqual(["100% CPU_load"]);
      expect(await found("%")).toEqual(["100% CPU_load"]);
      expect(await found("nothing like it")).toEqual([]);
      expect(await found("")).toHaveLength(3);
    });

    it("reads for the figures exactly what the full incidents hold, under the same filter", async () => {
      const store = await open();
      const tag = `f${Math.random().toString(36).slice(2, 8)}`;
      const a = sampleIncident({ kind: tag, acknowledgedAt: "2031-01-01T00:10:00.000Z", satisfaction: 4 });
      const b = sampleIncident({ kind: tag, drill: true });
      for (const i of [a, b]) await store.commit(created(i));
      const pick = (i: FigureInput) => ({
        number: i.number,
        drill: i.drill,
        kind: i.kind,
        severity: i.severity,
        declaredAt: i.declaredAt,
        acknowledgedAt: i.acknowledgedAt,
        firstResponseAt: i.firstResponseAt,
        resolvedAt: i.resolvedAt,
        satisfaction: i.satisfaction,
        clocks: i.clocks,
      });
      const strip = (x: object) => JSON.parse(JSON.stringify(x));
      expect(strip((await store.figureInputs({ kind: [tag] })).map(pick))).toEqual(
        strip((await store.list({ kind: [tag], limit: 10 })).map(pick)),
      );
      expect((await store.figureInputs({ kind: [tag], drill: false })).map((i) => i.number)).toEqual([a.number]);
    });

    it("lists incidents newest first, filtered by status and drill", async () => {
      const store = await open();
      const a = sampleIncident({ status: "resolved" });
      const b = sampleIncident({ drill: true });
      await store.commit(created(a));
      await store.commit(created(b));
      const resolved = await store.list({ status: ["resolved"], limit: 100_000 });
      expect(resolved.map((i) => i.id)).toContain(a.id);
      expect(resolved.map((i) => i.id)).not.toContain(b.id);
      const drills = await store.list({ drill: true, limit: 100_000 });
      expect(drills.map((i) => i.id)).toContain(b.id);
      expect(drills.every((i) => i.drill)).toBe(true);
    });

    it("keeps on-call overrides, oldest first, lists those not yet over, and stores one id once", async () => {
      const store = await open();
      const rotation = `r-${Math.random()}`;
      const o = (id: string, from: string, to: string, createdAt: string) => override(rotation, id, from, to, createdAt);
      const past = o("past", "2026-11-01T00:00:00.000Z", "2026-11-02T00:00:00.000Z", "2026-10-01T00:00:00.000Z");
      const swapHalf = {
        ...o("swap", "2026-11-28T01:00:00.000Z", "2026-11-29T01:00:00.000Z", "2026-11-27T09:00:00.000Z"),
        replaces: "eva",
      };
      const later = o("later", "2026-12-01T00:00:00.000Z", "2026-12-02T00:00:00.000Z", "2026-11-26T09:00:00.000Z");
      await store.addOverrides([past, swapHalf, later]);
      await store.addOverrides([{ ...later, personId: "max" }]);
      const mine = (list: Array<{ rotation: string }>) => list.filter((x) => x.rotation === rotation);
      expect(mine(await store.overrides())).toEqual([past, later, swapHalf]);
      expect(mine(await store.overrides({ endingAfter: new Date("2026-11-27T09:30:00.000Z") }))).toEqual([later, swapHalf]);
    });

    it("takes back on-call overrides: one to come is deleted, one running ends then, one over and an unknown id are left", async () => {
      const store = await open();
      const rotation = `r-${Math.random()}`;
      // Made in the order they start in, so oldest first is that order too.
      const o = (id: string, from: string, to: string) => override(rotation, id, from, to, from);
      const over = o("over", "2026-11-20T00:00:00.000Z", "2026-11-21T00:00:00.000Z");
      const running = o("running", "2026-11-27T00:00:00.000Z", "2026-11-28T00:00:00.000Z");
      const toCome = o("to-come", "2026-12-01T00:00:00.000Z", "2026-12-02T00:00:00.000Z");
      const kept = o("kept", "2026-12-03T00:00:00.000Z", "2026-12-04T00:00:00.000Z");
      await store.addOverrides([over, running, toCome, kept]);
      const at = new Date("2026-11-27T09:30:00.000Z");
      const ids = [over, running, toCome].map((x) => x.id);
      expect(await store.removeOverrides([...ids, `${rotation}-unknown`], at)).toBe(2);
      const mine = (list: Array<{ rotation: string }>) => list.filter((x) => x.rotation === rotation);
      expect(mine(await store.overrides())).toEqual([over, { ...running, to: at.toISOString() }, kept]);
      expect(await store.removeOverrides(ids, at)).toBe(0);
      expect(await store.removeOverrides([], at)).toBe(0);
    });

    it("keeps received alerts as pending timers not tied to an incident, a replayed key once", async () => {
      const store = await open();
      const key = `alert:am:${Math.random()}`;
      const alert = { status: "firing" as const, fingerprint: "f1", labels: { a: "b" }, annotations: {}, links: [] };
      const t = { key, dueAt: "2026-11-27T09:30:00.000Z", payload: { kind: "alert" as const, source: "am", alerts: [alert] } };
      await store.enqueue([t]);
      await store.enqueue([{ ...t, payload: { ...t.payload, alerts: [] } }]);
      expect(await store.timer(key)).toMatchObject({ state: "pending", payload: t.payload });
      expect(await store.retireTimer(key, new Date("2026-11-27T09:31:00.000Z"))).toBe(true);
    });

    it("runs work under one lock name one at a time, work under another name beside it, and frees the lock when work fails", async () => {
      const store = await open();
      const log: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      const name = `lock-${Math.random()}`;
      const first = store.exclusive(name, async () => {
        log.push("first in");
        entered();
        await gate;
        log.push("first out");
        return 1;
      });
      await inside;
      const second = store.exclusive(name, async () => (log.push("second"), 2));
      expect(await store.exclusive(`${name}-other`, async () => (log.push("other"), 3))).toBe(3);
      expect(log).toEqual(["first in", "other"]); // the second waits for the first; the other name does not
      release();
      expect(await Promise.all([first, second])).toEqual([1, 2]);
      expect(log).toEqual(["first in", "other", "first out", "second"]);
      await expect(store.exclusive(name, () => Promise.reject(new Error("the work failed")))).rejects.toThrow("the work failed");
      expect(await store.exclusive(name, async () => 4)).toBe(4);
    });
  });
}
