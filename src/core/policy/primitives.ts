import { z } from "zod";

// The small value formats a policy is written in, shared by its sections.

export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "a time like 09:00");
export const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-10-01");
export const durationText = z.string().regex(/^(\d+(\.\d+)?[dhms])+$/, 'a duration like "30m", "2h", "1h30m"');
export const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "lower-case letters, digits, - and _");
export const localized = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });
export const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "an IANA time zone like Asia/Shanghai");
