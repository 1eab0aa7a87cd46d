import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PgliteHost } from "./pglite-host.js";

/**
 * `pglite-prisma-adapter` 0.7.2 with its `executeScript` defect mended: the
 * original does not await `exec`, so a failing script resolves as if it had
 * worked and its error escapes as an unhandled rejection. Here the script is
 * awaited and its error rejects. (The package is also typed against an older
 * driver-adapter-utils; the casts are confined to this file.) The client is
 * PGlite on this thread or in its own, which answers the calls the adapter
 * makes (`query`, `exec`, `transaction`) as PGlite would.
 */
export function pgliteAdapter(client: PgliteHost): SqlDriverAdapterFactory {
  const inner = new PrismaPGlite(client as never) as unknown as SqlDriverAdapterFactory;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await inner.connect();
      adapter.executeScript = async (script: string) => {
        await client.exec(script);
      };
      return adapter;
    },
  };
}
