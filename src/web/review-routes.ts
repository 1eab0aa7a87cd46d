import type { IncomingMessage, ServerResponse } from "node:http";
import type { Incident } from "../core/model.js";
import type { Policy } from "../core/policy/schema.js";
import { renderSummaryMarkdown, summarize } from "../core/summary.js";
import { summaryJson } from "../core/summary-json.js";
import type { Clock } from "../ports/clock.js";
import type { IncidentStore } from "../ports/incident-store.js";
import { check, setSession, verify } from "./access.js";
import { FIGURE_TABLES, figuresCsv, incidentsCsv, type FigureTable } from "./figures-csv.js";
import { loadFigures, loadMonth } from "./figures-data.js";
import { drillDown, drillsDown, parseQuery } from "./incident-query.js";
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
  policy: Policy;
  clock: Clock;
  secret: string;
  apiToken?: string;
  /** Set the session cookie Secure (the public URL is https). */
  secureCookies: boolean;
}

const PAGE = /^\/incidents\/(\d+)(\/summary\.(md|json))?$/;
const API = /^\/api\/incidents\/(\d+)(\/timeline|\/summary|\/summary\.md)?$/;
const FIGURES_CSV = /^\/figures\/([a-z]+)\.csv$/;

function send(res: ServerResponse, status: number, type: string, body: string): true {
  res.writeHead(status, {
    "content-type": `${type}; charset=utf-8`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  res.end(body);
  return true;
}
const json = (res: ServerResponse, status: number, body: unknown) => send(res, status, "application/json", JSON.stringify(body, null, 2));
function csv(res: ServerResponse, name: string, body: string): true {
  res.setHeader("content-disposition", `attachment; filename="${name}"`);
  return send(res, 200, "text/csv", body);
}

/** The reviewers' pages, exports and read-only JSON API, behind signed links. */
export function reviewRoutes(o: ReviewOptions): Route {
  const { policy } = o;
  const find = async (n: string) => o.store.getByNumber(Number(n));
  const reviewed = (path: string) =>
    path.startsWith("/api/") ||
    path === "/incidents" ||
    path === "/incidents.csv" ||
    path.startsWith("/incidents/") ||
    path === "/figures" ||
    path.startsWith("/figures/") ||
    path === "/oncall";

  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const path = url.pathname;
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const link = /^\/r\/([\w.-]+)$/.exec(path);
    if (link) {
      const v = verify(o.secret, link[1], o.clock.now());
      if (!v.ok) return send(res, 403, "text/html", deniedPage(policy, v.why));
      setSession(res, link[1]!, v.grant, o.secureCookies, o.clock.now());
      const to = url.searchParams.get("to") ?? "/incidents";
      // Only a path on this site: no "//host" or "/\\host", which browsers read as another site.
      res.writeHead(302, { location: /^\/(?![/\\])[^\s]*$/.test(to) ? to : "/incidents" });
      res.end();
      return true;
    }
    const feed = feedOf(o.secret, url);
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
    const access = check({ secret: o.secret, apiToken: o.apiToken, now: () => o.clock.now() }, req);
    if (!access.ok)
      return api
        ? json(res, 403, { error: access.why === "expired" ? "link expired" : "a signed link or token is required" })
        : send(res, 403, "text/html", deniedPage(policy, access.why));
    const now = o.clock.now();

    if (path === "/incidents" || path === "/incidents.csv" || path === "/api/incidents") {
      const { q, filter } = parseQuery(policy, url);
      const all = drillDown(await o.store.list(filter), q, now);
      if (api) return json(res, 200, all.map(brief));
      if (path.endsWith(".csv")) return csv(res, "incidents.csv", incidentsCsv(policy, all, q, now));
      const drills = drillsDown(q) ? undefined : all.filter((i) => i.drill);
      return send(
        res,
        200,
        "text/html",
        listPage(
          policy,
          all.filter((i) => !i.drill),
          drills,
          q,
          now,
        ),
      );
    }
    if (path === "/oncall" || path === "/api/oncall") {
      const overrides = await o.store.overrides({ endingAfter: now });
      if (api) return json(res, 200, overrides);
      const w = words(policy);
      const person = access.grant.person in policy.people ? [access.grant.person] : [];
      const feeds = [
        ...Object.keys(policy.rotations).map((id) => ({ label: w.rotation(id), path: feedPath(o.secret, { kind: "rotation", id }) })),
        ...person.map((id) => ({ label: w.name(id), path: feedPath(o.secret, { kind: "person", id }) })),
      ];
      return send(res, 200, "text/html", onCallPage(policy, createCalendar(policy.calendar), overrides, now, feeds));
    }
    const table = FIGURES_CSV.exec(path)?.[1];
    if (path === "/figures" || path === "/api/figures" || table) {
      if (table && !FIGURE_TABLES.includes(table as FigureTable)) return false;
      const { q, filter } = parseQuery(policy, url);
      const view = await loadFigures(o.store, policy, q, filter, now);
      if (api) return json(res, 200, view.current);
      if (table) return csv(res, `figures-${table}.csv`, figuresCsv(policy, view, table as FigureTable));
      return send(res, 200, "text/html", figuresPage(policy, view, q));
    }
    const page = PAGE.exec(path) ?? API.exec(path);
    if (!page) return api ? json(res, 404, { error: "not found" }) : false;
    const incident = await find(page[1]!);
    if (!incident)
      return api
        ? json(res, 404, { error: "no such incident" })
        : send(
            res,
            404,
            "text/html",
            deniedPage(policy, "missing").replace(PAGE_TEXT[policy.locale].denied.missing!, PAGE_TEXT[policy.locale].notFound),
          );
    const entries = await o.store.timeline(incident.id);
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
