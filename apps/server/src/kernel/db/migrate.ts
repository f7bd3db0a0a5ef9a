// Forward-only plain SQL migrations from db/migrations (NNNN_name.sql). All pending migrations
// run in ONE transaction: if any fails, the database is left exactly as it was before start-up.
// On server PostgreSQL an advisory lock keeps two starting servers from migrating at once.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.ts';
import type { Database } from './database.ts';

export const defaultMigrationsDir = fileURLToPath(new URL('../../../../../db/migrations', import.meta.url));

const MIGRATION_LOCK_KEY = 715_002_001; // arbitrary constant shared by every Acompaña process

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string = defaultMigrationsDir): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const migrations = files.map((file) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new Error(`Migration file name must look like 0001_name.sql: ${file}`);
    const sql = readFileSync(join(dir, file), 'utf8');
    return {
      version: Number(match[1]),
      name: file.replace(/\.sql$/, ''),
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    };
  });
  // Numbers only increase (slices developed in parallel reserve theirs, so a gap may exist for a
  // while); each migration is applied by its own number, whatever the order they arrive in.
  migrations.forEach((m, i) => {
    if (m.version < 1 || (i > 0 && m.version <= (migrations[i - 1] as Migration).version))
      throw new Error(`Migrations must be numbered 1, 2, 3… in increasing order: ${m.version}_${m.name}`);
  });
  return migrations;
}

export interface MigrationReport {
  applied: string[];
  current: number;
}

export async function migrate(db: Database, dir: string = defaultMigrationsDir): Promise<MigrationReport> {
  const migrations = readMigrations(dir);
  return db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.rows.find((row) => row.version === m.version);
      if (previous) {
        // A migration that already ran must never change: the database would not match the code.
        if (previous.checksum !== m.checksum) {
          throw new AppError('database.migration_changed', { params: { migration: m.name } });
        }
        continue;
      }
      try {
        await tx.exec(m.sql);
      } catch (error) {
        throw new AppError('database.migration_failed', {
          params: { migration: m.name, reason: (error as Error).message },
          cause: error,
        });
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      applied.push(m.name);
    }
    const newest = done.rows.at(-1)?.version ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (newest > latest) {
      throw new AppError('database.newer_than_code', { params: { version: String(newest) } });
    }
    return { applied, current: Math.max(newest, latest) };
  });
}
