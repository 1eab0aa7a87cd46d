import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { ChatConnections } from "../../src/compose/chat-connections.js";
import { serveHttp } from "../../src/compose/http.js";
import { loadConfig } from "../../src/config.js";
import type { Database } from "../../src/infra/db/connect.js";
import type { PrometheusMetrics } from "../../src/infra/metrics.js";
import { harness } from "../helpers/app-harness.js";

async function boundTo(env: Record<string, string>, defaultHost: "127.0.0.1" | "0.0.0.0"): Promise<string> {
  const h = await harness();
  const web = await serveHttp({
    config: loadConfig({ PORT: "0", ...env }),
    deps: h.deps,
    db: {} as Database,
    chats: { probes: () => [] } as unknown as ChatConnections,
    metrics: {} as PrometheusMetrics,
    routes: [],
    defaultHost,
  });
  try {
    return (web.server.address() as AddressInfo).address;
  } finally {
    await web.close();
    await h.scheduler.stop();
  }
}

describe("the address HTTP listens on", () => {
  it("is this machine only for the one-process modes, unless BEACON_HOST says otherwise", async () => {
    expect(await boundTo({}, "127.0.0.1")).toBe("127.0.0.1");
    expect(await boundTo({ BEACON_HOST: "0.0.0.0" }, "127.0.0.1")).toBe("0.0.0.0");
  });

  it("is every interface for the production processes behind a load balancer, unless BEACON_HOST says otherwise", async () => {
    expect(await boundTo({}, "0.0.0.0")).toBe("0.0.0.0");
    expect(await boundTo({ BEACON_HOST: "127.0.0.1" }, "0.0.0.0")).toBe("127.0.0.1");
  });
});
