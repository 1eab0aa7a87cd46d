import { clearLine, createInterface, cursorTo } from "node:readline";
import { readFileSync } from "node:fs";
import type { AppDeps } from "../../src/app/deps.js";
import type { SettableClock } from "../../src/ports/clock.js";
import type { SteppedScheduler } from "../../src/ports/scheduler.js";
import { printable } from "../../src/core/text.js";
import { ConsoleWorkspace, type PostAlert } from "./console-workspace.js";

export interface ConsoleRun {
  deps: AppDeps;
  clock: SettableClock;
  scheduler: SteppedScheduler;
  out: (line: string) => void;
  /** The person typing at start: the service desk's first member. */
  user: string;
  /** `/hook`: alerts posted through the HTTP route handler. */
  postAlert?: PostAlert;
}

/** Run a script of console lines (demo and tests), echoing each line as it is typed. */
export async function runScript(run: ConsoleRun, lines: string[]): Promise<void> {
  const ws = new ConsoleWorkspace(run.deps, run.clock, run.scheduler, run.out, run.user, run.postAlert);
  for (const line of lines) {
    if (line.trim() && !line.trim().startsWith("#")) run.out(`${ws.prompt}${printable(line.trim())}`);
    if (!(await ws.handle(line))) break;
  }
}

export function readScript(path: string): string[] {
  return readFileSync(path, "utf8").split(/\r?\n/);
}

export interface InteractiveOptions {
  /** Hands over a printer that writes a line above the prompt (log lines), and takes it back (undefined) on quit. */
  logsAbove?: (print: ((line: string) => void) | undefined) => void;
}

/** The interactive workspace on a terminal. Resolves when the user quits (/quit, Ctrl-C, Ctrl-D). */
export async function runInteractive(run: ConsoleRun, opts: InteractiveOptions = {}): Promise<void> {
  const ws = new ConsoleWorkspace(run.deps, run.clock, run.scheduler, run.out, run.user, run.postAlert);
  run.out("Beacon console workspace. Type /help for console commands, /incident help for incident commands.");
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: ws.prompt });
  // A log line written while the prompt waits would land inside what the user is typing: clear the prompt, print, redraw it.
  opts.logsAbove?.((line) => {
    clearLine(process.stdout, 0);
    cursorTo(process.stdout, 0);
    process.stdout.write(line.endsWith("\n") ? line : line + "\n");
    rl.prompt(true);
  });
  rl.on("SIGINT", () => rl.close());
  rl.prompt();
  let queue = Promise.resolve(true);
  await new Promise<void>((done) => {
    rl.on("line", (line) => {
      queue = queue.then(async (go) => {
        if (!go) return false;
        // handle() answers every error itself; this is the last guard that keeps the prompt alive.
        const more = await ws.handle(line).catch((e: unknown) => {
          run.out(`  ↳ ${(e as Error).message ?? String(e)}`);
          return true;
        });
        if (!more) rl.close();
        else {
          rl.setPrompt(ws.prompt);
          rl.prompt();
        }
        return more;
      });
    });
    rl.on("close", () => void queue.then(() => done()));
  });
  opts.logsAbove?.(undefined);
}
