import { StoreUnavailableError } from "../../ports/incident-store.js";

// The shapes a lost PostgreSQL connection takes by the time it reaches us:
// node-postgres's own errors, socket errors, SQLSTATE class 08 and the
// shutdown codes, and Prisma's "can't reach / closed / pool timeout" codes.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const SHUTDOWN_STATES = new Set(["57P01", "57P02", "57P03"]);
const MESSAGES =
  /connection terminated|can't reach database server|server closed the connection|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

export function isConnectionError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 4) return false;
  if (e instanceof StoreUnavailableError) return true;
  const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SHUTDOWN_STATES.has(code) || code.startsWith("08")))
    return true;
  if (typeof message === "string" && MESSAGES.test(message)) return true;
  return isConnectionError(cause, depth + 1);
}

/**
 * Wrap a store so that every lost-connection failure surfaces as one typed
 * StoreUnavailableError, which the adapters turn into a clear answer instead
 * of an internal error. Other errors pass through untouched.
 */
export function translateConnectionErrors<T extends object>(target: T): T {
  const translate = (e: unknown) => {
    if (e instanceof StoreUnavailableError || !isConnectionError(e)) return e;
    const message = e instanceof Error ? (e.message.split("\n").filter(Boolean).at(-1) ?? e.message) : String(e);
    return new StoreUnavailableError(message);
  };
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        try {
          const out = (value as (...a: unknown[]) => unknown).apply(obj, args);
          return out instanceof Promise ? out.catch((e: unknown) => Promise.reject(translate(e))) : out;
        } catch (e) {
          throw translate(e);
        }
      };
    },
  });
}
