import { expect, it } from "vitest";
import { DuplicateRequestError, type IncidentStore } from "../../../src/ports/incident-store.js";
import { created, sampleIncident } from "./sample-incident.js";

/** The part of the IncidentStore contract about incident numbers: gap-free, each once, each incident under its own. */
export function describeNumbering(open: () => Promise<IncidentStore>): void {
  it("numbers new incidents one after another, with no gap where a declare was refused or failed", async () => {
    const store = await open();
    const a = await store.commitNew((number) => created(sampleIncident({ number })));
    await expect(
      store.commitNew((number) => created(sampleIncident({ number, requestKey: a.incident.requestKey }))),
    ).rejects.toBeInstanceOf(DuplicateRequestError);
    await expect(
      store.commitNew(() => {
        throw new Error("the decision failed");
      }),
    ).rejects.toThrow("the decision failed");
    const b = await store.commitNew((number) => created(sampleIncident({ number })));
    expect(b.incident.number).toBe(a.incident.number + 1);
    expect((await store.getByNumber(b.incident.number))?.id).toBe(b.incident.id);
  });

  it("gives declares made at the same moment consecutive numbers, each once", async () => {
    const store = await open();
    const made = await Promise.all(Array.from({ length: 6 }, () => store.commitNew((number) => created(sampleIncident({ number })))));
    const numbers = made.map((c) => c.incident.number).sort((x, y) => x - y);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
  });

  it("numbers declares made one after another, then many at once, then after a refused one: each number once, each written under its own number", async () => {
    const store = await open();
    const declare = (requestKey?: string) =>
      store.commitNew((number) => created(sampleIncident({ number, ...(requestKey ? { requestKey } : {}) })));
    const made = [await declare(), await declare(), await declare()];
    made.push(...(await Promise.all(Array.from({ length: 8 }, () => declare()))));
    await expect(declare(made[0]!.incident.requestKey)).rejects.toBeInstanceOf(DuplicateRequestError);
    made.push(await declare(), await declare());
    const numbers = made.map((c) => c.incident.number).sort((x, y) => x - y);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    for (const c of made) expect((await store.getByNumber(c.incident.number))?.id).toBe(c.incident.id);
  });
}

/**
 * Two stores on one database (two processes): each expects the numbers it
 * saw, the other takes them, and still every number is taken once and every
 * incident is written under its own number.
 */
export async function expectGapFreeAcrossStores(here: IncidentStore, there: IncidentStore): Promise<void> {
  const declare = (store: IncidentStore) => store.commitNew((number) => created(sampleIncident({ number })));
  const made = [await declare(here), await declare(here), await declare(there), await declare(here), await declare(there)];
  made.push(...(await Promise.all([here, there, here, there, here, here].map(declare))));
  const numbers = made.map((c) => c.incident.number).sort((x, y) => x - y);
  expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
  for (const c of made) expect((await here.getByNumber(c.incident.number))?.id).toBe(c.incident.id);
}
