// The typed commands of the one grammar every platform shares. An incident
// reference is optional wherever the room implies the incident.

export interface IncidentRef {
  number?: number;
}

export interface DeclareFields {
  severity: string;
  title: string;
  kind?: string;
  customer?: string;
  region?: string;
  onsite?: "local" | "remote";
  claim?: boolean;
  description?: string;
}

export type Command =
  | ({ name: "declare"; drill: boolean } & DeclareFields)
  | ({ name: "ack" } & IncidentRef)
  | ({ name: "escalate" } & IncidentRef)
  | ({ name: "sev"; severity: string; reason: string } & IncidentRef)
  | ({ name: "note"; text: string } & IncidentRef)
  | ({ name: "role"; role: "lead" | "liaison" | "handler"; person: string } & IncidentRef)
  | ({ name: "update"; audience: "customer" | "internal"; text: string } & IncidentRef)
  | ({ name: "done"; clock: string } & IncidentRef)
  | ({ name: "resolve"; summary?: string } & IncidentRef)
  | ({ name: "close"; satisfaction?: number } & IncidentRef)
  | ({ name: "reopen"; reason: string } & IncidentRef)
  | ({ name: "followup"; text: string; owner?: string; due?: string } & IncidentRef)
  | ({ name: "followup_done"; id: string } & IncidentRef)
  | ({ name: "status" } & IncidentRef)
  | ({ name: "timeline" } & IncidentRef)
  | ({ name: "summary" } & IncidentRef)
  | { name: "list" }
  | { name: "plan"; severity: string; kind?: string; at?: string; onsite?: "local" | "remote"; claim?: boolean }
  | { name: "help"; topic?: string };

/** Usage lines, shown by help and after a usage error. */
export const USAGE: Record<string, string> = {
  declare:
    '/incident declare <urgent|important|general> <title> [--kind complaint] [--customer "name"] [--region city] [--onsite local|remote] [--claim] [--desc "text"]',
  drill: "/incident drill <severity> <title> [options as for declare]",
  ack: "/incident ack [#number]",
  escalate: "/incident escalate [#number]",
  sev: "/incident sev [#number] <severity> <reason>",
  note: "/incident note [#number] <text>",
  role: "/incident role [#number] <lead|liaison|handler> <person>",
  update: "/incident update [#number] <customer|internal> <text>",
  done: "/incident done [#number] <deadline>",
  resolve: "/incident resolve [#number] [summary]",
  close: "/incident close [#number] [--satisfaction 1-5]",
  reopen: "/incident reopen [#number] <reason>",
  followup: "/incident followup [#number] <text> [--owner person] [--due YYYY-MM-DD] | /incident followup done [#number] <F1>",
  status: "/incident status [#number]",
  list: "/incident list",
  timeline: "/incident timeline [#number]",
  summary: "/incident summary [#number]",
  plan: '/incident plan <severity> [kind] [--at "fri 17:30"] [--onsite local|remote] [--claim]',
  help: "/incident help [command]",
};

/** What can be wrong with a command's words; each has a message in en.ts and zh.ts. */
export type UsageProblem =
  | "badOption"
  | "missingSeverityAndTitle"
  | "missingTitle"
  | "missingSeverity"
  | "missingSeverityReason"
  | "missingNote"
  | "missingReopenReason"
  | "badRole"
  | "missingPerson"
  | "badAudience"
  | "missingUpdate"
  | "missingClock"
  | "missingFollowupId"
  | "missingFollowupText";
