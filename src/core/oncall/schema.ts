import { z } from "zod";
import { dateKey, id, localized, timeZone } from "../policy/primitives.js";

// On-call rotations as policy data, and the overrides people add by command.

const handoffTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time like 09:00");

/** How long one person's shift lasts: a day or a week of wall-clock time, or a number of hours or days. */
export const shiftSchema = z.union([
  z.enum(["daily", "weekly"]),
  z.strictObject({
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 28),
  }),
  z.strictObject({ days: z.number().int().min(1).max(366) }),
]);

export const layerSchema = z.strictObject({
  /** Person ids, in the order they take their shifts. */
  members: z.array(id).min(1),
  shift: shiftSchema.default("weekly"),
  /** The wall-clock time in the rotation's zone when one shift hands over to the next. */
  handoff: handoffTime.default("09:00"),
  /** The first member's first shift starts at the handoff time on this day; before it the layer covers nobody. */
  start: dateKey,
  /** Only within the business calendar's working hours (holidays and make-up days included), only outside them, or always. */
  hours: z.enum(["always", "working", "outside"]).default("always"),
});

export const rotationSchema = z.strictObject({
  name: localized,
  /** The zone of the handoff times (default: the calendar's). */
  timeZone: timeZone.optional(),
  /** A later layer covers an earlier one wherever both apply (a working-hours layer over a 24/7 one). */
  layers: z.array(layerSchema).min(1),
});

export type LayerPolicy = z.infer<typeof layerSchema>;
export type RotationPolicy = z.infer<typeof rotationSchema>;

const iso = z.iso.datetime({ offset: true });

/** Someone covers a rotation from `from` until `to`, whatever the layers say (the latest override wins). */
export const overrideSchema = z.strictObject({
  id: z.string().min(1),
  rotation: z.string(),
  personId: z.string(),
  from: iso,
  to: iso,
  /** The person whose shift this covers, when it is one half of a swap. */
  replaces: z.string().optional(),
  /** Person id (or the actor's name) who added it. */
  createdBy: z.string(),
  createdAt: iso,
});
export type RotationOverride = z.infer<typeof overrideSchema>;
