import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { policyJsonSchema } from "../../../src/core/policy/json-schema.js";

describe("the policy's JSON Schema", () => {
  it("is committed as generated from the policy schema (run npm run policy:schema after changing it)", () => {
    const committed = JSON.parse(readFileSync("config/policy.schema.json", "utf8")) as unknown;
    expect(committed).toEqual(policyJsonSchema());
  });

  it("is what the default policy names for editors, and refuses keys the policy does not define", () => {
    expect(readFileSync("config/default-policy.yml", "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=./policy.schema.json");
    const schema = policyJsonSchema() as { additionalProperties?: boolean; properties: Record<string, { additionalProperties?: unknown }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.calendar!.additionalProperties).toBe(false);
  });
});
