import { incidentLabel, type Actor, type ChatRef, type Incident } from "../core/model.js";
import { buildPageView, type PageView } from "../core/views.js";
import type { AppDeps } from "./deps.js";
import { withPerson } from "./dispatch.js";

/** An open incident as a person's own page lists it. */
export interface HomeIncident {
  incidentId: string;
  label: string;
  title: string;
  severity: string;
  status: string;
  drill: boolean;
  room?: ChatRef;
}

/** What a person sees on their own page in the chat app: pages waiting for them, and the open incidents they are on. */
export interface Home {
  /** The policy knows this person (else nobody pages them). */
  known: boolean;
  pages: PageView[];
  incidents: HomeIncident[];
}

const OPEN = ["declared", "acknowledged", "resolved"] as const;

/** Someone is on an incident when they declared it, were paged or told, or hold a role on it. */
function isOn(incident: Incident, actor: Actor): boolean {
  const by = incident.declaredBy;
  if (by.platform === actor.platform && by.userId === actor.userId) return true;
  const p = actor.personId;
  if (!p) return false;
  const { lead, liaison, handlers } = incident.roles;
  return by.personId === p || lead === p || liaison === p || handlers.includes(p) || incident.pages.some((x) => x.personId === p);
}

export async function homeFor(deps: AppDeps, who: Actor): Promise<Home> {
  const actor = withPerson(deps.policy, { actor: who, text: "", requestKey: "" }).actor;
  const open = await deps.store.list({ status: [...OPEN], limit: 100 });
  const mine = open.filter((i) => isOn(i, actor));
  const pages = actor.personId
    ? mine.flatMap((i) =>
        i.pages
          .filter((p) => p.personId === actor.personId)
          .map((p) => buildPageView(deps.policy, i, p.id))
          .filter((v) => !v.acknowledged && !v.closed),
      )
    : [];
  const { policy } = deps;
  return {
    known: !!actor.personId,
    pages,
    incidents: mine.map((i) => ({
      incidentId: i.id,
      label: incidentLabel(i),
      title: i.title,
      severity: policy.severities[i.severity]?.name[policy.locale] ?? i.severity,
      status: i.status,
      drill: i.drill,
      room: i.room,
    })),
  };
}
