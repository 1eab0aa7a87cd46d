/** A database problem an operator fixes: printed as one line at start, exit 1. */
export class DatabaseError extends Error {
  constructor(
    readonly code: "DB.UNREACHABLE" | "DB.LOCKED" | "DB.NOT_BEACON" | "DB.DAMAGED" | "DB.MIGRATIONS_PENDING",
    message: string,
  ) {
    super(message);
  }
}
