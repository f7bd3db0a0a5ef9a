// Test databases. Every integration test runs on both databases Acompaña supports: an in-memory
// PGlite and a fresh database on the PostgreSQL server named by ACOMPANA_TEST_PG_URL (default
// postgres://postgres@127.0.0.1:5432/postgres). When that variable is set, PostgreSQL is
// required (CI); when it is not and no server answers, PostgreSQL tests are skipped loudly.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, readMigrations } from '../kernel/db/migrate.ts';
import type { Database } from '../kernel/db/database.ts';
import { openPgliteDatabase } from '../kernel/db/pglite-database.ts';
import { openPostgresDatabase } from '../kernel/db/postgres-database.ts';

export type DatabaseKind = 'pglite' | 'postgres';

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function adminUrl(): string {
  return process.env.ACOMPANA_TEST_PG_URL || DEFAULT_PG_URL;
}

let postgresAvailable: Promise<boolean> | undefined;

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.ACOMPANA_TEST_PG_URL) {
      throw new Error(`ACOMPANA_TEST_PG_URL is set but PostgreSQL does not answer: ${(error as Error).message}`);
    }
    console.warn(`# PostgreSQL not reachable at ${DEFAULT_PG_URL}: PostgreSQL variants of the tests are SKIPPED`);
    return false;
  }
}

/** The database kinds to run on (ACOMPANA_TEST_DB=pglite|postgres narrows it). */
export async function testDatabaseKinds(): Promise<DatabaseKind[]> {
  const only = process.env.ACOMPANA_TEST_DB;
  const kinds: DatabaseKind[] = only === 'pglite' || only === 'postgres' ? [only] : ['pglite', 'postgres'];
  if (!kinds.includes('postgres')) return kinds;
  postgresAvailable ??= probePostgres();
  return (await postgresAvailable) ? kinds : kinds.filter((k) => k !== 'postgres');
}

export interface TestDatabase {
  db: Database;
  /** Set for PostgreSQL: the URL of this test's own database. */
  url?: string;
  drop(): Promise<void>;
}

/** Creates a fresh, empty PostgreSQL database and returns its URL. */
export async function createPostgresTestDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `acompana_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A migrated, empty PGlite database as a tarball, cached in the temp directory per migration set:
 * starting from it takes ~1.5 s instead of ~5 s for a fresh initdb in every test file.
 */
async function pgliteTemplate(): Promise<Blob> {
  const fingerprint = createHash('sha256')
    // Names too, not only contents: a renamed migration must not reuse a template that records the old name.
    .update(
      readMigrations()
        .map((m) => `${m.version}:${m.name}:${m.checksum}`)
        .join(','),
    )
    .digest('hex')
    .slice(0, 16);
  const path = join(tmpdir(), `acompana-pglite-template-${fingerprint}.tar`);
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const db = await openPgliteDatabase({});
  await migrate(db);
  const dump = await db.dump();
  await db.close();
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path); // atomic: parallel test processes never read half a template
  return dump;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPgliteDatabase({ loadDataDir: await pgliteTemplate() });
    return { db, drop: () => db.close() };
  }
  const created = await createPostgresTestDatabaseUrl();
  const db = await openPostgresDatabase(created.url, 4);
  return {
    db,
    url: created.url,
    drop: async () => {
      await db.close();
      await created.drop();
    },
  };
}
