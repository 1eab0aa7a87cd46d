/**
 * The SQLSTATE a failed statement carried, wherever the driver and Prisma put
 * it (Prisma's `meta.driverAdapterError.cause.code`, a driver error's `code`, or only the message:
 * the PGlite adapter keeps it there). Used to tell a lost race (`BC409`, raised
 * by `beacon_commit`), a number other than the one expected (`BC428`, `beacon_commit_new`) and a duplicate key (`23505`) from other failures.
 */
export function sqlState(e: unknown, depth = 0): string | undefined {
  if (!e || typeof e !== "object" || depth > 4) return undefined;
  const { code, meta, cause, driverAdapterError, message } = e as Record<string, unknown>;
  // Prisma's own code (P2010, "raw query failed") wraps the driver's: look inside first.
  const inner = sqlState(meta, depth + 1) ?? sqlState(driverAdapterError, depth + 1) ?? sqlState(cause, depth + 1);
  if (inner) return inner;
  if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !/^P\d{4}$/.test(code)) return code;
  const found = typeof message === "string" ? /\b(BC409|BC428|23505)\b/.exec(message) : null;
  return found?.[1];
}
