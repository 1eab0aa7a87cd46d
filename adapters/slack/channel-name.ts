// Slack channel names: lowercase letters, digits, hyphens and underscores,
// at most 80 characters (https://api.slack.com/methods/conversations.create).

const MAX = 80;

export function channelName(name: string, suffix = ""): string {
  const clean = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  const base = (clean || "incident").slice(0, MAX - suffix.length).replace(/-+$/, "");
  return `${base}${suffix}`;
}
