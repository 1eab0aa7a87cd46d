import { z } from "zod";
import type { Environment } from "../../src/app/platform-module.js";
import { PlatformSettingsError } from "../../src/app/platform-module.js";

// Discord's settings, read from the environment by this adapter alone.

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const settingsSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  /** Redirects REST (and so the gateway URL): tests, proxies. */
  DISCORD_API_URL: optionalText,
  /** Category the per-incident text channels are created under (room.mode channel). */
  DISCORD_CATEGORY_ID: optionalText,
  /** Text or forum channel the per-incident threads are opened in (room.mode thread). */
  DISCORD_INCIDENT_CHANNEL_ID: optionalText,
  /**
   * How commands and buttons arrive: `gateway` (the bot's websocket; also
   * needed for 📌 capture) or `http` (Discord POSTs them to
   * BEACON_PUBLIC_URL + /discord/interactions, set as the Interactions Endpoint URL).
   */
  DISCORD_INTERACTIONS: z.enum(["gateway", "http"]).default("gateway"),
  /** The application's public key (General Information), which signs HTTP interactions. */
  DISCORD_PUBLIC_KEY: optionalText,
  /** REST retries inside discord.js (5xx, network); 429s are waited out by its rate limiter. */
  DISCORD_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
});

export type DiscordSettings = z.infer<typeof settingsSchema>;

/** The environment variables Discord reads (deploy recipes are checked against them). */
export const discordSettingNames = Object.keys(settingsSchema.shape);

export function discordSettings(env: Environment): DiscordSettings {
  const parsed = settingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new PlatformSettingsError(
    `Invalid Discord settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
  );
}
