import { z } from "zod";
import type { Environment } from "../../src/app/platform-module.js";
import { PlatformSettingsError } from "../../src/app/platform-module.js";

// Slack's settings, read from the environment by this adapter alone.

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const settingsSchema = z.object({
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  /** Redirects the Web API (and Socket Mode's handshake): tests, proxies. */
  SLACK_API_URL: optionalText,
  /** Quick retries inside the Slack client (429s, 5xx); after them the delivery outbox retries. */
  SLACK_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
});

export type SlackSettings = z.infer<typeof settingsSchema>;

/** The environment variables Slack reads (deploy recipes are checked against them). */
export const slackSettingNames = Object.keys(settingsSchema.shape);

export function slackSettings(env: Environment): SlackSettings {
  const parsed = settingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new PlatformSettingsError(
    `Invalid Slack settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
  );
}
