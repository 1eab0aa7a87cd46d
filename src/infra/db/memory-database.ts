import { discardTemplate, memoryTemplate } from "./pglite-template.js";
import { PgliteThread } from "./pglite-thread.js";

let early: Promise<PgliteThread> | undefined;

/**
 * Start opening a throw-away database now, in its own thread, while the rest
 * of Beacon loads (script mode calls this first: opening is most of its
 * start). The next `openMemory` takes it. Until then it does not keep the
 * process alive.
 */
export function openMemoryEarly(): void {
  early ??= openMemoryThread();
  early.then(
    (t) => t.keepAlive(false),
    () => undefined, // openMemory tries again, and reports what fails then
  );
}

/** A throw-away database: the one opened early if any, else a new one. */
export async function openMemory(): Promise<PgliteThread> {
  const started = early;
  early = undefined;
  const thread = await started?.catch(() => undefined);
  if (thread) {
    thread.keepAlive(true);
    return thread;
  }
  return openMemoryThread();
}

/** From the migrated template when one can be kept (no initdb), else made from nothing. */
async function openMemoryThread(): Promise<PgliteThread> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const template = await memoryTemplate().catch(() => undefined);
    if (!template) break;
    const db = await PgliteThread.open({ load: template }).catch(() => undefined);
    if (db && (await migrated(db))) return db;
    await db?.close();
    // Damaged, or from another PGlite (which starts an empty database instead): made again.
    discardTemplate(template);
  }
  return PgliteThread.open();
}

const migrated = async (db: PgliteThread) =>
  (await db.query<{ t: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS t")).rows[0]?.t != null;
