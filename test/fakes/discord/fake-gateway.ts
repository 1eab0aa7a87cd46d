import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";

// Discord's gateway (https://discord.com/developers/docs/events/gateway),
// JSON encoding: HELLO (op 10) → IDENTIFY (op 2) → READY then one
// GUILD_CREATE per guild (op 0 dispatches with a sequence number); heartbeats
// (op 1) are answered with op 11. Tests push further dispatches
// (INTERACTION_CREATE, MESSAGE_REACTION_ADD, CHANNEL_PINS_UPDATE).

export interface GatewayWorld {
  /** The bot token Discord accepts now (a reset changes it). */
  token(): string;
  /** Where the client resumes (this same fake). */
  url(): string;
  botUser: Record<string, unknown>;
  applicationId: string;
  guilds(): Array<Record<string, unknown>>;
}

export class FakeGateway {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly identifies: Array<Record<string, unknown>> = [];
  heartbeats = 0;
  /** RESUME (op 6) attempts, and whether each was accepted. */
  readonly resumes: Array<{ accepted: boolean }> = [];
  private socket?: WebSocket;
  private seq = 0;
  private session = 0;
  private readyWaiters: Array<() => void> = [];

  constructor(private readonly world: GatewayWorld) {
    this.wss.on("connection", (socket) => this.connected(socket));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req));
  }

  private send(socket: WebSocket, payload: { op: number; d: unknown; s?: number | null; t?: string | null }): void {
    socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  private connected(socket: WebSocket): void {
    this.send(socket, { op: 10, d: { heartbeat_interval: 41250 } });
    socket.on("message", (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (msg.op === 1) {
        this.heartbeats++;
        this.send(socket, { op: 11, d: null });
      } else if (msg.op === 6) {
        // A resume with a token that is no longer valid (reset in the Developer Portal) is refused like an identify.
        const accepted = msg.d.token === this.world.token() && msg.d.session_id === `fake-session-${this.session}`;
        this.resumes.push({ accepted });
        if (!accepted) return socket.close(4004, "Authentication failed.");
        this.socket = socket;
        this.send(socket, { op: 0, t: "RESUMED", s: ++this.seq, d: null });
      } else if (msg.op === 2) {
        if (msg.d.token !== this.world.token()) return socket.close(4004, "Authentication failed.");
        this.identifies.push(msg.d);
        this.socket = socket;
        this.session++;
        const guilds = this.world.guilds();
        this.dispatch("READY", {
          v: 10,
          user: this.world.botUser,
          guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
          session_id: `fake-session-${this.session}`,
          resume_gateway_url: this.world.url(),
          shard: [0, 1],
          application: { id: this.world.applicationId, flags: 0 },
        });
        for (const g of guilds) this.dispatch("GUILD_CREATE", g);
        this.readyWaiters.splice(0).forEach((w) => w());
      }
    });
  }

  /** An op 0 dispatch to the connected client. */
  dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error("no identified gateway connection");
    this.send(this.socket, { op: 0, t, s: ++this.seq, d });
  }

  ready(): Promise<void> {
    return this.socket ? Promise.resolve() : new Promise((r) => this.readyWaiters.push(r));
  }

  /**
   * Close the connection with a gateway close code, as Discord does: 4000
   * (unknown error, resumable), 4004 (authentication failed), 4010–4014
   * (invalid shard, sharding required, invalid API version, invalid or
   * disallowed intents: not resumable).
   */
  closeWith(code: number, reason: string): void {
    for (const c of this.wss.clients) c.close(code, reason);
  }

  close(): void {
    for (const c of this.wss.clients) c.terminate();
  }
}
