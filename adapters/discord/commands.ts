import { z } from "zod";
import type { Command } from "../../src/core/commands/command.js";
import type { Policy } from "../../src/core/policy/schema.js";

// The /incident application command: one subcommand per verb of the shared
// grammar, with typed options (severity and kind as choices, the incident as
// an autocompleted number). Option types: 3 string, 4 integer, 6 user.
// https://discord.com/developers/docs/interactions/application-commands

const STRING = 3;
const INTEGER = 4;
const USER = 6;
const SUB = 1;

type Option = {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: Array<{ name: string; value: string | number }>;
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
  max_length?: number;
};

const incident: Option = { type: INTEGER, name: "incident", description: "Incident number (implied inside its room)", autocomplete: true };
const text = (name: string, description: string, required = true): Option => ({
  type: STRING,
  name,
  description,
  required,
  max_length: 1500,
});

export function incidentCommand(policy: Policy) {
  const severity = (required: boolean): Option => ({
    type: STRING,
    name: "severity",
    description: "Severity",
    required,
    choices: Object.entries(policy.severities).map(([value, s]) => ({ name: s.name[policy.locale] ?? value, value })),
  });
  const kind: Option = {
    type: STRING,
    name: "kind",
    description: "Kind",
    choices: Object.entries(policy.kinds)
      .filter(([, k]) => !k.drill)
      .map(([value, k]) => ({ name: k.name[policy.locale] ?? value, value })),
  };
  const declareOptions = [
    severity(true),
    text("title", "Title (leave out to fill in a form)", false),
    kind,
    text("customer", "Customer", false),
    text("region", "Region", false),
    text("description", "Description", false),
  ];
  const sub = (name: string, description: string, options: Option[] = []) => ({ type: SUB, name, description, options });
  return {
    name: "incident",
    description: "Declare and run incidents",
    type: 1,
    options: [
      sub("declare", "Declare an incident", declareOptions),
      sub("drill", "Start a drill (kept out of the figures)", declareOptions),
      sub("ack", "Acknowledge your page", [incident]),
      sub("escalate", "Page the next step now", [incident]),
      sub("sev", "Change the severity", [severity(true), text("reason", "Why"), incident]),
      sub("note", "Add a note to the timeline", [text("text", "Note"), incident]),
      sub("role", "Assign a role", [
        {
          type: STRING,
          name: "role",
          description: "Role",
          required: true,
          choices: ["lead", "liaison", "handler"].map((r) => ({ name: r, value: r })),
        },
        { type: USER, name: "person", description: "Who", required: true },
        incident,
      ]),
      sub("update", "Record an update to the customer or internal", [
        {
          type: STRING,
          name: "audience",
          description: "For whom",
          required: true,
          choices: [
            { name: "customer", value: "customer" },
            { name: "internal", value: "internal" },
          ],
        },
        text("text", "Update"),
        incident,
      ]),
      sub("done", "Mark a deadline done", [text("deadline", "Deadline key"), incident]),
      sub("resolve", "Resolve", [text("summary", "Summary", false), incident]),
      sub("close", "Close", [
        { type: INTEGER, name: "satisfaction", description: "Customer satisfaction 1-5", min_value: 1, max_value: 5 },
        incident,
      ]),
      sub("reopen", "Reopen", [text("reason", "Why"), incident]),
      sub("followup", "Add a follow-up action", [
        text("text", "Action"),
        { type: USER, name: "owner", description: "Owner" },
        text("due", "Due date YYYY-MM-DD", false),
        incident,
      ]),
      sub("followup-done", "Mark a follow-up done", [text("id", "Follow-up id, e.g. F1"), incident]),
      sub("status", "Show the incident", [incident]),
      sub("timeline", "Show the timeline", [incident]),
      sub("summary", "Post the after-action summary", [incident]),
      sub("list", "Open incidents"),
      sub("plan", "Who would be paged, and when deadlines fall", [severity(true), kind, text("at", "When, e.g. 'fri 17:30'", false)]),
      sub("help", "How to use Beacon", [text("topic", "Command", false)]),
    ],
  };
}

/** The options of one invocation, as discord.js hands them over (name → value). */
export type Options = Record<string, string | number | boolean | undefined>;

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const ref = (o: Options) => (typeof o.incident === "number" ? { number: o.incident } : {});

/** A subcommand and its options → the core's typed Command (the declare form is handled before this). */
export function toCommand(policy: Policy, sub: string, o: Options, personOf: (userId: string) => string | undefined): Command {
  const need = (v: unknown, name: string) =>
    z
      .string({ error: `${name} is required` })
      .min(1)
      .parse(str(v));
  switch (sub) {
    case "declare":
    case "drill":
      return {
        name: "declare",
        drill: sub === "drill",
        severity: need(o.severity, "severity"),
        title: need(o.title, "title"),
        kind: str(o.kind),
        customer: str(o.customer),
        region: str(o.region),
        description: str(o.description),
      };
    case "ack":
    case "escalate":
    case "status":
    case "timeline":
    case "summary":
      return { name: sub, ...ref(o) };
    case "sev":
      return { name: "sev", severity: need(o.severity, "severity"), reason: need(o.reason, "reason"), ...ref(o) };
    case "note":
      return { name: "note", text: need(o.text, "text"), ...ref(o) };
    case "role":
      return {
        name: "role",
        role: z.enum(["lead", "liaison", "handler"]).parse(o.role),
        person: personOf(String(o.person)) ?? String(o.person),
        ...ref(o),
      };
    case "update":
      return { name: "update", audience: z.enum(["customer", "internal"]).parse(o.audience), text: need(o.text, "text"), ...ref(o) };
    case "done":
      return { name: "done", clock: need(o.deadline, "deadline"), ...ref(o) };
    case "resolve":
      return { name: "resolve", summary: str(o.summary), ...ref(o) };
    case "close":
      return { name: "close", ...(typeof o.satisfaction === "number" ? { satisfaction: o.satisfaction } : {}), ...ref(o) };
    case "reopen":
      return { name: "reopen", reason: need(o.reason, "reason"), ...ref(o) };
    case "followup":
      return {
        name: "followup",
        text: need(o.text, "text"),
        owner: o.owner ? (personOf(String(o.owner)) ?? String(o.owner)) : undefined,
        due: str(o.due),
        ...ref(o),
      };
    case "followup-done":
      return { name: "followup_done", id: need(o.id, "id"), ...ref(o) };
    case "list":
      return { name: "list" };
    case "plan":
      return { name: "plan", severity: need(o.severity, "severity"), kind: str(o.kind), at: str(o.at) };
    default:
      return { name: "help", topic: str(o.topic) };
  }
}
