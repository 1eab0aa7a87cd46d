import { readFileSync } from "node:fs";
import { parseDuration } from "../../src/core/calendar/duration.js";
import { parseWhen } from "../../src/core/commands/when.js";
import { isUserError } from "../../src/core/errors.js";
import { formatLocal } from "../../src/core/calendar/zoned.js";
import { findPerson } from "../../src/core/policy/directory.js";
import { dispatch, failureReply } from "../../src/app/dispatch.js";
import { isIncidentNumber } from "../../src/core/commands/read.js";
import { printable } from "../../src/core/text.js";
import { describeUserError } from "../../src/core/commands/usage.js";
import type { AppDeps } from "../../src/app/deps.js";
import type { SettableClock } from "../../src/ports/clock.js";
import type { SteppedScheduler } from "../../src/ports/scheduler.js";
import { renderMentions } from "./render.js";

export const CONSOLE_HELP = [
  "Console workspace: type slash commands as a user would in chat.",
  "  /incident help                 the incident commands",
  "  /as <person>                   act as another person of the policy (e.g. /as lee)",
  "  /room #<number> | /room leave  enter an incident's room (commands there imply it)",
  "  /advance <30m|2h|1d>           move the simulated clock; due reminders and escalations fire",
  "  /clock <2026-11-27 17:30>      set the simulated clock (any time before the first incident, then forward only)",
  "  /now                           show the simulated time",
  "  /hook <source> <file.json>     post an alert body to POST /hooks/<source>, as its sender would (e.g. Alertmanager)",
  "  /quit                          leave",
];

/** Post a body to `POST /hooks/<source>` with the source's credentials; the HTTP answer. */
export type PostAlert = (source: string, body: string) => Promise<{ status: number; body: string }>;

/** One console session: who is typing, in which room, and the simulated clock. */
export class ConsoleWorkspace {
  private requests = 0;
  room?: string;

  constructor(
    private readonly deps: AppDeps,
    private readonly clock: SettableClock,
    private readonly scheduler: SteppedScheduler,
    private readonly out: (line: string) => void,
    public user: string,
    private readonly postAlert?: PostAlert,
  ) {}

  get prompt(): string {
    return `${this.user}${this.room ? `@#${this.room}` : ""}> `;
  }

  /** Handle one typed line. Returns false when the user asked to quit. */
  async handle(line: string): Promise<boolean> {
    const text = line.trim();
    if (!text) return true;
    if (text.startsWith("#")) {
      this.out(text);
      return true;
    }
    const [word = "", ...rest] = text.split(/\s+/);
    const arg = rest.join(" ");
    try {
      switch (word.toLowerCase()) {
        case "/quit":
        case "/exit":
          return false;
        case "/help":
          CONSOLE_HELP.forEach((l) => this.out(l));
          return true;
        case "/as":
          return this.switchUser(arg);
        case "/room":
          return await this.enterRoom(arg);
        case "/advance":
        case "/wait":
          await this.advanceTo(new Date(this.clock.now().getTime() + parseDuration(arg) * 60_000));
          this.out(`  ⏱ ${this.time()}`);
          return true;
        case "/clock":
          await this.setClock(parseWhen(arg, this.clock.now(), this.deps.policy.calendar.timeZone));
          this.out(`  ⏱ ${this.time()}`);
          return true;
        case "/hook":
          await this.hook(rest);
          return true;
        case "/now":
          this.out(`  ⏱ ${this.time()}`);
          return true;
      }
      const command = text.replace(/^\/?incident\b\s*/i, "");
      if (command === text && word.startsWith("/")) {
        this.out(`  ↳ Unknown console command ${word}. Try /help.`);
        return true;
      }
      await this.run(command);
    } catch (e) {
      // An error in one line never ends the workspace (nor the HTTP and chat sides sharing its process).
      if (isUserError(e)) this.out(`  ↳ ${describeUserError(this.deps.policy, e)}`);
      else this.out(`  ↳ ${failureReply(this.deps, e).text}`);
    }
    return true;
  }

  private async run(command: string): Promise<void> {
    const person = this.deps.policy.people[this.user];
    const reply = await dispatch(this.deps, {
      actor: {
        platform: "console",
        userId: person?.ids.console ?? this.user,
        name: person?.name ?? this.user,
        personId: person ? this.user : undefined,
      },
      text: command,
      channelId: this.room,
      requestKey: `console:${this.clock.now().getTime()}:${++this.requests}`,
    });
    for (const l of renderMentions(this.deps.policy, reply.text).split("\n")) this.out(`  ↳ ${l}`);
    await this.scheduler.idle();
    if (reply.incidentId && !this.room) {
      const incident = await this.deps.store.get(reply.incidentId);
      if (incident?.room && /^(declare|drill)\b/i.test(command)) this.room = incident.room.channelId;
    }
  }

  /** A file's body posted as the source would post it; what it declares or records follows from the ledger at once. */
  private async hook([source, file, ...extra]: string[]): Promise<void> {
    if (!this.postAlert || !source || !file || extra.length) {
      this.out("  ↳ Usage: /hook <source> <file.json> (a source of the policy's alerts, a file path from where Beacon runs).");
      return;
    }
    let body: string;
    try {
      body = readFileSync(file, "utf8");
    } catch {
      this.out(`  ↳ Cannot read ${printable(file)}.`);
      return;
    }
    const answer = await this.postAlert(source.toLowerCase(), body);
    this.out(`  ↳ POST /hooks/${printable(source.toLowerCase())} → ${answer.status} ${printable(answer.body)}`);
    await this.scheduler.idle();
  }

  private switchUser(name: string): boolean {
    const id = findPerson(this.deps.policy, name);
    if (!id) this.out(`  ↳ Unknown person "${name}". People: ${Object.keys(this.deps.policy.people).join(", ")}`);
    else {
      this.user = id;
      this.out(`  ↳ You are now ${this.deps.policy.people[id]!.name}.`);
    }
    return true;
  }

  private async enterRoom(arg: string): Promise<boolean> {
    if (arg === "leave" || !arg) {
      this.room = undefined;
      return true;
    }
    const digits = /^(?:#|inc-?)?(\d{1,20})$/i.exec(arg.trim())?.[1];
    const number = digits ? Number(digits) : NaN;
    const incident = isIncidentNumber(number) ? await this.deps.store.getByNumber(number) : null;
    if (!incident) this.out(`  ↳ No incident ${digits ? `#${digits}` : printable(arg)}.`);
    else if (!incident.room) this.out(`  ↳ No room for ${arg}.`);
    else this.room = incident.room.channelId;
    return true;
  }

  /**
   * `/clock`: before anything has happened (no incident, no timer) the clock
   * may be set to any instant, so a script fixes its own story's date; after
   * that it only moves forward, firing what falls due on the way.
   */
  private async setClock(target: Date): Promise<void> {
    if (target < this.clock.now() && !this.scheduler.nextDue() && (await this.deps.store.list({ limit: 1 })).length === 0) {
      this.clock.set(target);
      return;
    }
    await this.advanceTo(target);
  }

  /** Move the clock forward, stopping at each due timer so it fires at its own time. */
  private async advanceTo(target: Date): Promise<void> {
    if (target < this.clock.now()) {
      this.out("  ↳ The clock only moves forward.");
      return;
    }
    for (let next = this.scheduler.nextDue(); next && next <= target; next = this.scheduler.nextDue()) {
      if (next > this.clock.now()) this.clock.set(next);
      await this.scheduler.idle();
    }
    this.clock.set(target);
    await this.scheduler.idle();
  }

  private time(): string {
    return formatLocal(this.clock.now(), this.deps.policy.calendar.timeZone, this.deps.policy.locale);
  }
}
