import { NamedMutex } from "../named-mutex.js";
import type { PrismaClient } from "./generated/client.js";

/** The first key of Beacon's advisory locks (the second is the name's hash), so they do not meet another application's. */
const LOCK_SPACE = 0x42454143; // "BEAC"
/** Waiting for the lock and the work under it: past this the transaction is rolled back and the caller told. */
const LOCK_HOLD_MS = 60_000;

/**
 * Named locks for every process on one database (`IncidentStore.exclusive`).
 * In this process, a queue per name (so waiters do not each hold a pooled
 * connection). On PostgreSQL the holder also takes a transaction-scoped
 * advisory lock, which other processes wait on and which the server releases
 * if the holder's connection dies; `work` runs on other pooled connections
 * meanwhile. PGlite is one process on one connection: the queue is enough.
 */
export class DatabaseLocks {
  private readonly queues = new NamedMutex();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly kind: "pglite" | "postgres",
  ) {}

  run<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (this.kind !== "postgres") return this.queues.run(name, work);
    return this.queues.run(name, async () => {
      let out: { value: T } | undefined;
      await this.prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(${name}))`;
          out = { value: await work() };
        },
        { maxWait: 10_000, timeout: LOCK_HOLD_MS },
      );
      return out!.value;
    });
  }
}
