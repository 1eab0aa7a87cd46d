/**
 * Discord channel names: lower case, no spaces, letters of any script (a
 * Chinese title stays), at most 100 characters (counted here in UTF-16 units,
 * the stricter reading, and never cutting a character in half).
 */
export function discordChannelName(name: string, suffix = ""): string {
  const clean =
    name
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^-+|-+$/g, "") || "incident";
  let base = "";
  for (const c of clean) {
    if (base.length + c.length > 100 - suffix.length) break;
    base += c;
  }
  return `${base.replace(/-+$/, "")}${suffix}`;
}
