import { discardTemplate, memoryTemplate } from "./pglite-template.js";
import { openPgliteHost } from "./open-pglite-host.js";
import type { PgliteHost } from "./pglite-host.js";

let early: { thread: boolean; host: Promise<PgliteHost> } | undefined;

/**
 * Start opening a throw-away database now, while the rest of Beacon loads
 * (script mode calls this first: opening is most of its start). The next
 * `openMemory` asking for the same host (this thread or its own) takes it.
 * Until then it does not keep the process alive.
 */
export function openMemoryEarly(thread = false): void {
  early ??= { thread, host: openMemoryHost(thread) };
  early.host.then(
    (t) => t.keepAlive(false),
    () => undefined, // openMemory tries again, and reports what fails then
  );
}

/** A throw-away database: the one opened early if any, else a new one. */
export async function openMemory(thread = false): Promise<PgliteHost> {
  const started = early?.thread === thread ? early.host : undefined;
  if (early && !started) void early.host.then((h) => h.close()).catch(() => undefined); // opened for another host: not used
  early = undefined;
  const host = await started?.catch(() => undefined);
  if (host) {
    host.keepAlive(true);
    return host;
  }
  return openMemoryHost(thread);
}

/** From the migrated template when one can be kept (no initdb), else made from nothing. */
async function openMemoryHost(thread: boolean): Promise<PgliteHost> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const template = await memoryTemplate().catch(() => undefined);
    if (!template) break;
    const db = await openPgliteHost({ load: template }, thread).catch(() => undefined);
    if (db && (await migrated(db))) return db;
    await db?.close();
    // Damaged, or from another PGlite (which starts an empty database instead): made again.
    discardTemplate(template);
  }
  return openPgliteHost({}, thread);
}

const migrated = async (db: PgliteHost) =>
  (await db.query<{ t: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS t")).rows[0]?.t != null;
