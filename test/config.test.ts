import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

describe("the environment's settings", () => {
  it("run the embedded database in its own thread unless BEACON_PGLITE_THREAD is 0 or false", () => {
    expect(loadConfig({}).BEACON_PGLITE_THREAD).toBe(true);
    expect(loadConfig({ BEACON_PGLITE_THREAD: "" }).BEACON_PGLITE_THREAD).toBe(true);
    expect(loadConfig({ BEACON_PGLITE_THREAD: "1" }).BEACON_PGLITE_THREAD).toBe(true);
    expect(loadConfig({ BEACON_PGLITE_THREAD: "true" }).BEACON_PGLITE_THREAD).toBe(true);
    expect(loadConfig({ BEACON_PGLITE_THREAD: "0" }).BEACON_PGLITE_THREAD).toBe(false);
    expect(loadConfig({ BEACON_PGLITE_THREAD: "false" }).BEACON_PGLITE_THREAD).toBe(false);
    expect(() => loadConfig({ BEACON_PGLITE_THREAD: "yes" })).toThrow(/BEACON_PGLITE_THREAD/);
  });
});
