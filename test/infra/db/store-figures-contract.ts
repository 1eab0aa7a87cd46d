import { describe, expect, it } from "vitest";
import { clockOutcome } from "../../../src/core/clock-outcome.js";
import { isBehind, type FigureDrill } from "../../../src/core/figure-drill.js";
import { computeFigures } from "../../../src/core/figures.js";
import type { ClockState, Incident } from "../../../src/core/model.js";
import type { IncidentStore, ListCursor } from "../../../src/ports/incident-store.js";
import { created, next, sampleIncident } from "./sample-incident.js";

// The reads that scale (figures computed by the store, drill-downs filtered
// by it, lists a keyset page at a time) against the plain definitions in the
// core, on a data set that visits every way a clock can end.

const NOW = new Date("2026-12-15T12:00:00.000Z");
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** A small deterministic generator, so a failure replays. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function clock(key: string, run: number, startedAt: string, shape: number, r: () => number): ClockState {
  const dueAt = at(startedAt, 30 + Math.floor(r() * 60));
  const base: ClockState = {
    key,
    run,
    basis: "wall",
    startedAt,
    dueAt,
    stopOn: "acknowledge",
    remindAt: [],
    maxOverdueReminders: 0,
    escalateOnMiss: false,
  };
  switch (shape) {
    case 0: // met, some exactly at the due time
      return { ...base, stoppedAt: r() < 0.3 ? dueAt : at(dueAt, -1 - Math.floor(r() * 20)) };
    case 1: // stopped late
      return { ...base, stoppedAt: at(dueAt, 1 + Math.floor(r() * 90)) };
    case 2: // marked missed, still running
      return { ...base, missedAt: dueAt };
    case 3: // waived
      return { ...base, waivedAt: at(startedAt, 5), waivedBy: "dana", waiveReason: "customer asked" };
    case 4: // closed over before due: not met; or after due: missed
      return { ...base, notMetAt: at(dueAt, r() < 0.5 ? -5 : 5) };
    default: // running: due after now (running) or before now and unmarked (missed at now)
      return { ...base, dueAt: r() < 0.5 ? at(NOW.toISOString(), 60) : at(NOW.toISOString(), -60) };
  }
}

/** Incidents over three months and two kinds, declared on both sides of month ends in Shanghai and New York. */
function varied(kinds: [string, string]): Incident[] {
  const r = random(7);
  const moments = [
    "2026-10-31T15:59:00.000Z", // 23:59 on Oct 31 in Shanghai
    "2026-10-31T16:00:00.000Z", // midnight starting Nov 1 in Shanghai
    "2026-11-01T03:59:00.000Z", // still Oct 31 in New York (EDT)
    "2026-11-01T04:00:00.000Z", // Nov 1 in New York
    "2026-11-30T16:00:00.000Z",
    "2026-12-01T04:59:00.000Z", // Nov 30 in New York (EST)
    "2026-12-10T09:00:00.000Z",
  ];
  const out: Incident[] = [];
  for (let n = 0; n < 90; n++) {
    const declaredAt = n < moments.length * 3 ? moments[n % moments.length]! : at("2026-10-20T00:00:00.000Z", Math.floor(r() * 80_000));
    const clocks: ClockState[] = [];
    for (const key of ["ack", "first_reply", "resolve"]) {
      if (r() < 0.15) continue;
      if (r() < 0.2) {
        // Re-planned: the first run cancelled, the second counts.
        clocks.push({ ...clock(key, 1, declaredAt, Math.floor(r() * 6), r), cancelledAt: at(declaredAt, 3) });
        clocks.push(clock(key, 2, at(declaredAt, 3), Math.floor(r() * 6), r));
      } else clocks.push(clock(key, 1, declaredAt, Math.floor(r() * 6), r));
    }
    const maybe = (p: number, minutes: number) => (r() < p ? at(declaredAt, minutes) : undefined);
    const acknowledgedAt = maybe(0.8, Math.floor(r() * 40));
    const firstResponseAt = maybe(0.7, Math.floor(r() * 90) + r());
    const resolvedAt = maybe(0.6, 60 + Math.floor(r() * 5000));
    const closed = resolvedAt && r() < 0.5;
    const incident = sampleIncident({
      kind: kinds[n % 2]!,
      severity: ["urgent", "important", "general"][Math.floor(r() * 3)]!,
      drill: r() < 0.1,
      declaredAt,
      clocks,
      ...(acknowledgedAt ? { acknowledgedAt } : {}),
      ...(firstResponseAt ? { firstResponseAt } : {}),
      ...(resolvedAt ? { resolvedAt } : {}),
      ...(closed ? { closedAt: at(resolvedAt, 30), status: "closed" as const } : {}),
      ...(resolvedAt && !closed && r() < 0.5 ? { acceptance: { at: at(resolvedAt, 10), by: "customer" } } : {}),
      ...(r() < 0.5 ? { satisfaction: 1 + Math.floor(r() * 5) } : {}),
    });
    out.push(incident);
  }
  return out;
}

export function describeStoreReadsContract(name: string, open: () => Promise<IncidentStore>): void {
  describe(`IncidentStore reads at scale: ${name}`, () => {
    it("computes the figures exactly as computeFigures does over the same incidents, in any time zone and period", async () => {
      const store = await open();
      const tag = `g${Math.random().toString(36).slice(2, 8)}`;
      const kinds: [string, string] = [`${tag}a`, `${tag}b`];
      for (const i of varied(kinds)) await store.commit(created(i, []));
      const periods = [
        {},
        { from: new Date("2026-11-01T00:00:00+08:00"), to: new Date("2026-12-01T00:00:00+08:00") },
        { severity: ["urgent"] },
      ];
      for (const zone of ["Asia/Shanghai", "America/New_York", "UTC"])
        for (const p of periods) {
          const filter = { kind: kinds, ...p };
          const expected = computeFigures(await store.figureInputs(filter), NOW, zone);
          expect(await store.figures(filter, NOW, zone), `${zone} ${JSON.stringify(p)}`).toEqual(expected);
        }
      // The data set is varied: every outcome, both sides of month ends, drills left out.
      const all = computeFigures(await store.figureInputs({ kind: kinds }), NOW, "Asia/Shanghai");
      expect(all.drills.count).toBeGreaterThan(0);
      expect(Object.keys(all.months)).toEqual(expect.arrayContaining(["2026-10", "2026-11", "2026-12"]));
      for (const k of ["met", "missed", "notMet", "waived"] as const) expect(all.compliance.overall[k], k).toBeGreaterThan(0);
      const open_ = (await store.figureInputs({ kind: kinds })).flatMap((i) => i.clocks).filter((c) => clockOutcome(c, NOW) === "running");
      expect(open_.length).toBeGreaterThan(0);
    });

    it("keeps the figures exact as incidents change: acknowledged, clocks stopped, waived, re-planned, closed", async () => {
      const store = await open();
      const tag = `u${Math.random().toString(36).slice(2, 8)}`;
      const kinds: [string, string] = [`${tag}a`, `${tag}b`];
      const made = varied(kinds).slice(0, 30);
      for (const i of made) await store.commit(created(i, []));
      for (const [n, i] of made.entries()) {
        const current = (await store.get(i.id))!;
        const clocks = current.clocks.map((c, k) =>
          (n + k) % 3 === 0 ? { ...c, stoppedAt: at(c.dueAt, -1) } : (n + k) % 3 === 1 ? { ...c, cancelledAt: at(c.startedAt, 1) } : c,
        );
        await store.commit(
          next(current, {
            clocks,
            acknowledgedAt: at(current.declaredAt, n),
            ...(n % 4 === 0 ? { closedAt: at(current.declaredAt, 500), status: "closed" as const, satisfaction: 5 } : {}),
          }),
        );
      }
      for (const zone of ["Asia/Shanghai", "Europe/London"]) {
        const expected = computeFigures(await store.figureInputs({ kind: kinds }), NOW, zone);
        expect(await store.figures({ kind: kinds }, NOW, zone)).toEqual(expected);
      }
    });

    it("gives empty figures for a filter that selects nothing", async () => {
      const store = await open();
      expect(await store.figures({ kind: ["no-such-kind"] }, NOW, "UTC")).toEqual(computeFigures([], NOW, "UTC"));
    });

    it("lists exactly the incidents behind each figure a reviewer can open", async () => {
      const store = await open();
      const tag = `d${Math.random().toString(36).slice(2, 8)}`;
      const kinds: [string, string] = [`${tag}a`, `${tag}b`];
      for (const i of varied(kinds)) await store.commit(created(i, []));
      const every = await store.list({ kind: kinds, limit: 1000 });
      const drills: FigureDrill[] = [{ resolved: true }, { resolved: false }];
      for (const clock of [undefined, "ack", "resolve"])
        for (const outcome of [undefined, "met", "missed", "waived", "running"] as const)
          if (clock || outcome) drills.push({ clock, outcome }, { clock, outcome, resolved: true });
      for (const d of drills) {
        const listed = await store.list({ kind: kinds, behind: { ...d, now: NOW }, limit: 1000 });
        expect(
          listed.map((i) => i.number),
          JSON.stringify(d),
        ).toEqual(every.filter((i) => isBehind(i, d, NOW)).map((i) => i.number));
      }
    });

    it("pages through the list newest first by declaration time then number, older and newer, each incident once", async () => {
      const store = await open();
      const kind = `p${Math.random().toString(36).slice(2, 8)}`;
      // Some declared at the same instant: the number breaks the tie.
      const made = Array.from({ length: 23 }, (_, n) =>
        sampleIncident({ kind, declaredAt: at("2027-01-01T00:00:00.000Z", Math.floor(n / 3) * 7 - (n % 5)) }),
      );
      for (const i of made) await store.commit(created(i, []));
      const cursor = (i: Incident): ListCursor => ({ declaredAt: new Date(i.declaredAt), number: i.number });
      const expected = [...made]
        .sort((a, b) => Date.parse(b.declaredAt) - Date.parse(a.declaredAt) || b.number - a.number)
        .map((i) => i.number);
      expect((await store.list({ kind: [kind], limit: 100 })).map((i) => i.number)).toEqual(expected);
      const older: number[][] = [];
      let before: ListCursor | undefined;
      for (;;) {
        const page = await store.list({ kind: [kind], before, limit: 5 });
        if (!page.length) break;
        older.push(page.map((i) => i.number));
        before = cursor(page.at(-1)!);
      }
      expect(older.flat()).toEqual(expected);
      expect(older.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
      // And back up from the oldest page: the page just newer than it, still newest first.
      const oldest = made.find((i) => i.number === expected.at(-1))!;
      expect((await store.list({ kind: [kind], after: cursor(oldest), limit: 5 })).map((i) => i.number)).toEqual(expected.slice(-6, -1));
    });
  });
}
