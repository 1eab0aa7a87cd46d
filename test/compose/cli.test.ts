import { describe, expect, it } from "vitest";
import { parseCli, UsageError } from "../../src/compose/cli.js";

describe("the command line", () => {
  it("opens the console workspace in a terminal and serves without one", () => {
    expect(parseCli([], true).mode).toBe("console");
    expect(parseCli([], false).mode).toBe("serve");
  });

  it("serves with --serve even in a terminal, and runs a script in the console without one", () => {
    expect(parseCli(["--serve"], true).mode).toBe("serve");
    expect(parseCli(["--script", "demo.txt"], false)).toMatchObject({ mode: "console", script: "demo.txt" });
  });

  it("takes a mode, a locale, a data directory and a policy", () => {
    expect(parseCli(["--mode", "worker", "--locale", "zh", "--data", "/d", "--policy", "p.yml"], false)).toEqual({
      mode: "worker",
      help: false,
      locale: "zh",
      data: "/d",
      policy: "p.yml",
      script: undefined,
    });
  });

  it.each([
    [["--mode", "wbe"], 'unknown mode "wbe": use console, serve, web or worker'],
    [["--locale", "zh-CN"], 'unsupported locale "zh-CN": use en or zh'],
    [["--verbose"], "unknown option --verbose (beacon --help lists the options)"],
    [["--mode"], "--mode needs a value (beacon --help lists the options)"],
    [["--serve=yes"], "--serve takes no value (beacon --help lists the options)"],
    [["web"], "unexpected argument web (beacon --help lists the options)"],
    [["--serve", "--mode", "web"], "--serve and --mode web contradict each other"],
    [["--script", "x.txt", "--mode", "worker"], "--script runs the console; it cannot be combined with --mode worker"],
  ])("refuses %j with one line naming what would work", (argv, line) => {
    expect(() => parseCli(argv, false)).toThrow(new UsageError(line));
  });
});
