import type { Incident } from "./model.js";
import type { Policy } from "./policy/schema.js";

/** Slack caps channel names at 80 characters; Discord at 100. Keep the smaller. */
export const MAX_ROOM_NAME = 80;

/** ASCII slug of a title; a title with no Latin letters (e.g. Chinese) gives "". */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/** The room name from the policy's template: {number}, {date} (YYYYMMDD in the calendar zone), {slug}, {severity}. */
export function roomName(policy: Policy, incident: Incident): string {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: policy.calendar.timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date(incident.declaredAt))
    .replace(/-/g, "");
  const name = policy.room.nameTemplate
    .replace("{number}", String(incident.number))
    .replace("{date}", date)
    .replace("{slug}", slugify(incident.title))
    .replace("{severity}", incident.severity)
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  return (incident.drill ? `drill-${name}` : name).slice(0, MAX_ROOM_NAME).replace(/-+$/, "");
}

export function roomTopic(policy: Policy, incident: Incident): string {
  const sev = policy.severities[incident.severity]?.name[policy.locale] ?? incident.severity;
  return `${incident.drill ? "[DRILL] " : ""}INC-${incident.number} · ${sev} · ${incident.title}`.slice(0, 250);
}
