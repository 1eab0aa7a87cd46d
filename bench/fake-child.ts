// The chat benches run a protocol fake, the driver that plays the platform's
// users and the stopwatch in a child process, so the bench process runs only
// Beacon (or only the bare baseline) and the fake does not share its event
// loop. Both sides talk over the IPC channel of `fork`: each can call the
// other's named handlers and await the answer.
import { fork, type ChildProcess } from "node:child_process";

/** Named handlers; arguments and results are plain JSON. */
type Api = Record<string, (args: any) => unknown>;

type Message =
  | { kind: "ready" }
  | { kind: "call"; id: number; op: string; args: unknown }
  | { kind: "answer"; id: number; ok: true; value: unknown }
  | { kind: "answer"; id: number; ok: false; error: string };

/** One end of the channel: `call` runs a handler on the other side; `handlers` answer the other side's calls. */
export class Peer<Remote extends Api> {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly send: (m: Message) => void,
    private readonly handlers: Api,
  ) {}

  call<K extends keyof Remote & string>(op: K, args: Parameters<Remote[K]>[0]): Promise<Awaited<ReturnType<Remote[K]>>> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ kind: "call", id, op, args });
    });
  }

  receive(m: Message): void {
    if (m.kind === "ready") return;
    if (m.kind === "answer") {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(m.error));
      return;
    }
    const handler = this.handlers[m.op];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no handler "${m.op}"`);
        return handler(m.args);
      })
      .then(
        (value: unknown) => this.send({ kind: "answer", id: m.id, ok: true, value }),
        (e: unknown) => this.send({ kind: "answer", id: m.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      );
  }

  /** The other side is gone: nothing pending will be answered. */
  fail(reason: string): void {
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }
}

/**
 * Fork `script` (TypeScript, run with tsx) and return the channel to it once
 * it is listening. `handlers` answer the calls the child makes back.
 */
export async function forkChild<Remote extends Api>(script: URL, handlers: Api = {}): Promise<Peer<Remote> & { close(): Promise<void> }> {
  // Only tsx's loader: the bench's own flags (a --cpu-prof, say) stay on Beacon's side.
  const child: ChildProcess = fork(script, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const peer = new Peer<Remote>((m) => void child.send(m), handlers);
  child.on("message", (m) => peer.receive(m as Message));
  const exited = new Promise<void>((r) =>
    child.once("exit", (code, signal) => {
      peer.fail(`fake child exited (${signal ?? code})`);
      r();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`fake child exited before it was ready (${code})`)));
  });
  return Object.assign(peer, {
    async close() {
      child.disconnect();
      await exited;
    },
  });
}

/** In the child: answer the parent's calls with `handlers`, and say so; exit when the parent leaves. */
export function serveParent<Parent extends Api>(handlers: Api): Peer<Parent> {
  if (!process.send) throw new Error("run this script with forkChild (it needs an IPC channel)");
  const send = process.send.bind(process);
  const peer = new Peer<Parent>((m) => void send(m), handlers);
  process.on("message", (m) => peer.receive(m as Message));
  process.once("disconnect", () => process.exit(0));
  send({ kind: "ready" });
  return peer;
}
