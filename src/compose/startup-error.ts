/** A reason Beacon cannot start that an operator fixes (configuration, servers): one line on stderr, exit 1. */
export class StartupError extends Error {
  readonly code = "STARTUP.FAILED";
}
