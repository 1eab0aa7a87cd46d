import { z } from "zod";

// An interaction as Discord sends it, over the gateway (INTERACTION_CREATE) or
// to an HTTP endpoint (the same JSON): only the fields Beacon reads.
// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object

export const INTERACTION = { PING: 1, COMMAND: 2, COMPONENT: 3, AUTOCOMPLETE: 4, MODAL_SUBMIT: 5 } as const;
export const RESPONSE = { PONG: 1, DEFERRED: 5, CHOICES: 8, MODAL: 9 } as const;
export const EPHEMERAL = 1 << 6;

const userSchema = z.object({ id: z.string(), username: z.string(), global_name: z.string().nullish() });

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOption[];
}
const optionSchema: z.ZodType<CommandOption> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(optionSchema).optional(),
  }),
);

interface Component {
  type: number;
  custom_id?: string;
  value?: string;
  components?: Component[];
  component?: Component;
}
const componentSchema: z.ZodType<Component> = z.lazy(() =>
  z.object({
    type: z.number(),
    custom_id: z.string().optional(),
    value: z.string().optional(),
    components: z.array(componentSchema).optional(),
    component: componentSchema.optional(),
  }),
);

export const interactionSchema = z.object({
  id: z.string(),
  application_id: z.string(),
  type: z.number(),
  token: z.string(),
  channel_id: z.string().optional(),
  member: z.object({ user: userSchema }).optional(),
  user: userSchema.optional(),
  data: z
    .object({
      name: z.string().optional(),
      custom_id: z.string().optional(),
      options: z.array(optionSchema).optional(),
      components: z.array(componentSchema).optional(),
    })
    .optional(),
});
export type InteractionPayload = z.infer<typeof interactionSchema>;

/** Who clicked or typed: the member's user in a server, the user in a DM. */
export function userOf(i: InteractionPayload): z.infer<typeof userSchema> {
  const user = i.member?.user ?? i.user;
  if (!user) throw new Error(`interaction ${i.id} names no user`);
  return user;
}

/** A modal's text inputs by custom id, in action rows or in labels (Discord's newer modal layout). */
export function modalValues(i: InteractionPayload): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (c: Component) => {
    if (c.custom_id && typeof c.value === "string") out[c.custom_id] = c.value;
    for (const child of c.components ?? []) visit(child);
    if (c.component) visit(c.component);
  };
  for (const c of i.data?.components ?? []) visit(c);
  return out;
}

/** The invoked subcommand: its group (if any), name and options. */
export function subcommandOf(i: InteractionPayload): { group: string | null; name: string; options: CommandOption[] } | undefined {
  const top = i.data?.options?.[0];
  if (!top) return undefined;
  if (top.type === 2) {
    const sub = top.options?.[0];
    return sub ? { group: top.name, name: sub.name, options: sub.options ?? [] } : undefined;
  }
  return { group: null, name: top.name, options: top.options ?? [] };
}
