import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/ports/clock.js";
import type { Logger } from "../../src/ports/logger.js";
import { startWeb, type WebOptions } from "../../src/web/server.js";
import { MemoryStore } from "../fakes/memory-store.js";

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

function recordingLog() {
  const lines: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push({ level, msg, fields });
  const log: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { log, lines };
}

async function web(opts: Partial<WebOptions>): Promise<string> {
  const s = await startWeb({ port: 0, host: "127.0.0.1", store: new MemoryStore(), clock: systemClock, probes: [], ...opts });
  servers.push(s);
  return `http://127.0.0.1:${s.port}`;
}

describe("the web server", () => {
  it("sends a strict Content-Security-Policy (no script) and refuses to be framed, on every answer", async () => {
    const base = await web({});
    for (const path of ["/healthz", "/nowhere"]) {
      const res = await fetch(base + path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toMatch(/script-src|unsafe-eval/);
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("logs a failing request with its stack and the reference the answer shows", async () => {
    const { log, lines } = recordingLog();
    const base = await web({
      log,
      routes: [
        () => {
          throw new Error("the page broke");
        },
      ],
    });
    const res = await fetch(`${base}/incidents/7?secret=1`);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; ref: string };
    expect(body).toEqual({ error: "internal error", ref: expect.stringMatching(/^[0-9a-f]{8}$/) });
    const logged = lines.find((l) => l.msg === "http request failed")!;
    expect(logged.level).toBe("error");
    expect(logged.fields).toMatchObject({ ref: body.ref, method: "GET", path: "/incidents/7" });
    expect((logged.fields!.err as Error).stack).toContain("the page broke");
  });

  it("logs each request at debug, without the signature of a signed link", async () => {
    const { log, lines } = recordingLog();
    const base = await web({ log });
    await (await fetch(`${base}/r/abc.def?to=/incidents`)).text();
    await (await fetch(`${base}/healthz`)).text();
    const requests = lines.filter((l) => l.msg === "http request");
    expect(requests.map((l) => [l.level, l.fields!.path, l.fields!.status])).toEqual([
      ["debug", "/r/…", 404],
      ["debug", "/healthz", 200],
    ]);
  });

  it("serves /metrics, behind a bearer token when one is set", async () => {
    const metrics = { render: async () => ({ contentType: "text/plain; version=0.0.4", body: "beacon_up 1\n" }), token: "scrape-token" };
    const base = await web({ metrics });
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const res = await fetch(`${base}/metrics`, { headers: { authorization: "Bearer scrape-token" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("beacon_up 1\n");
  });

  it("stops accepting connections on close and lets a request in flight finish", async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const handling = new Promise<void>((r) => (entered = r));
    const server = await startWeb({
      port: 0,
      host: "127.0.0.1",
      store: new MemoryStore(),
      clock: systemClock,
      probes: [],
      routes: [
        async (_req, res) => {
          entered();
          await slow;
          res.end("finished");
          return true;
        },
      ],
    });
    const base = `http://127.0.0.1:${server.port}`;
    const inFlight = fetch(`${base}/slow`).then((r) => r.text());
    await handling;
    const closed = server.close();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    release();
    expect(await inFlight).toBe("finished");
    await closed;
  });
});
