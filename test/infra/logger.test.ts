import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/infra/logger.js";

function capture(opts: Partial<Parameters<typeof createLogger>[0]> = {}) {
  const lines: string[] = [];
  const log = createLogger({ level: "info", write: (l) => lines.push(l), ...opts });
  return { log, lines, json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("the process logger", () => {
  it("writes one JSON object per line with level, time and message", () => {
    const { log, json } = capture();
    log.info("web started", { port: 3000 });
    expect(json()).toEqual([{ level: "info", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), msg: "web started", port: 3000 }]);
  });

  it("writes debug lines only at LOG_LEVEL=debug, and nothing at silent", () => {
    const info = capture();
    info.log.debug("timer done", { key: "k" });
    expect(info.lines).toEqual([]);
    const debug = capture({ level: "debug" });
    debug.log.debug("timer done", { key: "k" });
    expect(debug.json()[0]).toMatchObject({ level: "debug", msg: "timer done", key: "k" });
    const silent = capture({ level: "silent" });
    silent.log.error("anything");
    expect(silent.lines).toEqual([]);
  });

  it("keeps an error's type, message, stack and code, under any field name", () => {
    const { log, json } = capture();
    const e = Object.assign(new TypeError("boom"), { code: "E_BOOM" });
    log.error("timer handler failed", { err: e, cause: new Error("underneath") });
    const [line] = json();
    expect(line!.err).toMatchObject({
      type: "TypeError",
      message: "boom",
      code: "E_BOOM",
      stack: expect.stringContaining("logger.test.ts"),
    });
    expect(line!.cause).toMatchObject({ message: "underneath", stack: expect.stringContaining("Error: underneath") });
  });

  it("never writes a configured secret, wherever it appears, nor fields named like secrets", () => {
    const { log, lines } = capture({ secrets: ["xoxb-very-secret-token", undefined, "ab"] });
    log.warn("slack said invalid_auth for xoxb-very-secret-token", {
      err: new Error("token xoxb-very-secret-token rejected"),
      headers: { authorization: "Bearer abc", accept: "json" },
      password: "hunter2",
    });
    const text = lines.join("");
    expect(text).not.toContain("xoxb-very-secret-token");
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("Bearer abc");
    expect(text).toContain("[redacted]");
    expect(text).toContain('"accept":"json"');
  });

  it("writes lines a person reads on a terminal, with the stack below", () => {
    const { log, lines } = capture({ pretty: true });
    log.warn("slack unreachable", { attempt: 2, err: new Error("ECONNREFUSED") });
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d .*WARN.* slack unreachable attempt=2 err="ECONNREFUSED"\n {4}Error: ECONNREFUSED\n {8}at /);
  });
});
