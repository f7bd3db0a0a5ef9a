// Embedded PostgreSQL (PGlite, compiled to WASM) with the extensions Acompaña relies on.
import { join } from 'node:path';
import { makePrivateDir, privatiseTree, usePrivateUmask } from './private-dir.ts';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import type { Database, Queryable, QueryResult } from './database.ts';

export interface PgliteDatabase extends Database {
  dump(): Promise<Blob>;
}
import { Mutex } from './mutex.ts';
import { asTransactionBody, assertOutsideTransaction } from './transaction-guard.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';

// Dates stay 'YYYY-MM-DD' strings on both databases: a JS Date would shift them by time zone.
const parsers = { [types.DATE]: (value: string) => value };

function wrap(conn: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await conn.query<Row>(sql, params as unknown[]);
      // PGlite reports affectedRows = 0 for a SELECT; like pg, count the rows of statements that return some.
      return {
        rows: result.rows,
        rowCount: result.fields.length > 0 ? result.rows.length : (result.affectedRows ?? 0),
      };
    },
    async exec(sql: string): Promise<void> {
      await conn.exec(sql);
    },
  };
}

export interface PgliteOptions {
  dataDir?: string;
  purpose?: string;
  /** Start an in-memory database from a dump (tests start from a migrated template). */
  loadDataDir?: Blob;
}

export async function openPgliteDatabase(options: PgliteOptions): Promise<PgliteDatabase> {
  let lock: DataDirLock | undefined;
  let location: string | undefined;
  if (options.dataDir) {
    // Only the server's user may read the data directory (decision 0128).
    makePrivateDir(options.dataDir);
    usePrivateUmask();
    lock = lockDataDir(options.dataDir, options.purpose ?? 'server');
    location = join(options.dataDir, 'pgdata');
  }
  let pg: PGlite;
  try {
    pg = new PGlite({
      ...(location ? { dataDir: location } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm, unaccent, fuzzystrmatch },
      parsers,
    });
    await pg.waitReady;
    // Installations made before files were private: fix what is already there.
    if (options.dataDir) privatiseTree(options.dataDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const mutex = new Mutex();
  const direct = wrap(pg);
  return {
    kind: 'pglite',
    query: (sql, params) => {
      assertOutsideTransaction('query');
      return mutex.run(() => direct.query(sql, params));
    },
    exec: (sql) => {
      assertOutsideTransaction('exec');
      return mutex.run(() => direct.exec(sql));
    },
    transaction: (fn) => {
      assertOutsideTransaction('transaction');
      return mutex.run(() => pg.transaction((tx) => asTransactionBody(() => fn(wrap(tx)))));
    },
    /** A tarball of the whole database (used for test templates and embedded backups). */
    dump: () => mutex.run(() => pg.dumpDataDir('none')),
    async close() {
      await mutex.run(() => pg.close());
      lock?.release();
    },
  };
}
