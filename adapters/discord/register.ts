import { Routes, type REST } from "discord.js";
import type { Policy } from "../../src/core/policy/schema.js";
import { incidentCommand } from "./commands.js";

/**
 * Make sure /incident is registered as this policy describes it: per guild
 * when a guild id is given (instant), else globally. Overwrites only when the
 * registered definition differs, so a restart does not churn commands.
 * Returns whether it wrote.
 */
export async function ensureCommands(rest: REST, policy: Policy, applicationId: string, guildId?: string): Promise<boolean> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const wanted = [incidentCommand(policy)];
  const current = (await rest.get(route)) as Array<Record<string, unknown>>;
  if (same(current, wanted)) return false;
  await rest.put(route, { body: wanted });
  return true;
}

/** Compare what Discord echoes back with what Beacon wants, ignoring the fields Discord adds (ids, versions). */
function same(current: Array<Record<string, unknown>>, wanted: Array<Record<string, unknown>>): boolean {
  const shape = (c: Record<string, unknown>) => JSON.stringify({ name: c.name, description: c.description, options: strip(c.options) });
  return current.length === wanted.length && current.every((c, i) => shape(c) === shape(wanted[i]!));
}

function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== false && !(Array.isArray(x) && !x.length)) out[k] = strip(x);
    return out;
  }
  return v;
}
