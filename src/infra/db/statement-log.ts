import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/** Told of every statement sent to the database: its SQL (BEGIN, COMMIT and ROLLBACK included). */
export type StatementListener = (sql: string) => void;

/**
 * A driver adapter that reports every statement Prisma sends through it, so a
 * test can count the round trips a use-case costs (a count is deterministic,
 * a time is not) and a bench can show where they go.
 */
export function loggingAdapter(factory: SqlDriverAdapterFactory, onStatement: StatementListener): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await factory.connect();
      return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
        queryRaw: (q: SqlQuery) => (onStatement(q.sql), adapter.queryRaw(q)),
        executeRaw: (q: SqlQuery) => (onStatement(q.sql), adapter.executeRaw(q)),
        executeScript: (script: string) => (onStatement(script), adapter.executeScript(script)),
        startTransaction: async (level?: Parameters<SqlDriverAdapter["startTransaction"]>[0]) => {
          onStatement("BEGIN");
          return loggingTransaction(await adapter.startTransaction(level), onStatement);
        },
        dispose: () => adapter.dispose(),
      });
    },
  };
}

/** The adapter opens a transaction with its own BEGIN; Prisma ends it with a COMMIT or ROLLBACK sent as a statement. */
function loggingTransaction(tx: Transaction, onStatement: StatementListener): Transaction {
  return Object.assign(Object.create(tx) as Transaction, {
    queryRaw: (q: SqlQuery) => (onStatement(q.sql), tx.queryRaw(q)),
    executeRaw: (q: SqlQuery) => (onStatement(q.sql), tx.executeRaw(q)),
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
  });
}
