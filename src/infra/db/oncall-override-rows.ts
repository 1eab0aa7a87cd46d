import { overrideSchema, type RotationOverride } from "../../core/oncall/schema.js";

// On-call overrides as rows of `oncall_override` and back.

type OverrideRecord = {
  id: string;
  rotation: string;
  personId: string;
  fromAt: Date;
  toAt: Date;
  replaces: string | null;
  createdBy: string;
  createdAt: Date;
};

export function toOverride(r: OverrideRecord): RotationOverride {
  return overrideSchema.parse({
    id: r.id,
    rotation: r.rotation,
    personId: r.personId,
    from: r.fromAt.toISOString(),
    to: r.toAt.toISOString(),
    ...(r.replaces ? { replaces: r.replaces } : {}),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  });
}

export function overrideData(o: RotationOverride): OverrideRecord {
  return {
    id: o.id,
    rotation: o.rotation,
    personId: o.personId,
    fromAt: new Date(o.from),
    toAt: new Date(o.to),
    replaces: o.replaces ?? null,
    createdBy: o.createdBy,
    createdAt: new Date(o.createdAt),
  };
}
