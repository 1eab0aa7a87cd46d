import { formatLocal } from "../core/calendar/zoned.js";
import type { CommandFor } from "../core/commands/verbs.js";
import { messages } from "../core/i18n/index.js";
import { findPerson, personName } from "../core/policy/directory.js";
import { replyTo, type AppDeps, type Reply } from "./deps.js";

// `/incident access …`: who can read the reviewer pages, and ending it.
// Removing a person from the policy also ends their access (checked on every
// request); these verbs are for the cases in between.

export async function accessList(deps: AppDeps): Promise<Reply> {
  const t = messages(deps.policy.locale);
  if (!deps.grants || !deps.links) return replyTo(t.reply.accessOff);
  const when = (d: Date | null) => (d ? formatLocal(d, deps.policy.calendar.timeZone, deps.policy.locale) : "-");
  const live = await deps.grants.list(deps.clock.now());
  if (!live.length) return replyTo(t.reply.accessNone);
  return replyTo(
    live
      .map((g) =>
        g.kind === "session"
          ? t.reply.accessSession(`${personName(deps.policy, g.subject)} (${g.subject})`, when(g.createdAt), when(g.expiresAt))
          : t.reply.accessApiToken(g.subject, g.scope, when(g.createdAt)),
      )
      .join("\n"),
  );
}

export async function accessRevoke(deps: AppDeps, cmd: CommandFor<"access_revoke">): Promise<Reply> {
  const t = messages(deps.policy.locale);
  if (!deps.grants || !deps.links) return replyTo(t.reply.accessOff);
  // A person by id, name or platform identity; else a token's name as typed.
  const subject = findPerson(deps.policy, cmd.who) ?? cmd.who;
  const n = await deps.grants.revoke(subject, deps.clock.now());
  return replyTo(t.reply.accessRevoked(subject in deps.policy.people ? personName(deps.policy, subject) : subject, n));
}

export async function accessToken(deps: AppDeps, cmd: CommandFor<"access_token">): Promise<Reply> {
  const t = messages(deps.policy.locale);
  if (!deps.grants || !deps.links) return replyTo(t.reply.accessOff);
  const scope = cmd.figures ? "figures" : "all";
  const token = await deps.links.token(cmd.token, scope);
  return { ...replyTo(t.reply.accessTokenMade(cmd.token, scope, token)), personal: true };
}
