// Migrations: the same SQL on both databases, with the extensions search relies on, and a failed
// migration leaving the database exactly as it was.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOnBothDatabases } from '../../testing/on-both-databases.ts';
import { migrate, readMigrations } from './migrate.ts';

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'acompana-migrations-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describeOnBothDatabases('database migrations', (h) => {
  it('makes pg_trgm, unaccent and fuzzystrmatch available', async () => {
    const { rows } = await h().ctx.db.query<{ u: string; s: number; m: string; l: number }>(
      "SELECT unaccent('Hernández Núñez') AS u, similarity('garcia', 'garsia') AS s, dmetaphone('Xicará') AS m, levenshtein('Kevin', 'Kebin') AS l",
    );
    assert.deepEqual({ ...rows[0], s: Number(rows[0]?.s) > 0.2 }, { u: 'Hernandez Nunez', s: true, m: 'SKR', l: 1 });
  });

  it('does nothing when run again', async () => {
    const report = await migrate(h().ctx.db);
    assert.deepEqual(report.applied, []);
  });

  it('rolls back every pending migration when one fails', async () => {
    const real = readMigrations();
    const files: Record<string, string> = {};
    for (const m of real) files[`${m.name}.sql`] = m.sql;
    const last = real.at(-1)?.version ?? 0;
    const next = String(last + 1).padStart(4, '0');
    const after = String(last + 2).padStart(4, '0');
    files[`${next}_good.sql`] = 'CREATE TABLE migration_probe (id int);';
    files[`${after}_bad.sql`] = 'ALTER TABLE migration_probe ADD COLUMN x nonexistent_type;';
    const testDir = migrationsDir(files);
    await assert.rejects(migrate(h().ctx.db, testDir), (error: { code: string; params: { migration: string } }) => {
      assert.equal(error.code, 'database.migration_failed');
      assert.equal(error.params.migration, `${after}_bad`);
      return true;
    });
    const { rows } = await h().ctx.db.query(
      "SELECT 1 FROM information_schema.tables WHERE table_name = 'migration_probe'",
    );
    assert.equal(rows.length, 0, 'the good migration before the bad one must be rolled back too');
    const versions = await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM schema_migrations');
    assert.equal(Number(versions.rows[0]?.n), real.length);
    rmSync(testDir, { recursive: true });
  });

  it('refuses to run when an applied migration was edited', async () => {
    const files: Record<string, string> = {};
    for (const m of readMigrations()) files[`${m.name}.sql`] = `${m.sql}\n-- edited`;
    const dir = migrationsDir(files);
    await assert.rejects(migrate(h().ctx.db, dir), { code: 'database.migration_changed' });
    rmSync(dir, { recursive: true });
  });
});
