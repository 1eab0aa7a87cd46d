import { parseArgs } from "node:util";

export const MODES = ["console", "serve", "web", "worker"] as const;
export type Mode = (typeof MODES)[number];
export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];

export interface Cli {
  mode: Mode;
  help: boolean;
  script?: string;
  locale?: Locale;
  data?: string;
  policy?: string;
}

export const USAGE = `Usage: beacon [options]

Modes (--mode):
  console   the console workspace: type commands as chat users would (default in a terminal)
  serve     one process: HTTP, Slack and Discord on the embedded database and
            in-process timers, until stopped (default without a terminal)
  web       production: chat receivers, reviewer pages, /metrics (PostgreSQL + Redis)
  worker    production: fires reminders, escalations and deliveries (PostgreSQL + Redis)

Options:
  --mode <mode>       one of the modes above
  --serve             the same as --mode serve
  --script <file>     run a console script on a throw-away database and a simulated clock, then exit
  --locale <en|zh>    answer in English or Chinese, whatever the policy says
  --data <dir>        the embedded database's directory (default $BEACON_DATA_DIR/pglite)
  --policy <file>     the policy file (default $BEACON_POLICY, else config/default-policy.yml)
  -h, --help          this text

Settings come from the environment: see the README's Configuration and Deploy sections.`;

/** A command line Beacon cannot run: one line naming what would work. */
export class UsageError extends Error {
  readonly code = "CLI.USAGE";
}

const oneOf = (values: readonly string[]) => values.slice(0, -1).join(", ") + " or " + values.at(-1);

/**
 * Read the command line. Without --mode, a terminal on stdin means the
 * console workspace and no terminal (a service manager, a PaaS, a container)
 * means serve: a process nobody types into must not read an empty stdin and exit.
 */
export function parseCli(argv: string[], stdinIsTerminal: boolean): Cli {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        mode: { type: "string" },
        serve: { type: "boolean" },
        script: { type: "string" },
        locale: { type: "string" },
        data: { type: "string" },
        policy: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    throw new UsageError(`${usageProblem(e as Error & { code?: string })} (beacon --help lists the options)`);
  }
  const mode = values.mode as string | undefined;
  if (mode !== undefined && !(MODES as readonly string[]).includes(mode))
    throw new UsageError(`unknown mode "${mode}": use ${oneOf(MODES)}`);
  const locale = values.locale as string | undefined;
  if (locale !== undefined && !(LOCALES as readonly string[]).includes(locale)) {
    throw new UsageError(`unsupported locale "${locale}": use ${oneOf(LOCALES)}`);
  }
  if (values.serve && mode && mode !== "serve") throw new UsageError(`--serve and --mode ${mode} contradict each other`);
  const script = values.script as string | undefined;
  if (script !== undefined && mode && mode !== "console")
    throw new UsageError(`--script runs the console; it cannot be combined with --mode ${mode}`);
  const chosen: Mode =
    (mode as Mode | undefined) ?? (values.serve ? "serve" : script !== undefined || stdinIsTerminal ? "console" : "serve");
  return {
    mode: chosen,
    help: !!values.help,
    script,
    locale: locale as Locale | undefined,
    data: values.data as string | undefined,
    policy: values.policy as string | undefined,
  };
}

function usageProblem(e: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1];
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option ?? ""}`.trim();
  if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `unexpected argument ${/'([^']+)'/.exec(e.message)?.[1] ?? ""}`.trim();
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return `${option ?? "an option"} ${/does not take/.test(e.message) ? "takes no value" : "needs a value"}`;
  return e.message.split("\n")[0]!;
}
