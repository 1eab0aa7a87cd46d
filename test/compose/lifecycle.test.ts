import { describe, expect, it } from "vitest";
import { runService, Teardown, type Service } from "../../src/compose/lifecycle.js";
import { silentLogger } from "../../src/ports/logger.js";

// Signals are exercised on real processes (test/compose/*-process.test.ts);
// here, how a service's own ending and a stop that hangs decide the exit code.

function options(said: string[] = []) {
  return { log: silentLogger, graceMs: 200, say: (line: string) => void said.push(line), exit: () => undefined };
}

describe("running a service", () => {
  it("stops a service that ended by itself and exits 0", async () => {
    const stopped: string[] = [];
    const service: Service = { done: Promise.resolve(), stop: async () => void stopped.push("stopped") };
    expect(await runService(async () => service, options())).toBe(0);
    expect(stopped).toEqual(["stopped"]);
  });

  it("says why a service failed while running, stops it and exits 1", async () => {
    const said: string[] = [];
    const service: Service = { failed: Promise.resolve(new Error("Discord closed the gateway for good")), stop: async () => undefined };
    expect(await runService(async () => service, options(said))).toBe(1);
    expect(said).toEqual(["Discord closed the gateway for good"]);
  });

  it("gives up on a stop that does not finish within the grace period and exits 1", async () => {
    const service: Service = { done: Promise.resolve(), stop: () => new Promise<void>(() => undefined) };
    expect(await runService(async () => service, options())).toBe(1);
  });

  it("throws a failure to start to the caller, which prints it as one line", async () => {
    await expect(runService(() => Promise.reject(new Error("Cannot reach Redis")), options())).rejects.toThrow("Cannot reach Redis");
  });
});

describe("tearing down what a start opened", () => {
  it("closes in reverse order, carries on past a step that fails, and closes everything when a start fails", async () => {
    const closed: string[] = [];
    const teardown = new Teardown(silentLogger);
    await expect(
      teardown.guard(async () => {
        teardown.add("database", () => void closed.push("database"));
        teardown.add("scheduler", () => {
          throw new Error("already closed");
        });
        teardown.add("http", () => void closed.push("http"));
        throw new Error("port taken");
      }),
    ).rejects.toThrow("port taken");
    expect(closed).toEqual(["http", "database"]);
    await teardown.run(); // nothing left to close twice
    expect(closed).toEqual(["http", "database"]);
  });
});
