import type { SettableClock } from "../ports/clock.js";

/** A clock that moves only when told: tests, and console script mode (repeatable demos). */
export class ManualClock implements SettableClock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date): void {
    this.at = new Date(at);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

/** Real time plus an offset the console user can push forward (`/advance 30m`). */
export class OffsetClock implements SettableClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
