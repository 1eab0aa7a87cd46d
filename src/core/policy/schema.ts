import { z } from "zod";
import { targetsSchema } from "./targets.js";

// The policy file: a team's emergency plan as data. Every figure the bot uses
// (severities, who is paged, deadlines, calendar) comes from here; the built-in
// default (default-policy.ts) encodes the plans digested in shared/domain.md.

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "a time like 09:00");
const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-10-01");
const durationText = z.string().regex(/^(\d+(\.\d+)?[dhms])+$/, 'a duration like "30m", "2h", "1h30m"');
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "lower-case letters, digits, - and _");
const localized = z.object({ en: z.string().min(1), zh: z.string().min(1) });

const span = z.object({ from: hhmm, to: hhmm }).refine((s) => s.from < s.to, "`to` must be after `from`");

export const calendarSchema = z.object({
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "an IANA time zone like Asia/Shanghai"),
  week: z.partialRecord(z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), z.array(span)),
  holidays: z.array(dateKey).default([]),
  workdays: z.array(dateKey).default([]),
  makeUpHours: z.array(span).optional(),
});

export const personSchema = z.object({
  name: z.string().min(1),
  console: z.string().min(1).optional(),
  slack: z.string().optional(),
  discord: z.string().optional(),
});

export const groupSchema = z.object({
  name: localized,
  members: z.array(id),
  /** Slack user group or Discord role that stands for this group on the platform, if any. */
  slack: z.string().optional(),
  discord: z.string().optional(),
});

const target = id; // a group id or a person id

export const pagingStepSchema = z.object({
  page: z.array(target).min(1),
  notify: z.array(target).default([]),
  wait: durationText.default("15m"),
});

export const severitySchema = z.object({
  level: z.number().int().min(1),
  name: localized,
  description: localized.optional(),
  paging: z.array(pagingStepSchema).min(1),
});

const durationSchema = z.union([
  z.object({ wall: durationText, clampToHours: z.boolean().default(false) }),
  z.object({ working: durationText, outsideHours: z.enum(["count_from_opening", "next_opening"]).default("count_from_opening") }),
  z.object({ workingDays: z.number().int().min(0) }),
]);

export const clockSchema = z.object({
  key: id,
  name: localized,
  /** One duration for every severity, or one per severity key. */
  duration: z.union([durationSchema, z.record(z.string(), durationSchema)]),
  severities: z.array(z.string()).optional(),
  kinds: z.array(z.string()).optional(),
  /** Applies only when the incident was declared with this on-site option. */
  onsite: z.enum(["local", "remote"]).optional(),
  /** Applies only when the incident carries a compensation claim. */
  claim: z.boolean().optional(),
  stopOn: z.enum(["acknowledge", "customer_update", "resolve", "done"]),
  reminders: z
    .object({
      at: z.array(z.number().gt(0).lt(1)).default([0.5, 0.8]),
      overdueEvery: durationText.optional(),
      maxOverdue: z.number().int().min(0).default(3),
    })
    .default({ at: [0.5, 0.8], maxOverdue: 3 }),
  escalateOnMiss: z.boolean().default(false),
  /** Tracked and reported, but no reminders are posted (contact-centre figures). */
  silent: z.boolean().default(false),
});

export const kindSchema = z.object({ name: localized, drill: z.boolean().default(false) });

const everyone = z.literal("everyone");
const allowList = z.array(z.union([everyone, id])).min(1);

export const policySchema = z
  .object({
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
    permissions: z
      .object({
        declare: allowList.default(["everyone"]),
        severity: allowList.default(["everyone"]),
        resolve: allowList.default(["everyone"]),
        close: allowList.default(["everyone"]),
      })
      .default({ declare: ["everyone"], severity: ["everyone"], resolve: ["everyone"], close: ["everyone"] }),
    room: z
      .object({
        nameTemplate: z.string().default("inc-{number}-{slug}"),
        archiveOnClose: z.boolean().default(false),
        mode: z.enum(["channel", "thread"]).default("channel"),
      })
      .default({ nameTemplate: "inc-{number}-{slug}", archiveOnClose: false, mode: "channel" }),
    delivery: z
      .object({ retries: z.array(durationText).default(["10s", "1m", "5m", "15m"]) })
      .default({ retries: ["10s", "1m", "5m", "15m"] }),
    /** A timer fired later than this after its due time is marked late on the timeline (Beacon was down or behind). */
    timers: z.object({ lateAfter: durationText.default("2m") }).default({ lateAfter: "2m" }),
    targets: targetsSchema.optional(),
  })
  .superRefine(checkReferences);

export type Policy = z.infer<typeof policySchema>;
export type ClockPolicy = z.infer<typeof clockSchema>;
export type ClockDurationPolicy = z.infer<typeof durationSchema>;

/** Names in the policy must point at things the policy defines; the message says where. */
function checkReferences(p: z.output<z.ZodObject<any>>, ctx: z.RefinementCtx): void {
  const policy = p as Policy;
  const known = (t: string) => t in policy.people || t in policy.groups;
  const bad = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  for (const [gid, group] of Object.entries(policy.groups)) {
    group.members.forEach((m, i) => {
      if (!(m in policy.people)) bad(["groups", gid, "members", i], `unknown person "${m}"`);
    });
  }
  if (!(policy.leadership in policy.groups)) bad(["leadership"], `unknown group "${policy.leadership}"`);
  if (!(policy.defaultKind in policy.kinds)) bad(["defaultKind"], `unknown kind "${policy.defaultKind}"`);
  for (const [sid, sev] of Object.entries(policy.severities)) {
    sev.paging.forEach((step, i) => {
      for (const field of ["page", "notify"] as const) {
        step[field].forEach((t, j) => {
          if (!known(t)) bad(["severities", sid, "paging", i, field, j], `unknown person or group "${t}"`);
        });
      }
    });
  }
  policy.clocks.forEach((clock, i) => {
    clock.severities?.forEach((s, j) => {
      if (!(s in policy.severities)) bad(["clocks", i, "severities", j], `unknown severity "${s}"`);
    });
    clock.kinds?.forEach((k, j) => {
      if (!(k in policy.kinds)) bad(["clocks", i, "kinds", j], `unknown kind "${k}"`);
    });
    if (!("wall" in clock.duration || "working" in clock.duration || "workingDays" in clock.duration)) {
      for (const s of Object.keys(clock.duration)) {
        if (!(s in policy.severities)) bad(["clocks", i, "duration", s], `unknown severity "${s}"`);
      }
    }
  });
  for (const [perm, list] of Object.entries(policy.permissions)) {
    list.forEach((t, j) => {
      if (t !== "everyone" && !known(t)) bad(["permissions", perm, j], `unknown person or group "${t}"`);
    });
  }
}
