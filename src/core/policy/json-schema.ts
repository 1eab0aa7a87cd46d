import { z } from "zod";
import { policySchema } from "./schema.js";

/**
 * The policy's JSON Schema, generated from the one zod schema (what a file
 * may hold, before defaults apply), for editor completion and checks in CI.
 * config/policy.schema.json is this, committed; a test keeps them equal.
 */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(policySchema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  return { ...schema, title: "Beacon policy", description: "A team's emergency plan for Beacon: calendar, people, paging, deadlines." };
}
