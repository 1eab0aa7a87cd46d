import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { consoleHooks } from "../../src/compose/console-hooks.js";
import { policySchema } from "../../src/core/policy/schema.js";
import { harness, type Harness } from "../helpers/app-harness.js";
import { defaultPolicy } from "../helpers/default-policy.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/alerts/${name}.json`, import.meta.url), "utf8");

function policy() {
  return policySchema.parse({
    ...defaultPolicy(),
    alerts: {
      sources: {
        am: { name: "Alertmanager", format: "alertmanager", auth: "bearer", secretEnv: "AM_SECRET" },
        grafana: { name: "Grafana", format: "grafana", auth: "hmac", secretEnv: "GRAFANA_SECRET" },
      },
    },
  });
}

let h: Harness;
afterEach(async () => h?.scheduler.stop());

describe("the console's /hook", () => {
  it("posts through the alert route with a bearer token or an HMAC signature, stores the alerts and answers as HTTP would", async () => {
    h = await harness({ policy: policy() });
    const post = consoleHooks(h.deps, { AM_SECRET: "from-env" });
    expect(await post("am", fixture("alertmanager"))).toEqual({ status: 202, body: '{"accepted":1}' });
    expect(await post("grafana", fixture("grafana"))).toEqual({ status: 202, body: '{"accepted":2}' });
    const stored = (await h.store.pendingTimers()).filter((t) => t.payload.kind === "alert");
    expect(stored.map((t) => t.key.split(":")[1]).sort()).toEqual(["am", "grafana"]);
    await h.advance(0);
    expect((await h.store.list({})).map((i) => i.declaredBy.name).sort()).toEqual(["Alertmanager", "Grafana"]);
  });

  it("answers a body that is not the source's format, and a source the policy does not have, as the route does", async () => {
    h = await harness({ policy: policy() });
    const post = consoleHooks(h.deps, {});
    expect(await post("am", "{ not json")).toMatchObject({ status: 400 });
    expect(await post("am", JSON.stringify({ hello: "world" }))).toMatchObject({ status: 400 });
    expect(await post("nagios", fixture("alertmanager"))).toMatchObject({ status: 404 });
    expect(await post("../am", fixture("alertmanager"))).toMatchObject({ status: 404 });
    expect(await h.store.pendingTimers()).toEqual([]);
  });
});
