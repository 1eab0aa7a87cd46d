import { z } from "zod";
import { stopEventSchema } from "../model.js";
import { targetsSchema } from "./targets.js";
import { dateKey, durationText, hhmm, id, localized, timeZone } from "./primitives.js";
import { rotationSchema } from "../oncall/schema.js";
import { alertsSchema } from "../alerts/schema.js";
import { webhookSchema } from "../webhooks/events.js";

// The policy file: a team's emergency plan as data. Every figure the bot uses
// (severities, who is paged, deadlines, calendar) comes from here; the built-in
// default (config/default-policy.yml) encodes the teams' written emergency plans.

const span = z.strictObject({ from: hhmm, to: hhmm }).refine((s) => s.from < s.to, "`to` must be after `from`");

export const calendarSchema = z.strictObject({
  timeZone,
  week: z.partialRecord(z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), z.array(span)),
  holidays: z.array(dateKey).default([]),
  workdays: z.array(dateKey).default([]),
  /** The last day the holiday list is known to be complete (default: 31 December of the latest year it names); Beacon warns as it nears. */
  holidaysUntil: dateKey.optional(),
  makeUpHours: z.array(span).optional(),
});

/**
 * Addresses on chat platforms, keyed by the platform's name
 * (`ids: { slack: U012AB3CD, discord: "123…" }`). Which names exist and what
 * their ids look like is for the platforms to say (platform-ids.ts checks
 * them against the platforms Beacon was built with), never the core.
 */
const platformIds = z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/, "a platform name"), z.string().min(1)).default({});

export const personSchema = z.strictObject({
  name: z.string().min(1),
  email: z.email().optional(),
  ids: platformIds,
});

export const groupSchema = z.strictObject({
  name: localized,
  members: z.array(id),
  /** A user group or role that stands for this group on a platform, if any (mentioned in the room as the group). */
  ids: platformIds,
});

const target = id; // a group id or a person id

export const pagingStepSchema = z.strictObject({
  page: z.array(target).min(1),
  notify: z.array(target).default([]),
  wait: durationText.default("15m"),
});

export const severitySchema = z.strictObject({
  level: z.number().int().min(1),
  name: localized,
  description: localized.optional(),
  paging: z.array(pagingStepSchema).min(1),
});

const durationSchema = z.union([
  z.strictObject({ wall: durationText, clampToHours: z.boolean().default(false) }),
  z.strictObject({ working: durationText, outsideHours: z.enum(["count_from_opening", "next_opening"]).default("count_from_opening") }),
  z.strictObject({ workingDays: z.number().int().min(0) }),
]);

export const clockSchema = z.strictObject({
  key: id,
  name: localized,
  /** One duration for every severity, or one per severity key. */
  duration: z.union([durationSchema, z.record(z.string(), durationSchema)]),
  severities: z.array(z.string()).optional(),
  kinds: z.array(z.string()).optional(),
  /** Applies only when an on-site visit of this kind is needed (`any`: either). */
  onsite: z.enum(["local", "remote", "any"]).optional(),
  /** Applies only when the incident carries a compensation claim. */
  claim: z.boolean().optional(),
  /**
   * When it starts: as soon as it applies (`declare`: at declaration, or when a
   * raise, a claim or a visit makes it apply), or at the resolve, at each
   * reopen, or at the close.
   */
  startOn: z.enum(["declare", "resolve", "reopen", "close"]).default("declare"),
  /** The one event that meets it. */
  stopOn: stopEventSchema,
  reminders: z
    .strictObject({
      at: z.array(z.number().gt(0).lt(1)).default([0.5, 0.8]),
      overdueEvery: durationText.optional(),
      maxOverdue: z.number().int().min(0).default(3),
    })
    .default({ at: [0.5, 0.8], maxOverdue: 3 }),
  /** A miss while nobody has acknowledged also pages the next step. */
  escalateOnMiss: z.boolean().default(false),
  /** Who a miss is reported to, instead of `misses.reportTo`. */
  reportMissTo: z.array(id).optional(),
  /** Tracked and reported, but no reminders are posted (contact-centre figures). */
  silent: z.boolean().default(false),
});

export const kindSchema = z.strictObject({
  name: localized,
  /** Choosing this kind declares a drill: labelled, kept out of the figures. */
  drill: z.boolean().default(false),
  /** For a drill kind: the kind it rehearses (its paging and clocks run as for that kind; default: defaultKind). */
  rehearses: id.optional(),
  /** Added to the first paging step for this kind, whatever the severity. */
  paging: z.strictObject({ page: z.array(id).default([]), notify: z.array(id).default([]) }).optional(),
});

const everyone = z.literal("everyone");
const allowList = z.array(z.union([everyone, id])).min(1);

export const policySchema = z
  .strictObject({
    version: z.literal(1),
    locale: z.enum(["en", "zh"]).default("en"),
    calendar: calendarSchema,
    people: z.record(id, personSchema),
    groups: z.record(id, groupSchema),
    leadership: id,
    severities: z.record(id, severitySchema),
    kinds: z.record(id, kindSchema),
    defaultKind: id,
    clocks: z.array(clockSchema),
    /** On-call rotations: a paging step or an informed list may name one, and whoever is on call when the step fires is paged. */
    rotations: z.record(id, rotationSchema).default({}),
    /** Who may do what ("everyone", or person and group ids); a key left out allows everyone. */
    permissions: z
      .strictObject({
        declare: allowList.default(["everyone"]),
        /** Raise or lower the severity (the plans give it to the head of department). */
        severity: allowList.default(["everyone"]),
        resolve: allowList.default(["everyone"]),
        close: allowList.default(["everyone"]),
        reopen: allowList.default(["everyone"]),
        /** Waive a deadline, with a reason. */
        waive: allowList.default(["everyone"]),
        /** Record the customer's acceptance or refusal, and the return call. */
        accept: allowList.default(["everyone"]),
        /**
         * Read every incident on the reviewer pages, and manage access (`/incident access`). Left out: the
         * leadership group, and the groups `service_desk` and `handling_lead` where the policy has them.
         * Anyone else who took part in an incident reads that incident only.
         */
        review: allowList.optional(),
        /** Add, swap or remove on-call overrides. */
        oncall: allowList.default(["everyone"]),
      })
      .default({
        declare: ["everyone"],
        severity: ["everyone"],
        resolve: ["everyone"],
        close: ["everyone"],
        reopen: ["everyone"],
        waive: ["everyone"],
        accept: ["everyone"],
        oncall: ["everyone"],
      }),
    lifecycle: z
      .strictObject({
        /** Only an incident the customer accepted may be closed (验收). */
        closeNeedsAcceptance: z.boolean().default(true),
      })
      .default({ closeNeedsAcceptance: true }),
    /** A missed deadline is reported, once, to these people or groups: by severity key, `"*"` for the rest (a clock's `reportMissTo` wins). */
    misses: z.strictObject({ reportTo: z.record(z.string(), z.array(id)).default({}) }).default({ reportTo: {} }),
    room: z
      .strictObject({
        nameTemplate: z.string().default("inc-{number}-{slug}"),
        archiveOnClose: z.boolean().default(false),
        mode: z.enum(["channel", "thread"]).default("channel"),
        /**
         * When the group channel rooms are opened in is full (a platform may cap
         * the channels per group): `overflow` opens the room in a further group
         * made for it, `thread` opens it as a thread in the incident channel.
         */
        whenFull: z.enum(["overflow", "thread"]).default("overflow"),
      })
      .default({ nameTemplate: "inc-{number}-{slug}", archiveOnClose: false, mode: "channel", whenFull: "overflow" }),
    delivery: z
      .strictObject({ retries: z.array(durationText).default(["10s", "1m", "5m", "15m"]) })
      .default({ retries: ["10s", "1m", "5m", "15m"] }),
    /** A timer fired later than this after its due time is marked late on the timeline (Beacon was down or behind). */
    timers: z.strictObject({ lateAfter: durationText.default("2m") }).default({ lateAfter: "2m" }),
    targets: targetsSchema.optional(),
    /** Alerts in: sources that may post to `POST /hooks/<source>`, and the rules that map labels to incidents. */
    alerts: alertsSchema.default({ sources: {}, rules: [], stormWindow: "10m" }),
    /** Events out: each webhook gets the events it names, signed with its secret, through the outbox. */
    webhooks: z.array(webhookSchema).default([]),
  })
  .superRefine((p, ctx) => {
    for (const problem of referenceProblems(p)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  });

export type Policy = z.infer<typeof policySchema>;
export type ClockPolicy = z.infer<typeof clockSchema>;
export type ClockDurationPolicy = z.infer<typeof durationSchema>;

export interface PolicyProblem {
  path: Array<string | number>;
  message: string;
}

type Loose = Record<string, any>;
const entries = (v: unknown): Array<[string, Loose]> => (v && typeof v === "object" && !Array.isArray(v) ? Object.entries(v as Loose) : []);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Names in the policy must point at things the policy defines; each problem
 * says where. Reads the document defensively, so it also runs on a policy
 * that has other faults: every problem is reported in one pass.
 */
export function referenceProblems(raw: unknown): PolicyProblem[] {
  const p = (raw && typeof raw === "object" ? raw : {}) as Loose;
  const out: PolicyProblem[] = [];
  const bad = (path: Array<string | number>, message: string) => out.push({ path, message });
  const people = new Set(entries(p.people).map(([k]) => k));
  const groups = new Set(entries(p.groups).map(([k]) => k));
  const severities = new Set(entries(p.severities).map(([k]) => k));
  const kinds = new Set(entries(p.kinds).map(([k]) => k));
  const rotations = new Set(entries(p.rotations).map(([k]) => k));
  const known = (t: unknown) => typeof t === "string" && (people.has(t) || groups.has(t));
  /** Paging steps and a kind's additions may also name a rotation. */
  const pageable = (t: unknown) => known(t) || (typeof t === "string" && rotations.has(t));
  for (const [gid, group] of entries(p.groups)) {
    list(group?.members).forEach((m, i) => {
      if (typeof m === "string" && !people.has(m)) bad(["groups", gid, "members", i], `unknown person "${m}"`);
    });
  }
  for (const [rid, rotation] of entries(p.rotations)) {
    if (people.has(rid) || groups.has(rid)) bad(["rotations", rid], `"${rid}" is already a person or group id`);
    list(rotation?.layers).forEach((layer, i) => {
      list((layer as Loose | undefined)?.members).forEach((m, j) => {
        if (typeof m === "string" && !people.has(m)) bad(["rotations", rid, "layers", i, "members", j], `unknown person "${m}"`);
      });
    });
  }
  if (typeof p.leadership === "string" && !groups.has(p.leadership)) bad(["leadership"], `unknown group "${p.leadership}"`);
  if (typeof p.defaultKind === "string" && !kinds.has(p.defaultKind)) bad(["defaultKind"], `unknown kind "${p.defaultKind}"`);
  for (const [sid, sev] of entries(p.severities)) {
    list(sev?.paging).forEach((step, i) => {
      for (const field of ["page", "notify"] as const) {
        list((step as Loose | undefined)?.[field]).forEach((t, j) => {
          if (typeof t === "string" && !pageable(t))
            bad(["severities", sid, "paging", i, field, j], `unknown person, group or rotation "${t}"`);
        });
      }
    });
  }
  list(p.clocks).forEach((c, i) => {
    const clock = (c ?? {}) as Loose;
    list(clock.severities).forEach((s, j) => {
      if (typeof s === "string" && !severities.has(s)) bad(["clocks", i, "severities", j], `unknown severity "${s}"`);
    });
    list(clock.kinds).forEach((k, j) => {
      if (typeof k === "string" && !kinds.has(k)) bad(["clocks", i, "kinds", j], `unknown kind "${k}"`);
    });
    const d = clock.duration as Loose | undefined;
    if (d && typeof d === "object" && !("wall" in d || "working" in d || "workingDays" in d)) {
      for (const s of Object.keys(d)) if (!severities.has(s)) bad(["clocks", i, "duration", s], `unknown severity "${s}"`);
    }
  });
  for (const [kid, kind] of entries(p.kinds)) {
    if (typeof kind?.rehearses === "string" && !kinds.has(kind.rehearses))
      bad(["kinds", kid, "rehearses"], `unknown kind "${kind.rehearses}"`);
    for (const field of ["page", "notify"] as const) {
      list(kind?.paging?.[field]).forEach((t, j) => {
        if (typeof t === "string" && !pageable(t)) bad(["kinds", kid, "paging", field, j], `unknown person, group or rotation "${t}"`);
      });
    }
  }
  list(p.clocks).forEach((c, i) => {
    list((c as Loose | undefined)?.reportMissTo).forEach((t, j) => {
      if (typeof t === "string" && !known(t)) bad(["clocks", i, "reportMissTo", j], `unknown person or group "${t}"`);
    });
  });
  for (const [sev, targets] of entries(p.misses?.reportTo)) {
    if (sev !== "*" && !severities.has(sev)) bad(["misses", "reportTo", sev], `unknown severity "${sev}"`);
    list(targets).forEach((t, j) => {
      if (typeof t === "string" && !known(t)) bad(["misses", "reportTo", sev, j], `unknown person or group "${t}"`);
    });
  }
  (Array.isArray(p.alerts?.rules) ? (p.alerts.rules as Loose[]) : []).forEach((rule, i) => {
    if (typeof rule?.severity === "string" && !severities.has(rule.severity))
      bad(["alerts", "rules", i, "severity"], `unknown severity "${rule.severity}"`);
    if (typeof rule?.kind === "string" && !kinds.has(rule.kind)) bad(["alerts", "rules", i, "kind"], `unknown kind "${rule.kind}"`);
  });
  const clockKeys = new Set(list(p.clocks).map((c) => (c as Loose | undefined)?.key));
  for (const [key] of entries(p.targets?.clocks)) if (!clockKeys.has(key)) bad(["targets", "clocks", key], `unknown clock "${key}"`);
  for (const [measure, m] of entries(p.targets?.medianMinutes)) {
    for (const [sev] of entries(m)) if (!severities.has(sev)) bad(["targets", "medianMinutes", measure, sev], `unknown severity "${sev}"`);
  }
  for (const [perm, allowed] of entries(p.permissions)) {
    list(allowed).forEach((t, j) => {
      if (typeof t === "string" && t !== "everyone" && !known(t)) bad(["permissions", perm, j], `unknown person or group "${t}"`);
    });
  }
  return out;
}
