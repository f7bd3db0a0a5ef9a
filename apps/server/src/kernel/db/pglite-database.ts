// Embedded PostgreSQL (PGlite, compiled to WASM) with the extensions Acompaña relies on.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import type { Database, Queryable, QueryResult } from './database.ts';
import { Mutex } from './mutex.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';

// Dates stay 'YYYY-MM-DD' strings on both databases: a JS Date would shift them by time zone.
const parsers = { [types.DATE]: (value: string) => value };

function wrap(conn: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await conn.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await conn.exec(sql);
    },
  };
}

export async function openPgliteDatabase(options: { dataDir?: string; purpose?: string }): Promise<Database> {
  let lock: DataDirLock | undefined;
  let location: string | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    lock = lockDataDir(options.dataDir, options.purpose ?? 'server');
    location = join(options.dataDir, 'pgdata');
  }
  let pg: PGlite;
  try {
    pg = new PGlite(location, { extensions: { pg_trgm, unaccent, fuzzystrmatch }, parsers });
    await pg.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const mutex = new Mutex();
  const direct = wrap(pg);
  return {
    kind: 'pglite',
    query: (sql, params) => mutex.run(() => direct.query(sql, params)),
    exec: (sql) => mutex.run(() => direct.exec(sql)),
    transaction: (fn) => mutex.run(() => pg.transaction((tx) => fn(wrap(tx)))),
    async close() {
      await mutex.run(() => pg.close());
      lock?.release();
    },
  };
}
