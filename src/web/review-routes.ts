import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { computeFigures } from "../core/figures.js";
import type { Incident } from "../core/model.js";
import type { Policy } from "../core/policy/schema.js";
import { addLocalDays } from "../core/calendar/zoned.js";
import { fromZoned } from "../core/calendar/zoned.js";
import { renderSummaryMarkdown, summarize } from "../core/summary.js";
import { summaryJson } from "../core/summary-json.js";
import type { Clock } from "../ports/clock.js";
import type { IncidentFilter, IncidentStore } from "../ports/incident-store.js";
import { check, setSession, verify } from "./access.js";
import { deniedPage } from "./pages/denied-page.js";
import { figuresPage } from "./pages/figures-page.js";
import { incidentPage } from "./pages/incident-page.js";
import { listPage } from "./pages/list-page.js";
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

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const querySchema = z.object({
  severity: z.string().optional(),
  kind: z.string().optional(),
  status: z.enum(["declared", "acknowledged", "resolved", "closed"]).optional().catch(undefined),
  from: date,
  to: date,
});
const PAGE = /^\/incidents\/(\d+)(\/summary\.(md|json))?$/;
const API = /^\/api\/incidents\/(\d+)(\/timeline|\/summary|\/summary\.md)?$/;
/** The most incidents a list or figures request reads (figures over more are for the JSON API with a period). */
const MAX = 100_000;

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

/** The reviewers' pages, exports and read-only JSON API, behind signed links. */
export function reviewRoutes(o: ReviewOptions): Route {
  const { policy } = o;
  const zone = policy.calendar.timeZone;
  const dayStart = (d: string) => {
    const [year, month, day] = d.split("-").map(Number) as [number, number, number];
    return fromZoned({ year, month, day, hour: 0, minute: 0 }, zone);
  };
  const filterOf = (url: URL): { q: z.infer<typeof querySchema>; filter: IncidentFilter } => {
    const q = querySchema.parse(Object.fromEntries(url.searchParams));
    const filter: IncidentFilter = { limit: MAX };
    if (q.severity && q.severity in policy.severities) filter.severity = [q.severity];
    if (q.kind && q.kind in policy.kinds) filter.kind = [q.kind];
    if (q.status) filter.status = [q.status];
    if (q.from) filter.from = dayStart(q.from);
    if (q.to) filter.to = dayStart(addLocalDays(q.to, 1));
    return { q, filter };
  };
  const find = async (n: string) => o.store.getByNumber(Number(n));

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
    const api = path.startsWith("/api/");
    if (!api && path !== "/incidents" && !path.startsWith("/incidents/") && path !== "/figures") return false;
    const access = check({ secret: o.secret, apiToken: o.apiToken, now: () => o.clock.now() }, req);
    if (!access.ok)
      return api
        ? json(res, 403, { error: access.why === "expired" ? "link expired" : "a signed link or token is required" })
        : send(res, 403, "text/html", deniedPage(policy, access.why));
    const now = o.clock.now();

    if (path === "/incidents" || path === "/api/incidents") {
      const { q, filter } = filterOf(url);
      const all = await o.store.list(filter);
      if (api) return json(res, 200, all.map(brief));
      return send(
        res,
        200,
        "text/html",
        listPage(
          policy,
          all.filter((i) => !i.drill),
          all.filter((i) => i.drill),
          q,
        ),
      );
    }
    if (path === "/figures" || path === "/api/figures") {
      const { q, filter } = filterOf(url);
      const figures = computeFigures(await o.store.figureInputs({ ...filter, limit: undefined }), now, zone);
      if (api) return json(res, 200, figures);
      return send(res, 200, "text/html", figuresPage(policy, figures, q));
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
    if (!api && !rest) return send(res, 200, "text/html", incidentPage(policy, incident, entries, now));
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
