import type { Incident } from "../core/model.js";
import type { IncidentFilter, IncidentStore } from "../ports/incident-store.js";
import { cursorAt, cursorOf, type ListQuery } from "./incident-query.js";

// Lists a page at a time, by keyset (declaration time, then number, newest
// first): a page costs the same whether it is the first of 100,000 incidents
// or the last, and an incident declared while someone pages never shifts
// what the next page shows.

/** Incidents on a page of the list (HTML). */
export const LIST_PAGE = 50;
/** Incidents on a page of the JSON API. */
export const API_PAGE = 100;
/** Incidents read per round trip while the CSV streams every row. */
const CSV_BATCH = 1000;

export interface IncidentPage {
  incidents: Incident[];
  /** Boundaries for the links to the next older and newer pages, when there is one. */
  older?: string;
  newer?: string;
}

/** One page of what the filter selects, at the boundary the query names (the newest page when it names none). */
export async function readPage(store: IncidentStore, filter: IncidentFilter, q: ListQuery, size: number): Promise<IncidentPage> {
  const before = cursorOf(q.before);
  const after = before ? undefined : cursorOf(q.after);
  // One more than a page tells whether another page lies beyond it.
  const rows = await store.list({ ...filter, before, after, limit: size + 1, offset: 0 });
  if (after) {
    const incidents = rows.length > size ? rows.slice(1) : rows;
    return {
      incidents,
      newer: rows.length > size ? cursorAt(incidents[0]!) : undefined,
      older: incidents.length ? cursorAt(incidents.at(-1)!) : undefined,
    };
  }
  const incidents = rows.slice(0, size);
  return {
    incidents,
    older: rows.length > size ? cursorAt(incidents.at(-1)!) : undefined,
    newer: before && incidents.length ? cursorAt(incidents[0]!) : undefined,
  };
}

/** Every incident the filter selects, newest first, a batch at a time (the CSV writes each batch as it comes). */
export async function* everyPage(store: IncidentStore, filter: IncidentFilter): AsyncGenerator<Incident[]> {
  let before: IncidentFilter["before"];
  for (;;) {
    const rows = await store.list({ ...filter, before, limit: CSV_BATCH, offset: 0 });
    if (rows.length) yield rows;
    if (rows.length < CSV_BATCH) return;
    const last = rows.at(-1)!;
    before = { declaredAt: new Date(last.declaredAt), number: last.number };
  }
}
