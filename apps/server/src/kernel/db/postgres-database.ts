// Server PostgreSQL through a node-postgres pool.
import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.ts';
import { asTransactionBody, assertOutsideTransaction } from './transaction-guard.ts';

const INT8_OID = 20;
const DATE_OID = 1082;

// Same value shapes as PGlite: counts and sequence numbers as numbers (they stay far below
// 2^53 here), dates as 'YYYY-MM-DD' strings.
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => Number(value);
    if (oid === DATE_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
};

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await client.query({ text: sql, values: params as unknown[], types: typeParsers });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export async function openPostgresDatabase(
  connectionString: string,
  maxConnections = 10,
  options: { probe?: boolean } = {},
): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: maxConnections, types: typeParsers });
  // An idle connection cut by the server (restart, failover) must not crash the process: the
  // pool drops it and opens a new one on the next query.
  pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  // Fail at start-up with a clear error rather than on the first request (a read replica is
  // optional: the server starts without it and reads from the primary).
  if (options.probe !== false) {
    const probe = await pool.connect();
    probe.release();
  }
  const direct = wrap(pool);
  return {
    kind: 'postgres',
    query: (sql, params) => {
      assertOutsideTransaction('query');
      return direct.query(sql, params);
    },
    exec: (sql) => {
      assertOutsideTransaction('exec');
      return direct.exec(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      assertOutsideTransaction('transaction');
      const client = await pool.connect();
      // A connection whose ROLLBACK failed is in an unknown state (still inside the transaction,
      // or cut): it is destroyed instead of going back to the pool for the next request.
      let broken: Error | undefined;
      // A connection cut while checked out emits 'error' on the client, which the pool does not
      // listen to then: unheard, it would crash the process.
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await asTransactionBody(() => fn(wrap(client)));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
