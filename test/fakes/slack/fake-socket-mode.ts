import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";

// Slack's Socket Mode side (https://api.slack.com/apis/connections/socket):
// apps.connections.open hands out a wss URL; on connect Slack sends `hello`,
// then envelopes {envelope_id, type, payload, accepts_response_payload}, each
// of which the app acknowledges with {envelope_id[, payload]}. Slack pings;
// the app answers pongs (the ws library does). Closing follows the WebSocket
// close handshake.

export interface Envelope {
  envelope_id: string;
  type: "slash_commands" | "interactive" | "events_api";
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
}

export class FakeSocketMode {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly acks: Array<{ envelope_id: string; payload?: unknown; at: number }> = [];
  private sockets = new Set<WebSocket>();
  private connectedWaiters: Array<() => void> = [];
  private n = 0;

  constructor() {
    this.wss.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("message", (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (msg.envelope_id) this.acks.push({ envelope_id: msg.envelope_id, payload: msg.payload, at: Date.now() });
      });
      socket.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "fake-socket", build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: "A1" },
        }),
      );
      const ping = setInterval(() => socket.ping(), 5000);
      ping.unref();
      socket.on("close", () => clearInterval(ping));
      this.connectedWaiters.splice(0).forEach((w) => w());
    });
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req));
  }

  connected(): Promise<void> {
    return this.sockets.size ? Promise.resolve() : new Promise((r) => this.connectedWaiters.push(r));
  }

  /** Send an envelope and resolve with the app's acknowledgement. */
  async send(type: Envelope["type"], payload: Record<string, unknown>): Promise<{ envelope_id: string; payload?: unknown; ms: number }> {
    const envelope: Envelope = { envelope_id: `env-${++this.n}`, type, payload, accepts_response_payload: type !== "events_api" };
    const t0 = Date.now();
    const socket = [...this.sockets][0];
    if (!socket) throw new Error("no Socket Mode connection");
    socket.send(JSON.stringify({ ...envelope, retry_attempt: 0, retry_reason: "" }));
    for (;;) {
      const ack = this.acks.find((a) => a.envelope_id === envelope.envelope_id);
      if (ack) return { ...ack, ms: ack.at - t0 };
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  get connections(): number {
    return this.sockets.size;
  }
}
