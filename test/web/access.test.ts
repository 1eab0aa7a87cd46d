import { afterEach, describe, expect, it } from "vitest";
import { dispatch } from "../../src/app/dispatch.js";
import { reviewHarness, type ReviewHarness } from "./review-harness.js";

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

const local = (link: string) => link.replace("http://beacon.test", "");
const linkIn = (text: string) => /http:\/\/beacon\.test\/r\/\S+/.exec(text)?.[0];

describe("access to the reviewer pages", () => {
  it("answers no page and no API call without a session or token", async () => {
    h = await reviewHarness();
    for (const path of PROTECTED) {
      const res = await h.get(path);
      expect(res.status, path).toBe(403);
      expect(await res.text(), path).not.toContain("Checkout down");
    }
  });

  it("gives a login link to a person of the policy who may read the incident, to them alone with previews off", async () => {
    h = await reviewHarness();
    const reply = await h.as("liu", "summary #1");
    expect(reply).toMatchObject({ ephemeral: true, personal: true });
    const link = linkIn(reply.text)!;
    expect(link).toMatch(/^http:\/\/beacon\.test\/r\/[\w-]{43}\?to=%2Fincidents%2F1$/);
  });

  it("gives no link to a chat user outside the policy, nor to a person for an incident they may not read", async () => {
    h = await reviewHarness();
    const stranger = await dispatch(h.deps, {
      actor: { platform: "test", userId: "zed", name: "Zed" },
      text: "summary #1",
      requestKey: "stranger-1",
    });
    expect(stranger.text).toContain("Checkout down");
    expect(linkIn(stranger.text)).toBeUndefined();
    expect(linkIn((await h.as("liu", "summary #2")).text)).toBeUndefined();
  });

  it("lets a reviewer read every page, list and export", async () => {
    h = await reviewHarness();
    const cookie = await h.session("ada");
    for (const path of [...PROTECTED, "/incidents/2", "/incidents.csv"]) expect((await h.get(path, { cookie })).status, path).toBe(200);
  });

  it("lets a participant read the incident they took part in, and shows a denial page for another, the list and the figures", async () => {
    h = await reviewHarness();
    const cookie = await h.session("liu");
    expect((await h.get("/incidents/1", { cookie })).status).toBe(200);
    expect((await h.get("/api/incidents/1/timeline", { cookie })).status).toBe(200);
    for (const path of ["/incidents/2", "/incidents/2/summary.md", "/api/incidents/2", "/incidents/2147483648"]) {
      const res = await h.get(path, { cookie });
      expect(res.status, path).toBe(403);
      const body = await res.text();
      expect(body, path).toMatch(/you took part in/);
      expect(body, path).not.toContain("Portal slow");
    }
    for (const path of ["/incidents", "/incidents.csv", "/figures", "/api/incidents", "/api/figures"]) {
      const res = await h.get(path, { cookie });
      expect(res.status, path).toBe(403);
      expect(await res.text(), path).toMatch(/for reviewers/);
    }
  });

  it("posts the summary in the room on close with the plain page address (no token), which asks for a login", async () => {
    h = await reviewHarness();
    const posted = h.chat.of("post").find((c) => c.link);
    expect(posted?.link).toBe("http://beacon.test/incidents/1");
    const res = await h.get("/incidents/1");
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/\/incident summary/);
  });

  it("opens a login link once, within 15 minutes, into a server-side session", async () => {
    h = await reviewHarness();
    const link = local(await h.deps.links!.login("ada", 1));
    expect((await fetch(h.base + link, { method: "HEAD", redirect: "manual" })).status).toBe(200); // a link checker spends nothing
    const res = await h.get(link);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/incidents/1");
    expect(res.headers.get("set-cookie")).toMatch(/^beacon_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/);
    const again = await h.get(link);
    expect(again.status).toBe(403);
    expect(await again.text()).toMatch(/used already/);

    const late = local(await h.deps.links!.login("ada", 1));
    h.clock.set(new Date(h.clock.now().getTime() + 16 * 60_000));
    expect((await h.get(late)).status).toBe(403);
  });

  it("ends a session on the next request once it is revoked, or the person is removed from the policy", async () => {
    h = await reviewHarness();
    const liu = await h.session("liu");
    const lee = await h.session("lee");
    expect((await h.get("/incidents/1", { cookie: liu })).status).toBe(200);
    const listed = await h.as("ada", "access list");
    expect(listed.text).toMatch(/session · Liu Yang \(liu\)/);
    expect((await h.as("liu", "access revoke lee")).error).toBe(true); // only reviewers manage access
    expect((await h.as("ada", "access revoke liu")).text).toMatch(/Revoked 1 /);
    const revoked = await h.get("/incidents/1", { cookie: liu });
    expect(revoked.status).toBe(403);
    expect(await revoked.text()).toMatch(/revoked/);

    expect((await h.get("/incidents", { cookie: lee })).status).toBe(200);
    delete h.deps.policy.people.lee;
    const removed = await h.get("/incidents", { cookie: lee });
    expect(removed.status).toBe(403);
    expect(await removed.text()).toMatch(/no longer in the incident policy/);
  });

  it("expires a session after BEACON_LINK_DAYS", async () => {
    h = await reviewHarness();
    const cookie = await h.session("ada");
    h.clock.set(new Date(h.clock.now().getTime() + 8 * 86_400_000));
    expect((await h.get("/incidents", { cookie })).status).toBe(403);
    expect(((await (await h.get("/api/incidents", { cookie })).json()) as { error: string }).error).toMatch(/expired/);
  });

  it("refuses a token with anything around it, a malformed cookie and a non-ASCII redirect with a clear 400 or 403, never a 500", async () => {
    h = await reviewHarness();
    const link = local(await h.deps.links!.login("ada", 1));
    const [path = "", query] = link.split("?");
    for (const bad of [`${path}x?${query}`, `${path}%00?${query}`, `${path.slice(0, -1)}?${query}`, "/r/", "/r/..%2F"]) {
      const res = await h.get(bad);
      expect(res.status, bad).toBe(403);
      expect(await res.text(), bad).toMatch(/not valid/);
    }
    expect((await h.get(`${path}?to=${encodeURIComponent("/incidents/1é")}`)).status).toBe(400);
    expect((await h.get(`${path}?to=${encodeURIComponent("/incidents/1☃")}`)).status).toBe(400);
    const cookie = await h.session("ada");
    for (const bad of [`${cookie}x`, "beacon_session=%E0%A4%A", `${cookie}%00`, "beacon_session="]) {
      const res = await h.get("/incidents", { cookie: bad });
      expect(res.status, bad).toBe(400);
      expect(await res.text(), bad).toMatch(/malformed/);
    }
  });

  it("redirects a link only to a page of this site", async () => {
    h = await reviewHarness();
    for (const to of ["//evil.example/x", "/\\evil.example/x", "https://evil.example/"]) {
      const link = local(await h.deps.links!.login("ada", 1)).split("?")[0]!;
      const res = await h.get(`${link}?to=${encodeURIComponent(to)}`);
      expect(res.headers.get("location"), to).toBe("/incidents");
    }
    const link = local(await h.deps.links!.login("ada", 1)).split("?")[0]!;
    expect((await h.get(`${link}?to=${encodeURIComponent("/figures?from=2026-12-01")}`)).headers.get("location")).toBe(
      "/figures?from=2026-12-01",
    );
  });

  it("answers a reviewer asking for an incident number past the store's range with a clear 404 page", async () => {
    h = await reviewHarness();
    const cookie = await h.session("ada");
    for (const path of ["/incidents/2147483648", "/incidents/99999999999999999999", "/api/incidents/2147483648"]) {
      const res = await h.get(path, { cookie });
      expect(res.status, path).toBe(404);
    }
    expect(await (await h.get("/incidents/2147483648", { cookie })).text()).toMatch(/No such incident/);
  });
});

describe("the JSON API's bearer tokens", () => {
  it("are named, scoped and revocable: a figures token reads the figures only, and stops when revoked", async () => {
    h = await reviewHarness();
    const made = await h.as("ada", "access token dashboard --figures");
    expect(made.personal).toBe(true);
    const token = /shown this once: ([\w-]{43})/.exec(made.text)![1]!;
    const authorization = `Bearer ${token}`;
    expect((await h.get("/api/figures", { authorization })).status).toBe(200);
    expect((await h.get("/figures", { authorization })).status).toBe(200);
    const refused = await h.get("/api/incidents", { authorization });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "This token reads the figures only." });
    expect((await h.as("ada", "access list")).text).toMatch(/API token · dashboard · figures only/);
    expect((await h.as("ada", "access revoke dashboard")).text).toMatch(/Revoked 1 /);
    expect((await h.get("/api/figures", { authorization })).status).toBe(403);
  });

  it("lets a token that reads all read every incident; refuses a guessed or malformed one", async () => {
    h = await reviewHarness();
    const token = /shown this once: ([\w-]{43})/.exec((await h.as("bo", "access token ops")).text)![1]!;
    const ok = await h.get("/api/incidents", { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as unknown[]).length).toBe(3);
    expect((await h.get("/api/incidents", { authorization: "Bearer dashboard-token" })).status).toBe(200); // BEACON_REVIEW_TOKEN
    expect((await h.get("/api/incidents", { authorization: `Bearer ${token}x` })).status).toBe(400);
    expect((await h.get("/api/incidents", { authorization: `Bearer ${"A".repeat(43)}` })).status).toBe(403);
    expect((await h.get("/api/incidents", { authorization: "Basic abc" })).status).toBe(400);
  });

  it("may be made only by a reviewer", async () => {
    h = await reviewHarness();
    expect((await h.as("liu", "access token mine")).error).toBe(true);
  });
});
