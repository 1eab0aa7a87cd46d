import type { PgliteHost } from "./pglite-host.js";
import { PgliteLocal } from "./pglite-local.js";
import { PgliteThread } from "./pglite-thread.js";
import type { PgliteWorkerData } from "./pglite-wire.js";

/** Open the embedded database in its own thread (`thread`) or on this one. */
export function openPgliteHost(data: PgliteWorkerData, thread: boolean): Promise<PgliteHost> {
  return thread ? PgliteThread.open(data) : PgliteLocal.open(data);
}
