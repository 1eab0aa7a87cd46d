import { afterEach, describe, expect, it } from "vitest";
import { sign, verify } from "../../src/web/access.js";
import { reviewHarness, SECRET, type ReviewHarness } from "./review-harness.js";

let h: ReviewHarness;
afterEach(async () => h?.close());

const PROTECTED = [
  "/incidents",
  "/incidents/1",
  "/incidents/1/summary.md",
  "/incidents/1/summary.json",
  "/figures",
  "/api/incidents",
  "/api/incidents/1",
  "/api/incidents/1/timeline",
  "/api/incidents/1/summary",
  "/api/figures",
];

describe("access to the reviewer pages", () => {
  it("answers no page and no API call without a link or token", async () => {
    h = await reviewHarness();
    for (const path of PROTECTED) {
      const res = await h.get(path);
      expect(res.status, path).toBe(403);
      const body = await res.text();
      expect(body, path).not.toContain("Checkout down");
    }
  });

  it("opens a session from the link the bot posts and then serves every page", async () => {
    h = await reviewHarness();
    const link = h.deps.links!.incident(1, "ada");
    expect(link).toMatch(/^http:\/\/beacon\.test\/r\/[\w-]+\.[\w-]+\?to=%2Fincidents%2F1$/);
    const res = await h.get(link.replace("http://beacon.test", ""));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/incidents/1");
    expect(res.headers.get("set-cookie")).toMatch(/^beacon_session=.+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/);
    const cookie = await h.session();
    for (const path of PROTECTED) expect((await h.get(path, { cookie })).status, path).toBe(200);
  });

  it("redirects a link only to a page of this site", async () => {
    h = await reviewHarness();
    const link = h.deps.links!.incident(1, "ada").replace("http://beacon.test", "").split("?")[0]!;
    for (const to of ["//evil.example/x", "/\\evil.example/x", "https://evil.example/"]) {
      const res = await h.get(`${link}?to=${encodeURIComponent(to)}`);
      expect(res.headers.get("location"), to).toBe("/incidents");
    }
    expect((await h.get(`${link}?to=${encodeURIComponent("/figures?from=2026-12-01")}`)).headers.get("location")).toBe(
      "/figures?from=2026-12-01",
    );
  });

  it("refuses a tampered link and a tampered session", async () => {
    h = await reviewHarness();
    const good = h.deps.links!.incident(1, "ada").replace("http://beacon.test", "");
    const [payload, mac] = good.slice(3).split("?")[0]!.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ p: "ada", e: 9_999_999_999 })).toString("base64url");
    for (const bad of [`/r/${forgedPayload}.${mac}`, `/r/${payload}.${mac!.slice(0, -2)}xx`, `/r/${payload}`]) {
      const res = await h.get(bad);
      expect(res.status, bad).toBe(403);
      expect(await res.text()).toMatch(/not valid|Link needed/);
    }
    expect((await h.get("/incidents", { cookie: `beacon_session=${forgedPayload}.${mac}` })).status).toBe(403);
  });

  it("refuses a link and a session once they have expired", async () => {
    h = await reviewHarness();
    const link = h.deps.links!.incident(1, "ada").replace("http://beacon.test", "");
    const cookie = await h.session();
    h.clock.set(new Date(h.clock.now().getTime() + 8 * 86_400_000));
    const res = await h.get(link);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/expired/);
    expect((await h.get("/incidents", { cookie })).status).toBe(403);
    expect(await (await h.get("/api/incidents", { cookie })).json()).toEqual({ error: "link expired" });
  });

  it("lets a dashboard read the JSON API with the configured token, and only that token", async () => {
    h = await reviewHarness();
    const ok = await h.get("/api/incidents", { authorization: "Bearer dashboard-token" });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as unknown[]).length).toBe(3);
    expect((await h.get("/api/incidents", { authorization: "Bearer guess" })).status).toBe(403);
  });

  it("signs links so that only the secret's holder can make them", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const token = sign(SECRET, { person: "ada", exp: now.getTime() / 1000 + 60 });
    expect(verify(SECRET, token, now)).toMatchObject({ ok: true, grant: { person: "ada" } });
    expect(verify("another-secret", token, now)).toEqual({ ok: false, why: "tampered" });
    expect(verify(SECRET, token, new Date(now.getTime() + 61_000))).toEqual({ ok: false, why: "expired" });
  });
});
