// One database transaction for the whole intake (decision 0150): the modules' services keep their
// own writes, checks and audit entries, but run on a database handle that is the intake's open
// transaction. A service's own `transaction()` becomes a savepoint inside it (rolled back alone on
// failure, as a transaction of its own would be), its reads see what the intake wrote so far, and
// its access records are appended in the same transaction. If anything fails — the third member's
// link, the household, the database itself — nothing of the intake remains.
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';

let savepoints = 0;

/** A Database whose statements all run in `tx`; nested transactions are savepoints of it. */
export function databaseInTransaction(outer: Database, tx: Queryable): Database {
  // Everything else a Database has (its kind, signals…) stays the outer handle's.
  const inner = Object.create(outer) as Database;
  Object.assign(inner, {
    query: (sql: string, params?: readonly unknown[]) => tx.query(sql, params),
    exec: (sql: string) => tx.exec(sql),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const name = `intake_step_${(savepoints += 1)}`;
      await tx.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(tx);
        await tx.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
    close: () => Promise.reject(new Error('the intake transaction is not closed by a service')),
  });
  return inner;
}

/** An audit writer whose entries of their own ("record") are appended in `tx` too. */
export function auditInTransaction(outer: AuditWriter, tx: Queryable): AuditWriter {
  return { append: (t, entry) => outer.append(t, entry), record: (entry) => outer.append(tx, entry) };
}
