import { parseCommand } from "../core/commands/parse.js";
import { describeUserError } from "../core/commands/usage.js";
import { verbNamed, type Command } from "../core/commands/verbs.js";
import { isUserError } from "../core/errors.js";
import { messages } from "../core/i18n/index.js";
import { personByPlatformId } from "../core/policy/directory.js";
import type { Policy } from "../core/policy/schema.js";
import { neutraliseBidi, plainText } from "../core/text.js";
import { StoreUnavailableError } from "../ports/incident-store.js";
import { noMetrics, type CommandOutcome } from "../ports/metrics.js";
import { acknowledgePage } from "./acknowledge-page.js";
import type { AppDeps, Inbound, Reply } from "./deps.js";
import { HANDLERS } from "./handlers.js";
import { requirePermission } from "./permissions.js";

/**
 * The one entry point for typed commands from every platform. User errors
 * become one short line plus the usage that would have worked; anything else
 * is logged with a reference the user can quote, and nothing half-done stays
 * (each change commits in one transaction).
 */
export async function dispatch(deps: AppDeps, raw: Inbound): Promise<Reply> {
  let verb = "unparsed";
  try {
    const cmd = parseCommand(raw.text);
    verb = cmd.name;
    return counted(deps, verb, await execute(deps, withPerson(deps.policy, raw), cmd));
  } catch (e) {
    return counted(deps, verb, failureReply(deps, e), e);
  }
}

/**
 * A command that arrives already structured (a form submission, typed
 * options, a card button): the same use-cases as a typed command, without the text parser.
 */
export async function dispatchCommand(deps: AppDeps, raw: Inbound, cmd: Command): Promise<Reply> {
  try {
    return counted(deps, cmd.name, await execute(deps, withPerson(deps.policy, raw), cmd));
  } catch (e) {
    return counted(deps, cmd.name, failureReply(deps, e), e);
  }
}

async function execute(deps: AppDeps, inbound: Inbound, cmd: Command): Promise<Reply> {
  const permission = verbNamed(cmd.name)?.permission;
  if (permission) requirePermission(deps.policy, inbound.actor, permission);
  const handler = HANDLERS[cmd.name] as (deps: AppDeps, inbound: Inbound, cmd: Command) => Promise<Reply>;
  return handler(deps, inbound, cmd);
}

/** A button click on a page: acknowledge that page. */
export async function dispatchAck(deps: AppDeps, raw: Omit<Inbound, "text">, incidentId: string, pageId?: string): Promise<Reply> {
  try {
    return counted(deps, "ack", await acknowledgePage(deps, withPerson(deps.policy, { ...raw, text: "" }).actor, incidentId, pageId));
  } catch (e) {
    return counted(deps, "ack", failureReply(deps, e), e);
  }
}

/** Report a command's outcome to the operators' metrics (the reply is unchanged). */
function counted(deps: AppDeps, verb: string, reply: Reply, thrown?: unknown): Reply {
  const outcome: CommandOutcome =
    thrown === undefined || isUserError(thrown)
      ? reply.error
        ? "rejected"
        : "ok"
      : thrown instanceof StoreUnavailableError
        ? "unavailable"
        : "failed";
  (deps.metrics ?? noMetrics).command(verb, outcome);
  return { ...reply, text: neutraliseBidi(reply.text) };
}

export function failureReply(deps: AppDeps, e: unknown): Reply {
  if (isUserError(e)) return { text: describeUserError(deps.policy, e), ephemeral: true, error: true };
  if (e instanceof StoreUnavailableError) {
    deps.log.warn("database unavailable; command not done", { reason: e.reason });
    return { text: messages(deps.policy.locale).reply.storeUnavailable, ephemeral: true, error: true };
  }
  const ref = deps.newId().slice(0, 8);
  deps.log.error("command failed", { ref, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  return { text: messages(deps.policy.locale).reply.internalError(ref), ephemeral: true, error: true };
}

/** Attach the policy person behind a platform user, so permissions and pages can be checked. */
export function withPerson(policy: Policy, inbound: Inbound): Inbound {
  if (inbound.actor.personId) return inbound;
  const personId = personByPlatformId(policy, inbound.actor.platform, inbound.actor.userId);
  // A platform's display name is kept as plain text: no control characters, no bidirectional overrides.
  const name = personId ? policy.people[personId]!.name : plainText(inbound.actor.name);
  return { ...inbound, actor: { ...inbound.actor, ...(personId ? { personId } : {}), name } };
}
