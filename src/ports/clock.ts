/** The only source of "now" for the application layer. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock someone may move (tests, the console's `/clock` and `/advance`). */
export interface SettableClock extends Clock {
  set(at: Date): void;
}
