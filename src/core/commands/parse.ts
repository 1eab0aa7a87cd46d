import { z } from "zod";
import { UserError } from "../errors.js";
import { USAGE, type Command, type IncidentRef, type UsageProblem } from "./command.js";
import { tokenize, type Tokens } from "./tokenize.js";

// Text after `/incident` -> a typed Command, or a UserError that names the
// problem and carries the usage line that would have worked.

const ALIASES: Record<string, string> = {
  acknowledge: "ack",
  severity: "sev",
  upgrade: "sev",
  "follow-up": "followup",
  ls: "list",
  "?": "help",
};

const onsite = z.enum(["local", "remote"]);
const satisfaction = z.coerce.number().int().min(1).max(5);
const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The problem is a key of `usageProblems` in the messages, so it reads in the policy's language. */
function usage(name: string, problem: UsageProblem, params: Record<string, string> = {}): UserError {
  return new UserError("COMMAND.USAGE", { problem, ...params }, USAGE[name]);
}

/** Take a leading `#12` / `INC-12` reference off the words, if present. */
function takeRef(words: string[]): IncidentRef {
  const m = words[0] ? /^(?:#|inc-?)(\d+)$/i.exec(words[0]) : null;
  if (!m) return {};
  words.shift();
  return { number: Number(m[1]) };
}

function option<T>(name: string, opts: Tokens["options"], key: string, schema: z.ZodType<T>): T | undefined {
  const v = opts[key];
  if (v === undefined) return undefined;
  const r = schema.safeParse(v === true ? "" : v);
  if (!r.success) throw usage(name, "badOption", { key, value: v === true ? "" : v });
  return r.data;
}

function text(v: string | true | undefined): string | undefined {
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

export function parseCommand(input: string): Command {
  const { words, options } = tokenize(input);
  const first = (words.shift() ?? "help").toLowerCase();
  const name = ALIASES[first] ?? first;
  const rest = () => words.join(" ").trim();
  switch (name) {
    case "declare":
    case "drill": {
      const severity = words.shift();
      const title = rest();
      if (!severity) throw usage(name, "missingSeverityAndTitle");
      if (!title) throw usage(name, "missingTitle");
      return {
        name: "declare",
        drill: name === "drill",
        severity,
        title: title.slice(0, 200),
        kind: text(options.kind),
        customer: text(options.customer),
        region: text(options.region),
        onsite: option(name, options, "onsite", onsite),
        claim: options.claim === true || options.claim === "yes" || undefined,
        description: text(options.desc ?? options.description),
      };
    }
    case "ack":
    case "escalate":
    case "status":
    case "timeline":
    case "summary":
      return { name, ...takeRef(words) };
    case "list":
      return { name };
    case "sev": {
      const ref = takeRef(words);
      const severity = words.shift();
      const reason = rest();
      if (!severity || !reason) throw usage(name, !severity ? "missingSeverity" : "missingSeverityReason");
      return { name, ...ref, severity, reason };
    }
    case "note":
    case "reopen": {
      const ref = takeRef(words);
      const body = rest();
      if (!body) throw usage(name, name === "note" ? "missingNote" : "missingReopenReason");
      return name === "note" ? { name, ...ref, text: body } : { name, ...ref, reason: body };
    }
    case "role": {
      const ref = takeRef(words);
      const role = z.enum(["lead", "liaison", "handler"]).safeParse(words.shift()?.toLowerCase());
      const person = rest();
      if (!role.success) throw usage(name, "badRole");
      if (!person) throw usage(name, "missingPerson");
      return { name, ...ref, role: role.data, person };
    }
    case "update": {
      const ref = takeRef(words);
      const audience = z.enum(["customer", "internal"]).safeParse(words.shift()?.toLowerCase());
      if (!audience.success) throw usage(name, "badAudience");
      const body = rest();
      if (!body) throw usage(name, "missingUpdate");
      return { name, ...ref, audience: audience.data, text: body };
    }
    case "done": {
      const ref = takeRef(words);
      const clock = words.shift();
      if (!clock) throw usage(name, "missingClock");
      return { name, ...ref, clock: clock.toLowerCase() };
    }
    case "resolve": {
      const ref = takeRef(words);
      return { name, ...ref, summary: rest() || undefined };
    }
    case "close": {
      const ref = takeRef(words);
      return { name, ...ref, satisfaction: option(name, options, "satisfaction", satisfaction) };
    }
    case "followup": {
      if (words[0]?.toLowerCase() === "done") {
        words.shift();
        const ref = takeRef(words);
        const id = words.shift();
        if (!id) throw usage(name, "missingFollowupId");
        return { name: "followup_done", ...ref, id };
      }
      const ref = takeRef(words);
      const body = rest();
      if (!body) throw usage(name, "missingFollowupText");
      return { name, ...ref, text: body, owner: text(options.owner), due: option(name, options, "due", dateKey) };
    }
    case "plan": {
      const severity = words.shift();
      if (!severity) throw usage(name, "missingSeverity");
      return {
        name,
        severity,
        kind: words.shift(),
        at: text(options.at),
        onsite: option(name, options, "onsite", onsite),
        claim: options.claim === true || undefined,
      };
    }
    case "help":
      return { name, topic: words[0]?.toLowerCase() };
    default:
      throw new UserError("COMMAND.UNKNOWN", { word: first }, USAGE.help);
  }
}
