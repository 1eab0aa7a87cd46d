import type { PlatformIdentity } from "../../src/ports/platform.js";

/** In the console workspace a person is typed by name: `ids.console`, or their policy id when none is given. */
export const consoleIdentity: PlatformIdentity = {
  name: "console",
  checkUserId: (id) => (/^\S+$/.test(id) ? undefined : "one word, the name typed after /as"),
  checkGroupId: () => "nothing: the console has no groups",
};
