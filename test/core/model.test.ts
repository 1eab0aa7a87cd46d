import { describe, expect, it } from "vitest";
import { z } from "zod";
import { incidentSchema, type Incident } from "../../src/core/model.js";
import { fullIncident } from "../infra/db/sample-incident.js";

// The incident is defined once (core/model.ts): its type is inferred from the
// schema the store reads documents back with. These tests keep the read-back
// test honest: its fixture must set every field the schema knows.

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[] };

function paths(schema: JsonSchema, at = ""): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap((s) => paths(s, at));
  if (schema.items) return paths(schema.items, `${at}[]`);
  if (!schema.properties) return [];
  return Object.entries(schema.properties).flatMap(([k, s]) => [`${at}${at ? "." : ""}${k}`, ...paths(s, `${at}${at ? "." : ""}${k}`)]);
}

function valuePaths(v: unknown, at = ""): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => valuePaths(x, `${at}[]`));
  if (v && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) => [`${at}${at ? "." : ""}${k}`, ...valuePaths(x, `${at}${at ? "." : ""}${k}`)]);
  return [];
}

describe("the incident schema", () => {
  it("is covered field by field by the fixture of the store's read-back test", () => {
    const known = new Set(paths(z.toJSONSchema(incidentSchema) as JsonSchema));
    const set = new Set(valuePaths(fullIncident()));
    expect([...known].filter((p) => !set.has(p))).toEqual([]);
  });

  it("refuses a stored document with a key it does not define, instead of dropping it", () => {
    const doc = { ...fullIncident(), escalationPolicy: "gold" };
    expect(() => incidentSchema.parse(doc)).toThrow(/escalationPolicy/);
    expect(() => incidentSchema.parse({ ...fullIncident(), roles: { handlers: [], deputy: "x" } })).toThrow(/deputy/);
  });

  it("gives the type checker the same shape: a field the schema lacks does not compile", () => {
    // @ts-expect-error `escalationPolicy` is not a field of the one incident schema
    const doc: Incident = { ...fullIncident(), escalationPolicy: "gold" };
    expect(doc).toBeDefined();
  });
});
