// English messages. zh.ts must provide the same keys (its type is `Messages`).
// Mentions are written `@{personId}`; adapters render them per platform.

type S = string;

const usageProblems: Record<S, (p: Record<S, S>) => S> = {
  missing: (p) => `Missing ${p.field!.toLowerCase()}`,
  empty: (p) => `${p.field} is empty`,
  tooLong: (p) => `${p.field} is too long (at most ${p.max} characters)`,
  controlCharacters: (p) => `${p.field} contains control characters`,
  badChoice: (p) => `${p.field} cannot be "${p.value}"; choose one of: ${p.choices}`,
  badNumber: (p) => `${p.field} must be a whole number from ${p.min} to ${p.max}, not "${p.value}"`,
  badDate: (p) => `${p.field} must be a real date like 2026-12-01, not "${p.value}"`,
  badFlag: (p) => `${p.field} takes yes or no, not "${p.value}"`,
  oneWord: (p) => `${p.field} is one word, not "${p.value}"`,
  unknownOption: (p) => `Unknown option ${p.option}; options: ${p.options}`,
  unexpectedWords: (p) => `Did not expect "${p.words}"`,
  badValue: (p) => `${p.field} cannot be "${p.value}"`,
};

export const en = {
  locale: "en" as "en" | "zh",
  status: { declared: "Declared", acknowledged: "Acknowledged", resolved: "Resolved", closed: "Closed" } as Record<S, S>,
  drill: "DRILL",
  none: "none",
  yes: "yes",
  no: "no",
  role: { lead: "Lead", liaison: "Liaison", handler: "Handler" } as Record<S, S>,
  audience: { customer: "customer", internal: "internal" } as Record<S, S>,
  onsite: { local: "same city", remote: "other region" } as Record<S, S>,
  clockState: { running: "running", met: "met", missed: "missed", stopped: "stopped", cancelled: "no longer applies" } as Record<S, S>,
  escalationReason: {
    timeout: "no acknowledgement in time",
    manual: "escalated by hand",
    deadline_missed: "a deadline was missed",
  } as Record<S, S>,
  button: { acknowledge: "Acknowledge", escalate: "Escalate", note: "Add note", resolve: "Resolve" },
  /** A person's own page in the chat app (Slack's App Home). */
  home: {
    pages: "Pages waiting for you",
    noPages: "No page is waiting for you.",
    incidents: "Your open incidents",
    noIncidents: "You are on no open incident.",
    unknown: "The policy does not know you yet, so nobody pages you here. Ask whoever keeps Beacon's policy to add you.",
  },
  /** The declare and note forms (Slack modals, Discord modals). */
  form: {
    declareTitle: "Declare an incident",
    drillTitle: "Start a drill",
    submit: "Declare",
    cancel: "Cancel",
    title: "Title",
    titleHint: "What is wrong, in a few words",
    severity: "Severity",
    kind: "Kind",
    customer: "Customer",
    region: "Region",
    description: "Description",
    drill: "This is a drill (kept out of the figures)",
    noteTitle: "Add a note",
    note: "Note",
    save: "Save",
    required: "Required",
  },
  card: {
    severity: "Severity",
    status: "Status",
    kind: "Kind",
    lead: "Lead",
    declaredBy: "Declared by",
    deadlines: "Deadlines",
    paging: "Paging",
    step: (n: number, of: number) => `step ${n} of ${of}`,
    acknowledgedBy: (who: S) => `acknowledged by ${who}`,
    dueIn: (at: S, left: S) => `due ${at} (in ${left})`,
    overdue: (at: S, late: S) => `was due ${at}, overdue by ${late}`,
    metAt: (at: S) => `met at ${at}`,
    missedBy: (late: S) => `missed by ${late}`,
    deliveryFailed: (n: number) => `⚠️ ${n} message(s) could not be delivered, see the timeline`,
    alert: "Alert",
    links: "Links",
  },
  post: {
    declared: (label: S, title: S, sev: S, kind: S, by: S) => `🚨 ${label} declared by ${by}: *${title}* (${sev}, ${kind})`,
    paged: (step: number, who: S) => `📟 Paging step ${step}: ${who}`,
    informed: (who: S) => `ℹ️ Informed: ${who}`,
    acknowledged: (who: S, after: S) => `✅ @{${who}} acknowledged after ${after}. Escalation stopped.`,
    escalated: (to: number, reason: S, who: S) => `⏫ Escalated to step ${to} (${reason}): ${who}`,
    exhausted: "⛔ Every paging step has been tried and nobody has acknowledged. Leadership has been paged.",
    reminder: (clock: S, due: S, left: S) => `⏰ Reminder: *${clock}* is due ${due} (in ${left}).`,
    missed: (clock: S, due: S) => `🔴 Deadline missed: *${clock}* was due ${due}.`,
    overdue: (clock: S, late: S) => `🔴 Still overdue: *${clock}*, ${late} late.`,
    severityChanged: (from: S, to: S, reason: S, by: S, raised = false) =>
      `${raised ? "⏫ Raised" : "⏬ Lowered"} from ${from} to ${to} by ${by}: ${reason}`,
    roleAssigned: (role: S, who: S) => `👤 ${role}: @{${who}}`,
    update: (audience: S, text: S, by: S, answer = false) => `📣 ${answer ? "Answer" : "Update"} to the ${audience} by ${by}: ${text}`,
    clockMet: (clock: S) => `✔️ *${clock}* met.`,
    clockLate: (clock: S, late: S) => `✔️ *${clock}* done, ${late} after its deadline.`,
    resolved: (by: S, summary?: S) =>
      `🟢 Resolved by ${by}${summary ? `: ${summary}` : "."} The after-action summary is ready: /incident summary`,
    closed: (by: S) => `🔒 Closed by ${by}. The return call to the customer is due next.`,
    accepted: (by: S, sat?: number) => `🤝 The customer accepted the fix (recorded by ${by}${sat ? `, satisfaction ${sat}/5` : ""}).`,
    refused: (by: S, reason: S) => `↩️ The customer refused the fix (recorded by ${by}): ${reason}. Reopened.`,
    returnCallDue: (label: S, title: S, due: S) =>
      `📞 ${label} *${title}* is closed: please call the customer back by ${due} and record it with /incident callback.`,
    returnCall: (by: S, reached: boolean, sat?: number, comment?: S) =>
      reached
        ? `📞 Return call by ${by}: customer reached${sat ? `, satisfaction ${sat}/5` : ""}${comment ? ` (${comment})` : ""}.`
        : `📞 Return call by ${by}: customer not reached${comment ? ` (${comment})` : ""}; try again.`,
    clockWaived: (clock: S, by: S, reason: S) => `🏳️ *${clock}* waived by ${by}: ${reason}`,
    claimAdded: (by: S) => `💰 Compensation claim recorded by ${by}: its deadline starts now.`,
    onsiteSet: (by: S, where: S) => `🚚 On-site visit (${where}) recorded by ${by}: its deadline starts now.`,
    reopened: (by: S, reason: S) => `♻️ Reopened by ${by}: ${reason}`,
    note: (by: S, text: S) => `📝 ${by}: ${text}`,
    followup: (text: S, owner: S, due: S) => `📌 Follow-up: ${text} (owner ${owner}, due ${due})`,
    followupDue: (text: S, owner: S) => `⏰ Follow-up due today: ${text} (@{${owner}})`,
    followupOverdue: (text: S, owner: S, days: number) =>
      `⏰ Follow-up overdue (${days} working day${days === 1 ? "" : "s"}): ${text} (@{${owner}}). Mark it done with /incident followup done.`,
    late: (n: number) => `(posted late: Beacon was down when this fell due, ${n} min ago)`,
  },
  page: {
    text: (label: S, title: S, sev: S, step: number, of: number, ask = true) =>
      `📟 You are paged for ${label}: *${title}*. Severity ${sev}, step ${step} of ${of}.${ask ? " Please acknowledge." : ""}`,
    fyi: (label: S, title: S, sev: S) => `ℹ️ For your information: ${label} *${title}* (${sev}) has been declared.`,
    acked: (who: S, at: S) => `✅ Acknowledged by ${who} at ${at}.`,
    standDown: (label: S, title: S, sev: S) => `↘️ Stand down: ${label} *${title}* is now ${sev}; you are no longer needed on it.`,
    missReport: (label: S, title: S, clock: S, due: S, sev: S) =>
      `⚠️ Deadline missed on ${label} *${title}* (${sev}): ${clock} was due ${due}.`,
    stoodDown: "No longer needed (the plan changed).",
  },
  reply: {
    declared: (label: S) => `${label} declared. Its room is opening and the emergency group is being paged.`,
    roomOpen: (label: S, room: S) => `${label}: its room is open, ${room}.`,
    declaredIn: (label: S, room: S) => `${label} declared. Its room: ${room}. The emergency group is being paged.`,
    duplicate: (label: S) => `That request was already handled: ${label}.`,
    acknowledged: (label: S) => `You acknowledged ${label}. Escalation stopped.`,
    alreadyAcknowledged: (label: S, who: S) => `${label} was already acknowledged by ${who}.`,
    noted: (label: S) => `Note added to ${label}.`,
    roleAssigned: (label: S, role: S, who: S) => `${who} is now ${role} of ${label}.`,
    updated: (label: S) => `Update recorded on ${label}.`,
    clockDone: (label: S, clock: S) => `${clock} marked done on ${label}.`,
    severityChanged: (label: S, sev: S) => `${label} is now ${sev}; paging and deadlines re-planned.`,
    escalated: (label: S, step: number) => `${label} escalated to step ${step}.`,
    noMoreSteps: (label: S) => `${label} has no further paging step; leadership is already paged.`,
    resolved: (label: S) => `${label} resolved.`,
    closed: (label: S) => `${label} closed.`,
    reopened: (label: S) => `${label} reopened.`,
    accepted: (label: S) => `Acceptance recorded on ${label}; it can be closed.`,
    refused: (label: S) => `Refusal recorded; ${label} is reopened.`,
    returnCall: (label: S) => `Return call recorded on ${label}.`,
    waived: (label: S, clock: S) => `${clock} waived on ${label}.`,
    claimAdded: (label: S) => `Compensation claim recorded on ${label}.`,
    onsiteSet: (label: S) => `On-site visit recorded on ${label}.`,
    followupAdded: (label: S, id: S) => `Follow-up ${id} added to ${label}.`,
    followupDone: (label: S, id: S) => `Follow-up ${id} on ${label} marked done.`,
    noIncidents: "No open incidents.",
    accessOff: "The reviewer pages are off here (no BEACON_LINK_SECRET), so there is no access to manage.",
    accessNone: "Nobody has a session or an API token.",
    accessSession: (who: S, since: S, until: S) => `session · ${who} · since ${since} · until ${until}`,
    accessApiToken: (name: S, scope: S, since: S) =>
      `API token · ${name} · ${scope === "figures" ? "figures only" : "reads all"} · since ${since}`,
    accessRevoked: (who: S, n: number) =>
      n
        ? `Revoked ${n} session(s), link(s) or token(s) of ${who}: they stop working on the next request.`
        : `${who} has no live session, link or token.`,
    accessTokenMade: (name: S, scope: S, token: S) =>
      `API token "${name}" (${scope === "figures" ? "figures only" : "reads all"}), shown this once: ${token}\nSend it as \`Authorization: Bearer <token>\`; revoke it with /incident access revoke ${name}.`,
    summaryLink: (url: S) =>
      `Full incident page (timeline, deadlines, exports): ${url}\nThe link is yours alone, works once and within 15 minutes; it opens a session in your browser. Do not forward it.`,
    storeUnavailable:
      "Beacon cannot reach its database right now, so this was not done and nothing half-done was kept. Please try again in a minute.",
    internalError: (id: S) => `Something went wrong on our side; nothing was lost. Reference: ${id}`,
  },
  error: {
    "COMMAND.UNKNOWN": (p: Record<S, S>) => `Unknown command "${p.word}". Commands: ${p.verbs}.`,
    "COMMAND.USAGE": (p: Record<S, S>) => `${usageProblems[p.problem!]?.(p) ?? p.problem}.`,
    "INCIDENT.NOT_FOUND": (p: Record<S, S>) => `No incident ${p.ref}.`,
    "INCIDENT.NO_CONTEXT": () => `Which incident? Run this in an incident's room, or name it (e.g. #12).`,
    "BUTTON.STALE": () =>
      `This button is for an incident Beacon does not know (from another Beacon, or before its data was reset); nothing was done.`,
    "INCIDENT.ILLEGAL_TRANSITION": (p: Record<S, S>) => `${p.label} is ${p.status}; you cannot ${p.action} it now.`,
    "PAGE.NOT_YOURS": (p: Record<S, S>) =>
      `You were not paged for ${p.label}; only someone paged, or the leadership group, can acknowledge it.`,
    "ACTION.STALE": () => `This button does not name an incident Beacon has (it may be from an old message). Find it with /incident list.`,
    "PERMISSION.DENIED": (p: Record<S, S>) => `You are not allowed to ${p.action} incidents (policy: ${p.allowed}).`,
    "SEVERITY.UNKNOWN": (p: Record<S, S>) => `Unknown severity "${p.value}". Choose one of: ${p.choices}.`,
    "SEVERITY.SAME": (p: Record<S, S>) => `${p.label} is already ${p.value}.`,
    "KIND.UNKNOWN": (p: Record<S, S>) => `Unknown kind "${p.value}". Choose one of: ${p.choices}.`,
    "PERSON.UNKNOWN": (p: Record<S, S>) => `Unknown person "${p.value}".`,
    "CLOCK.UNKNOWN": (p: Record<S, S>) => `${p.label} has no running deadline "${p.value}". Running: ${p.choices}.`,
    "CLOCK.NOT_MANUAL": (p: Record<S, S>) => `"${p.value}" stops by itself (on ${p.stopOn}); it cannot be marked done by hand.`,
    "TIME.INVALID": (p: Record<S, S>) => `Cannot read the time "${p.value}"; use e.g. 2026-11-27 17:30 or fri 17:30.`,
    "FOLLOWUP.UNKNOWN": (p: Record<S, S>) => `${p.label} has no follow-up ${p.value}.`,
    "INCIDENT.NOT_ACCEPTED": (p: Record<S, S>) =>
      `${p.label} cannot be closed before the customer accepts the fix: record it with /incident accept (or /incident refuse).`,
    "CLOCK.NOT_WAIVABLE": (p: Record<S, S>) => `${p.label} has no open deadline "${p.value}" to waive. Open: ${p.choices}.`,
    "UPDATE.ANSWER_INTERNAL": () => `Only an update to the customer can be the answer to the complaint.`,
    "CLAIM.ALREADY": (p: Record<S, S>) => `${p.label} already has a compensation claim.`,
    "ONSITE.SAME": (p: Record<S, S>) => `${p.label} already has an on-site visit (${p.value}).`,
    "ROTATION.UNKNOWN": (p: Record<S, S>) => `Unknown rotation "${p.value}". Rotations: ${p.choices}.`,
    "ONCALL.BAD_WINDOW": (p: Record<S, S>) => `The end must come after the start, lie in the future, and be at most ${p.max} days later.`,
    "ONCALL.SWAP_SELF": () => `Name two different people to swap.`,
    "ONCALL.NOTHING_TO_SWAP": (p: Record<S, S>) => `Neither of them is on call for ${p.rotation} in that time: nothing to swap.`,
    "ONCALL.DENIED": (p: Record<S, S>) => `You are not allowed to change who is on call (policy: ${p.allowed}).`,
    "ONCALL.UNKNOWN_OVERRIDE": (p: Record<S, S>) => `No override or swap "${p.value}": /incident oncall list shows each one's reference.`,
    "ONCALL.AMBIGUOUS_OVERRIDE": (p: Record<S, S>) => `"${p.value}" names more than one override: give more of its id.`,
    "ONCALL.OVERRIDE_OVER": (p: Record<S, S>) => `The override ${p.value} on ${p.rotation} is already over: nothing to cancel.`,
  } as Record<S, (p: Record<S, S>) => S>,
  usagePrefix: "Usage:",
  alerts: {
    labels: (source: S, labels: S, links: S) => `🔔 Declared from ${source}: ${labels}${links ? `\n${links}` : ""}`,
    proposeResolve: (source: S, label: S) => `✅ ${source} says every alert of ${label} has resolved. If the fix is in, resolve it.`,
  },
  oncall: {
    none: "No rotations in the policy.",
    nobody: "nobody",
    now: (rotation: S, who: S, until: S) => `*${rotation}*: ${who} until ${until}`,
    always: (rotation: S, who: S) => `*${rotation}*: ${who}`,
    next: (who: S, until: S) => `, then ${who} until ${until}`,
    override: (ref: S, rotation: S, who: S, from: S, to: S, by: S) =>
      `\`${ref}\` *${rotation}*: ${who} from ${from} to ${to} (added by ${by})`,
    covers: (who: S) => `covering ${who}`,
    noOverrides: "No overrides running or to come.",
    feedSummary: (what: S) => `On call: ${what}`,
    handoff: (rotation: S, label: S, title: S, sev: S, status: S) =>
      `🔁 You are now on call for ${rotation}, which covers the open ${label} *${title}* (${sev}, ${status}).`,
    added: (rotation: S, who: S, from: S, to: S) => `${who} is on call for ${rotation} from ${from} to ${to}.`,
    swapped: (rotation: S, a: S, b: S, n: number) => `${a} and ${b} swapped ${n} shift${n === 1 ? "" : "s"} on ${rotation}.`,
    cancelled: (rotation: S, who: S, from: S, to: S) =>
      `Cancelled: ${who} on call for ${rotation} from ${from} to ${to}. The schedule applies again.`,
    swapCancelled: (rotation: S, a: S, b: S, n: number) =>
      `Cancelled the swap of ${a} and ${b} on ${rotation} (${n} shift${n === 1 ? "" : "s"}). The schedule applies again.`,
  },
  warning: {
    holidayData: (endsOn: S, ended: boolean) =>
      ended
        ? `⚠️ The calendar's public holidays end on ${endsOn}: deadlines after that ignore holidays. Add the next year's holidays and make-up days to the policy.`
        : `⚠️ The calendar's public holidays end on ${endsOn}: add the next year's holidays and make-up days to the policy before then.`,
  },
  help: {
    head: "Beacon incident commands (inside an incident's room the #number is implied; /incident help <command> explains one):",
    incident: "the incident (#12 or INC-12); implied inside its room",
    required: "required",
    choices: "one of",
    aliases: "also",
  },
  action: {
    declare: "declare",
    severity: "change the severity of",
    resolve: "resolve",
    close: "close",
    acknowledge: "acknowledge",
    reopen: "reopen",
    escalate: "escalate",
    update: "change",
    waive: "waive deadlines of",
    accept: "record the customer's verdict on",
    review: "manage reviewer access to",
  } as Record<S, S>,
};

export type Messages = typeof en;
