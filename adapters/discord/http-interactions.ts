import { createPublicKey, verify, type KeyObject } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { REST } from "discord.js";
import type { AppDeps } from "../../src/app/deps.js";
import type { InFlight } from "../../src/app/in-flight.js";
import type { Route } from "../../src/ports/platform.js";
import { INTERACTION, interactionSchema, RESPONSE } from "./interaction-payload.js";
import { editOriginal, interactionHandler } from "./interactions.js";

// Discord's HTTP interactions: with an Interactions Endpoint URL set in the
// Developer Portal, Discord POSTs each interaction to Beacon instead of sending
// it over the gateway, signed with Ed25519 (X-Signature-Ed25519 over
// X-Signature-Timestamp + body, with the application's public key). A bad
// signature is answered 401 (Discord checks this when the URL is saved); PING
// is answered PONG; the HTTP response is the first answer (deferred, a form,
// autocomplete choices) and the rest goes over the webhook REST route.
// https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint

export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";
/** Discord waits 3 seconds for the first answer. */
const FIRST_ANSWER_MS = 2500;
const MAX_BODY = 1 << 20;

/** The application's public key (64 hex characters, General Information → Public Key) as a key node:crypto verifies with. */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error("DISCORD_PUBLIC_KEY must be the application's public key: 64 hex characters");
  const spki = Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), Buffer.from(hex, "hex")]);
  return createPublicKey({ key: spki, format: "der", type: "spki" });
}

export function verifiedBody(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer): boolean {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp, "utf8"), body]), key, Buffer.from(signature, "hex"));
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

export function interactionsRoute(o: { deps: AppDeps; work: InFlight; rest: REST; publicKey: KeyObject }): Route {
  const handle = interactionHandler(o.deps, o.work);
  return async (req, res, url) => {
    if (url.pathname !== DISCORD_INTERACTIONS_PATH) return false;
    if (req.method !== "POST") return (send(res, 405), true);
    const body = await readBody(req);
    if (!body) return (send(res, 413), true);
    const header = (name: string) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : undefined);
    if (!verifiedBody(o.publicKey, header("x-signature-ed25519"), header("x-signature-timestamp"), body)) {
      send(res, 401, { error: "invalid request signature" });
      return true;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      return (send(res, 400, { error: "not JSON" }), true);
    }
    const parsed = interactionSchema.safeParse(json);
    if (!parsed.success) return (send(res, 400, { error: "not an interaction" }), true);
    const i = parsed.data;
    if (i.type === INTERACTION.PING) return (send(res, 200, { type: RESPONSE.PONG }), true);
    let answered = false;
    // An edit must not reach Discord before the first answer did.
    const sent = new Promise<void>((resolve) => res.once("close", resolve));
    const edit = editOriginal(o.rest, i);
    const first = new Promise<{ type: number; data?: unknown } | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), FIRST_ANSWER_MS);
      void handle(i, {
        first: async (response) => {
          answered = true;
          clearTimeout(timer);
          resolve(response);
        },
        edit: async (b) => {
          await sent;
          await edit(b);
        },
      }).then(() => {
        if (!answered) {
          clearTimeout(timer);
          resolve(undefined);
        }
      });
    });
    const response = await first;
    if (response) send(res, 200, response);
    else send(res, 400, { error: "no answer for this interaction" });
    return true;
  };
}
