import { GatewayIntentBits, PermissionFlagsBits } from "discord.js";

// What Beacon asks of a Discord server, each with the call that needs it, so
// docs/discord.md, the invite URL and the client agree (a test keeps the docs
// true). https://discord.com/developers/docs/topics/permissions
// https://discord.com/developers/docs/events/gateway#gateway-intents

/** Gateway intents: only what Beacon receives. Interactions arrive without any intent. */
export const INTENTS = [
  GatewayIntentBits.Guilds, // channels and threads in the cache, CHANNEL_PINS_UPDATE (pins captured on the timeline)
  GatewayIntentBits.GuildMessageReactions, // MESSAGE_REACTION_ADD (📌 captured on the timeline)
] as const;

/** Bot permissions, each with the REST calls that need it. `archive` only with room.archiveOnClose in channel mode. */
export const PERMISSIONS: ReadonlyArray<{ name: string; bit: bigint; why: string; only?: "archive" }> = [
  { name: "View Channel", bit: PermissionFlagsBits.ViewChannel, why: "see the incident channels, their reactions and pins" },
  { name: "Manage Channels", bit: PermissionFlagsBits.ManageChannels, why: "create incident channels, overflow categories and forum tags" },
  { name: "Send Messages", bit: PermissionFlagsBits.SendMessages, why: "post cards, reminders and summaries; create forum posts" },
  {
    name: "Send Messages in Threads",
    bit: PermissionFlagsBits.SendMessagesInThreads,
    why: "post in incident threads and add people to them",
  },
  { name: "Create Public Threads", bit: PermissionFlagsBits.CreatePublicThreads, why: "open incident threads (room.mode thread)" },
  { name: "Manage Threads", bit: PermissionFlagsBits.ManageThreads, why: "archive and lock a closed incident's thread, set a post's tags" },
  { name: "Embed Links", bit: PermissionFlagsBits.EmbedLinks, why: "show the card and summary embeds" },
  { name: "Read Message History", bit: PermissionFlagsBits.ReadMessageHistory, why: "read a 📌 or pinned message for the timeline" },
  { name: "Pin Messages", bit: PermissionFlagsBits.PinMessages, why: "pin the card in its room" },
  { name: "Manage Roles", bit: PermissionFlagsBits.ManageRoles, why: "make a closed incident's channel read-only", only: "archive" },
];

export function permissionsInteger(o: { archive: boolean }): string {
  return String(PERMISSIONS.filter((p) => !p.only || o.archive).reduce((n, p) => n | p.bit, 0n));
}

/** The URL that adds Beacon to a server with exactly these permissions. */
export function inviteUrl(applicationId: string, o: { archive: boolean }): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot+applications.commands&permissions=${permissionsInteger(o)}`;
}
