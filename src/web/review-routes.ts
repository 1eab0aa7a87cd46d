import type { IncomingMessage, ServerResponse } from "node:http";
import type { Incident } from "../core/model.js";
import type { Policy } from "../core/policy/schema.js";
import { neutraliseBidi } from "../core/text.js";
import { renderSummaryMarkdown, summarize } from "../core/summary.js";
import { summaryJson } from "../core/summary-json.js";
import type { Clock } from "../ports/clock.js";
import type { IncidentStore } from "../ports/incident-store.js";
import { isReviewer, mayRead } from "../core/access/readers.js";
import type { AccessStore } from "../ports/access-store.js";
import { setSession, whoAsks, type AccessKeys } from "./access.js";
import { FIGURE_TABLES, figuresCsv, incidentsCsvRows, incidentsCsvStart, type FigureTable } from "./figures-csv.js";
import { loadFigures, loadMonth } from "./figures-data.js";
import { behindOf, drillsDown, parseQuery, queryString, type ListQuery } from "./incident-query.js";
import { API_PAGE, everyPage, LIST_PAGE, readPage } from "./incident-pages.js";
import { deniedPage } from "./pages/denied-page.js";
import { figuresPage } from "./pages/figures-page.js";
import { incidentPage } from "./pages/incident-page.js";
import { listPage } from "./pages/list-page.js";
import { onCallPage } from "./pages/oncall-page.js";
import { createCalendar } from "../core/calendar/business-calendar.js";
import { feedOf, feedPath, feedText } from "./oncall-feeds.js";
import { words } from "../core/incident/context.js";
import { PAGE_TEXT } from "./pages/text.js";
import type { Route } from "./server.js";

export interface ReviewOptions {
  store: IncidentStore;
  /** Logins, sessions and API tokens (server-side records). */
  grants: AccessStore;
  keys: AccessKeys;
  policy: Policy;
  clock: Clock;
  /** BEACON_REVIEW_TOKEN, a bearer token from the environment that reads everything. */
  envToken?: string;
  /** How long a session a login opens lasts. */
  sessionDays: number;
  /** Set the session cookie Secure (the public URL is https). */
  secureCookies: boolean;
  /** Signs the on-call calendar feeds' addresses (the link secret). */
  feedSecret: string;
}

const PAGE = /^\/incidents\/(\d{1,20})(\/summary\.(md|json))?$/;
const API = /^\/api\/incidents\/(\d{1,20})(\/timeline|\/summary|\/summary\.md)?$/;
const FIGURES_CSV = /^\/figures\/([a-z]+)\.csv$/;

function send(res: ServerResponse, status: number, type: string, body: string): true {
  res.writeHead(status, {
    "content-type": `${type}; charset=utf-8`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  res.end(neutraliseBidi(body));
  return true;
}
/** The incident list as CSV, written batch by batch as the store reads it (100,000 rows never sit in memory at once). */
async function streamCsv(res: ServerResponse, policy: Policy, batches: AsyncIterator<Incident[]>, q: ListQuery, now: Date): Promise<true> {
  // The first batch is read before the headers go: a database that is down still gets its error page.
  let batch = await batches.next();
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": 'attachment; filename="incidents.csv"',
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  res.write(incidentsCsvStart(policy));
  for (; !batch.done; batch = await batches.next())
    if (!res.write(neutraliseBidi(incidentsCsvRows(policy, batch.value, q, now))))
      await new Promise((drained) => res.once("drain", drained));
  res.end();
  return true;
}
const json = (res: ServerResponse, status: number, body: unknown) => send(res, status, "application/json", JSON.stringify(body, null, 2));
function csv(res: ServerResponse, name: string, body: string): true {
  res.setHeader("content-disposition", `attachment; filename="${name}"`);
  return send(res, 200, "text/csv", body);
}

/**
 * The reviewers' pages, exports and read-only JSON API. Every request is
 * checked against the access records and the policy as it is now: a reviewer
 * reads everything, anyone else in the policy the incidents they took part
 * in, an API token what its scope allows. Every refusal is a page saying why.
 */
export function reviewRoutes(o: ReviewOptions): Route {
  const { policy } = o;
  const reviewed = (path: string) =>
    path.startsWith("/api/") ||
    path === "/incidents" ||
    path === "/incidents.csv" ||
    path.startsWith("/incidents/") ||
    path === "/figures" ||
    path.startsWith("/figures/") ||
    path === "/oncall";
  const deny = (res: ServerResponse, api: boolean, status: number, why: string) =>
    api
      ? json(res, status, { error: PAGE_TEXT[policy.locale].denied[why] ?? why })
      : send(res, status, "text/html", deniedPage(policy, why));

  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const path = url.pathname;
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const link = /^\/r\/([^/]*)$/.exec(path);
    // A HEAD (a link checker, a preview fetcher) never spends a login.
    if (link && req.method === "HEAD") return send(res, 200, "text/html", "");
    if (link) return login(o, res, link[1]!, url, deny);
    // An on-call calendar feed: its own signed address (a calendar app has no session), naming one rotation or person.
    const feed = feedOf(o.feedSecret, url);
    if (feed === "denied") return send(res, 403, "text/plain", "bad or missing signature");
    if (feed) {
      const now = o.clock.now();
      const body = feedText(
        policy,
        createCalendar(policy.calendar),
        await o.store.overrides({ endingAfter: new Date(now.getTime() - 14 * 86_400_000) }),
        feed,
        now,
      );
      return body ? send(res, 200, "text/calendar", body) : false;
    }
    const api = path.startsWith("/api/");
    if (!reviewed(path)) return false;
    const who = await whoAsks({ keys: o.keys, grants: o.grants, envToken: o.envToken, now: () => o.clock.now() }, req);
    if (!who.ok) return deny(res, api, who.why === "malformed" ? 400 : 403, who.why);
    const { grant } = who;
    // Re-checked on every request: a person taken out of the policy reads nothing from the next one on.
    if (grant.scope === "person" && !(grant.subject in policy.people)) return deny(res, api, 403, "removed");
    const all = grant.scope === "all" || (grant.scope === "person" && isReviewer(policy, grant.subject));
    const now = o.clock.now();

    const table = FIGURES_CSV.exec(path)?.[1];
    const figures = path === "/figures" || path === "/api/figures" || table !== undefined;
    if (grant.scope === "figures" && !figures) return deny(res, api, 403, "figuresOnly");
    if (path === "/incidents" || path === "/incidents.csv" || path === "/api/incidents") {
      if (!all) return deny(res, api, 403, "reviewers");
      const { q, filter } = parseQuery(policy, url);
      const chosen = { ...filter, behind: behindOf(q, now) };
      if (path.endsWith(".csv")) return streamCsv(res, policy, everyPage(o.store, chosen), q, now);
      if (api) {
        const page = await readPage(o.store, chosen, q, API_PAGE);
        // The next page (older) as a Link header: the body stays the plain array it always was.
        if (page.older) res.setHeader("link", `<${path}${queryString({ ...q, after: undefined, before: page.older })}>; rel="next"`);
        return json(res, 200, page.incidents.map(brief));
      }
      // The plain list keeps drills in a table of their own (its newest page, linking to the rest); a drill-down has none.
      const apart = !drillsDown(q) && !q.drill;
      const page = await readPage(o.store, apart ? { ...chosen, drill: false } : chosen, q, LIST_PAGE);
      const drills = apart && !q.before && !q.after ? await readPage(o.store, { ...filter, drill: true }, {}, LIST_PAGE) : undefined;
      return send(res, 200, "text/html", listPage(policy, page, drills, q, now));
    }
    // Who is on call: anyone in the policy with a session may see it (it names no customer).
    if (path === "/oncall" || path === "/api/oncall") {
      const overrides = await o.store.overrides({ endingAfter: now });
      if (api) return json(res, 200, overrides);
      const w = words(policy);
      const person = grant.scope === "person" && grant.subject in policy.people ? [grant.subject] : [];
      const feeds = [
        ...Object.keys(policy.rotations).map((id) => ({ label: w.rotation(id), path: feedPath(o.feedSecret, { kind: "rotation", id }) })),
        ...person.map((id) => ({ label: w.name(id), path: feedPath(o.feedSecret, { kind: "person", id }) })),
      ];
      return send(res, 200, "text/html", onCallPage(policy, createCalendar(policy.calendar), overrides, now, feeds));
    }
    if (figures) {
      if (!all && grant.scope !== "figures") return deny(res, api, 403, "reviewers");
      if (table && !FIGURE_TABLES.includes(table as FigureTable)) return false;
      const { q, filter } = parseQuery(policy, url);
      const view = await loadFigures(o.store, policy, q, filter, now);
      if (api) return json(res, 200, view.current);
      if (table) return csv(res, `figures-${table}.csv`, figuresCsv(policy, view, table as FigureTable));
      return send(res, 200, "text/html", figuresPage(policy, view, q));
    }
    const page = PAGE.exec(path) ?? API.exec(path);
    if (!page) return api ? json(res, 404, { error: "not found" }) : false;
    const incident = await o.store.getByNumber(Number(page[1]!));
    const entries = incident ? await o.store.timeline(incident.id) : [];
    // Someone who is not a reviewer learns nothing, not even whether an incident they did not take part in exists.
    if (!all && (!incident || !mayRead(policy, grant.subject, incident, entries))) return deny(res, api, 403, "notYours");
    if (!incident) return api ? json(res, 404, { error: "no such incident" }) : send(res, 404, "text/html", deniedPage(policy, "notFound"));
    const rest = page[2];
    if (!api && !rest)
      return send(res, 200, "text/html", incidentPage(policy, incident, entries, now, await loadMonth(o.store, policy, incident, now)));
    const facts = summarize(policy, incident.number, entries, now);
    if (rest?.endsWith(".md")) return send(res, 200, "text/markdown", renderSummaryMarkdown(policy, facts));
    if (rest === "/summary.json" || rest === "/summary") return json(res, 200, summaryJson(policy, incident, facts));
    if (rest === "/timeline") return json(res, 200, entries);
    return json(res, 200, incident);
  };
}

const brief = (i: Incident) => ({
  number: i.number,
  title: i.title,
  severity: i.severity,
  kind: i.kind,
  status: i.status,
  drill: i.drill,
  declaredAt: i.declaredAt,
  acknowledgedAt: i.acknowledgedAt ?? null,
  resolvedAt: i.resolvedAt ?? null,
  closedAt: i.closedAt ?? null,
});

/**
 * `/r/<token>?to=<path>`: spend a one-use login token, open a session for its
 * person (a new server-side record, the cookie names it) and go to the page.
 */
async function login(
  o: ReviewOptions,
  res: ServerResponse,
  token: string,
  url: URL,
  deny: (res: ServerResponse, api: boolean, status: number, why: string) => true,
): Promise<true> {
  const to = url.searchParams.get("to") ?? "/incidents";
  // A Location header holds visible ASCII only: anything else is a malformed link (400), never a 500.
  if (!/^[\x21-\x7e]*$/.test(to)) return deny(res, false, 400, "malformed");
  const id = o.keys.idOf(token);
  if (!id) return deny(res, false, 403, "tampered");
  const now = o.clock.now();
  const grant = await o.grants.redeem(id, now);
  if (!grant) return deny(res, false, 403, "expired");
  if (!(grant.subject in o.policy.people)) return deny(res, false, 403, "removed");
  const session = o.keys.issue();
  const expiresAt = new Date(now.getTime() + o.sessionDays * 86_400_000);
  await o.grants.add({ id: session.id, kind: "session", subject: grant.subject, scope: "person", createdAt: now, expiresAt });
  setSession(res, session.token, expiresAt, o.secureCookies, now);
  // Only a path on this site: no "//host" or "/\\host", which browsers read as another site.
  res.writeHead(302, { location: /^\/(?![/\\])/.test(to) ? to : "/incidents" });
  res.end();
  return true;
}
