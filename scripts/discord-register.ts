// `npm run discord:register`: register (or update) /incident for the policy in
// DISCORD_GUILD_ID, or globally without it. Beacon also does this on start.
import { REST } from "discord.js";
import { inviteUrl } from "../adapters/discord/permissions.js";
import { ensureCommands } from "../adapters/discord/register.js";
import { discordSettings } from "../adapters/discord/settings.js";
import { loadConfig } from "../src/config.js";
import { DEFAULT_POLICY_PATH, loadPolicyFile } from "../src/infra/policy-file.js";

const beacon = loadConfig();
const config = discordSettings(beacon.env);
if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
  process.stderr.write("beacon: discord:register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID\n");
  process.exit(1);
}
const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
const policy = loadPolicyFile(beacon.BEACON_POLICY ?? DEFAULT_POLICY_PATH, beacon.BEACON_LOCALE);
const wrote = await ensureCommands(rest, policy, config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID);
process.stdout.write(
  wrote
    ? `/incident registered ${config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID}` : "globally"}\n`
    : "/incident already up to date\n",
);
process.stdout.write(
  `Add Beacon to a server: ${inviteUrl(config.DISCORD_APPLICATION_ID, { archive: policy.room.archiveOnClose && policy.room.mode !== "thread" })}\n`,
);
