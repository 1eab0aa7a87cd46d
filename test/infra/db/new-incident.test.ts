import { describe, expect, it } from "vitest";
import { NewIncidents, type NewIncidentSql } from "../../../src/infra/db/new-incident.js";
import type { ChangeSet } from "../../../src/ports/incident-store.js";
import { created, sampleIncident } from "./sample-incident.js";

/** A counter row as the statements use it, shared by every process (NewIncidents) given it; what each way wrote is logged. */
function counterRow() {
  const row = { last: 0, log: [] as string[], written: [] as number[] };
  const sql: NewIncidentSql = {
    commitAsNext: async (json) => {
      await Promise.resolve();
      const number = (JSON.parse(json) as ChangeSet).incident.number;
      row.log.push(`one statement for ${number}`);
      if (number !== row.last + 1)
        throw Object.assign(new Error(`the next incident number is ${row.last + 1}, not ${number}`), { code: "BC428" });
      row.written.push(++row.last);
    },
    commitLocked: async (build) => {
      await Promise.resolve();
      const number = ++row.last;
      row.log.push(`transaction for ${number}`);
      build(number);
      row.written.push(number);
      return number;
    },
  };
  return { row, sql };
}

const declare = (numbers: NewIncidents) => numbers.commit((number) => created(sampleIncident({ number })));

describe("new incident numbers", () => {
  it("take the first number in a transaction, then write each declare made at once in one statement under the number after those before it", async () => {
    const { row, sql } = counterRow();
    const here = new NewIncidents(sql);
    await declare(here);
    const made = await Promise.all(Array.from({ length: 5 }, () => declare(here)));
    expect(made.map((c) => c.incident.number)).toEqual([2, 3, 4, 5, 6]);
    expect(row.log).toEqual(["transaction for 1", ...[2, 3, 4, 5, 6].map((n) => `one statement for ${n}`)]);
  });

  it("decide a declare again for the next free number when another process took the one expected, still in one statement", async () => {
    const { row, sql } = counterRow();
    const here = new NewIncidents(sql);
    const there = new NewIncidents(sql);
    await declare(here);
    await declare(there);
    row.log.length = 0;
    expect((await declare(here)).incident.number).toBe(3);
    expect(row.log).toEqual(["one statement for 2", "one statement for 3"]);
    expect(row.written).toEqual([1, 2, 3]);
  });

  it("take no number for a declare whose decision fails, and give the next declare the number it would have had", async () => {
    const { row, sql } = counterRow();
    const here = new NewIncidents(sql);
    await declare(here);
    const failing = here.commit(() => {
      throw new Error("the decision failed");
    });
    await expect(failing).rejects.toThrow("the decision failed");
    expect((await declare(here)).incident.number).toBe(2);
    expect(row.written).toEqual([1, 2]);
  });
});
