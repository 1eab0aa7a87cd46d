import { afterEach, describe, expect, it } from "vitest";
import { policyWarnings } from "../../src/app/warnings.js";
import { ManualClock } from "../../src/infra/clocks.js";
import { startWeb } from "../../src/web/server.js";
import { MemoryStore } from "../fakes/memory-store.js";
import { defaultPolicy } from "../helpers/default-policy.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe("/readyz", () => {
  it("stays ready but warns when the policy's holiday list ends within 60 days, in the policy's language", async () => {
    const clock = new ManualClock(new Date("2026-11-27T09:30:00Z"));
    const policy = defaultPolicy("zh");
    const web = await startWeb({
      port: 0,
      host: "127.0.0.1",
      store: new MemoryStore(),
      clock,
      probes: [],
      warnings: () => policyWarnings({ policy, clock }),
    });
    close = web.close;
    const res = await fetch(`http://127.0.0.1:${web.port}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ready: boolean; warnings: string[] };
    expect(body.ready).toBe(true);
    expect(body.warnings).toEqual([expect.stringMatching(/日历中的法定节假日只到 2026-12-31/)]);
    clock.set(new Date("2026-09-01T00:00:00Z"));
    expect(((await (await fetch(`http://127.0.0.1:${web.port}/readyz`)).json()) as { warnings: string[] }).warnings).toEqual([]);
  });
});
