/** The only source of "now" for the application layer. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
