import { PermanentDeliveryError } from "../../src/ports/chat.js";

// Discord JSON error codes that retrying cannot fix
// (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json).
const PERMANENT = new Set([
  10003, // Unknown channel
  10008, // Unknown message
  10013, // Unknown user
  50001, // Missing access
  50007, // Cannot send messages to this user (DMs closed)
  50013, // Missing permissions
  50035, // Invalid form body
  50083, // Thread is archived
]);

export function discordCode(e: unknown): number | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "number" ? code : undefined;
}

export function classify(e: unknown, what: string): Error {
  const code = discordCode(e);
  if (code !== undefined && PERMANENT.has(code)) return new PermanentDeliveryError(`${what}: ${(e as Error).message} (${code})`);
  return e instanceof Error ? e : new Error(String(e));
}
