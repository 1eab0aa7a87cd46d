import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { buildRoutes } from "../../src/compose/routes.js";
import { loadConfig } from "../../src/config.js";
import { policySchema } from "../../src/core/policy/schema.js";
import { alertHooks, signAlert } from "../../src/web/alert-hooks.js";
import { startWeb, type WebServer } from "../../src/web/server.js";
import { harness, type Harness } from "../helpers/app-harness.js";
import { defaultPolicy } from "../helpers/default-policy.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/alerts/${name}.json`, import.meta.url), "utf8");
const SECRETS: Record<string, string> = { am: "am-token", grafana: "grafana-hmac-secret", generic: "generic-token" };

function alertPolicy() {
  const base = defaultPolicy();
  return policySchema.parse({
    ...base,
    alerts: {
      sources: {
        am: { name: "Alertmanager", format: "alertmanager", auth: "bearer", secretEnv: "AM_SECRET" },
        grafana: { name: "Grafana", format: "grafana", auth: "hmac", secretEnv: "GRAFANA_SECRET" },
        generic: { name: "Monitor", format: "generic", auth: "bearer", secretEnv: "GENERIC_SECRET" },
      },
      rules: [
        { match: { alertname: "Watchdog" }, drop: true },
        { match: { severity: "critical" }, severity: "urgent", kind: "system", title: "{alertname} on {instance}", proposeResolve: true },
      ],
      stormWindow: "10m",
    },
  });
}

let h: Harness;
let web: WebServer;
afterEach(async () => {
  await web?.close();
  await h?.scheduler.stop();
});

async function setup() {
  h = await harness({ policy: alertPolicy() });
  web = await startWeb({
    port: 0,
    host: "127.0.0.1",
    store: h.store,
    clock: h.clock,
    probes: [],
    routes: [alertHooks(h.deps, (s) => SECRETS[s])],
  });
  const post = (source: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${web.port}/hooks/${source}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
    });
  const bearer = (source: string) => ({ authorization: `Bearer ${SECRETS[source]}` });
  const signed = (body: string, at = h.clock.now()) => {
    const ts = String(Math.floor(at.getTime() / 1000));
    return { "x-beacon-timestamp": ts, "x-beacon-signature": signAlert(SECRETS.grafana!, ts, body) };
  };
  return { post, bearer, signed };
}

const firing = (id: string, extra: object = {}) => JSON.stringify({ id, title: `Probe ${id} down`, labels: { probe: id }, ...extra });

describe("alerts in", () => {
  it("stores an Alertmanager alert, answers 202, and declares an incident by Alertmanager with its labels and links", async () => {
    const { post, bearer } = await setup();
    const res = await post("am", fixture("alertmanager"), bearer("am"));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 1 });
    expect((await h.store.pendingTimers()).some((t) => t.payload.kind === "alert")).toBe(true); // stored before processing
    await h.advance(0);
    const inc = (await h.store.getByNumber(1))!;
    expect(inc).toMatchObject({ title: "HighErrorRate on checkout-1:8080", severity: "urgent", kind: "system" });
    expect(inc.declaredBy).toMatchObject({ name: "Alertmanager", platform: "alerts" });
    expect(
      h.chat
        .posts()
        .some((p) => p.includes("Declared from Alertmanager: alertname=HighErrorRate") && p.includes("https://runbooks.example/checkout")),
    ).toBe(true);
    expect(h.chat.of("page").length).toBeGreaterThan(0);
    expect((await h.store.pendingTimers()).some((t) => t.payload.kind === "alert")).toBe(false);
  });

  it("refuses a wrong bearer token, a bad signature, a stale (replayed) signed request, and an unknown source", async () => {
    const { post, bearer, signed } = await setup();
    expect((await post("am", fixture("alertmanager"), { authorization: "Bearer nope" })).status).toBe(401);
    expect((await post("am", fixture("alertmanager"))).status).toBe(401);
    const body = fixture("grafana");
    expect((await post("grafana", body, { ...signed(body), "x-beacon-signature": "sha256=00" })).status).toBe(401);
    const old = signed(body, new Date(h.clock.now().getTime() - 10 * 60_000));
    expect((await post("grafana", body, old)).status).toBe(401);
    expect((await post("nagios", body, bearer("am"))).status).toBe(404);
    expect((await post("generic", "{not json", bearer("generic"))).status).toBe(400);
    await h.advance(0);
    expect(await h.store.list({})).toEqual([]);
  });

  it("stores an exact replay of a signed Grafana request once", async () => {
    const { post, signed } = await setup();
    const body = fixture("grafana");
    const headers = signed(body);
    expect((await post("grafana", body, headers)).status).toBe(202);
    expect((await post("grafana", body, headers)).status).toBe(202);
    await h.advance(0);
    const [inc] = await h.store.list({});
    const alerts = (await h.store.timeline(inc!.id)).filter((e) => e.type === "alert");
    expect(alerts).toHaveLength(2); // the two alerts of the one request, folded into one incident
    expect(await h.store.list({})).toHaveLength(1);
  });

  it("adds a repeat of a firing alert to its open incident instead of declaring another", async () => {
    const { post, bearer } = await setup();
    await post("generic", firing("p1"), bearer("generic"));
    await h.advance(30); // past the storm window: only the fingerprint can match
    await post("generic", firing("p1"), bearer("generic"));
    await h.advance(0);
    expect(await h.store.list({})).toHaveLength(1);
    const entries = (await h.store.timeline((await h.store.getByNumber(1))!.id)).filter((e) => e.type === "alert");
    expect(entries.map((e) => (e.data as { repeat: boolean }).repeat)).toEqual([false, true]);
  });

  it("folds a storm of 500 alerts in 10 s into one incident", async () => {
    const { post, bearer } = await setup();
    for (let i = 0; i < 500; i++) {
      h.clock.set(new Date(h.clock.now().getTime() + 20));
      expect((await post("generic", firing(`s${i}`), bearer("generic"))).status).toBe(202);
    }
    await h.advance(0);
    const all = await h.store.list({});
    expect(all).toHaveLength(1);
    expect(all[0]!.alert!.fingerprints).toHaveLength(500);
  });

  it("records a resolved alert and, when its rule says so, proposes resolving in the room without resolving", async () => {
    const { post, bearer } = await setup();
    await post("am", fixture("alertmanager"), bearer("am"));
    await h.advance(2);
    const resolved = fixture("alertmanager").replaceAll('"firing"', '"resolved"');
    expect((await post("am", resolved, bearer("am"))).status).toBe(202);
    await h.advance(0);
    const inc = (await h.store.getByNumber(1))!;
    expect(inc.status).toBe("declared");
    expect(inc.alert!.firing).toEqual([]);
    const last = (await h.store.timeline(inc.id)).filter((e) => e.type === "alert").at(-1)!;
    expect(last.data).toMatchObject({ status: "resolved", fingerprint: "5f8f0c2b1d3e4a6b" });
    const proposal = h.chat.calls.find((c) => c.op === "post" && c.text.includes("every alert of INC-1 has resolved"));
    // A button, the card's Resolve, rather than a command to type.
    expect(proposal).toMatchObject({ action: { action: "resolve", label: "Resolve", incidentId: inc.id, incidentNumber: 1 } });
  });

  it("drops what a rule drops", async () => {
    const { post, bearer } = await setup();
    await post("generic", JSON.stringify({ labels: { alertname: "Watchdog" } }), bearer("generic"));
    await h.advance(0);
    expect(await h.store.list({})).toEqual([]);
  });

  it("is mounted with each source's secret read from the environment variable the policy names", async () => {
    h = await harness({ policy: alertPolicy() });
    const routes = buildRoutes(loadConfig({ AM_SECRET: "from-env" }), h.deps, []);
    web = await startWeb({ port: 0, host: "127.0.0.1", store: h.store, clock: h.clock, probes: [], routes });
    const post = (token: string) =>
      fetch(`http://127.0.0.1:${web.port}/hooks/am`, {
        method: "POST",
        body: fixture("alertmanager"),
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await post("from-env")).status).toBe(202);
    expect((await post("am-token")).status).toBe(401);
    // A source whose variable is unset refuses everything.
    const unset = await fetch(`http://127.0.0.1:${web.port}/hooks/generic`, {
      method: "POST",
      body: "{}",
      headers: { authorization: "Bearer " },
    });
    expect(unset.status).toBe(401);
  });
});
