// Backup and restore across both databases, in both directions: every row comes back exactly,
// the audit chain still verifies, a restored account logs in; a damaged file, a wrong key, a
// newer schema or a non-empty target are refused and leave the target exactly as it was.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type TestHarness } from '../testing/test-harness.ts';
import { testDatabaseKinds, type DatabaseKind } from '../testing/test-database.ts';
import { openRuntime } from '../bootstrap.ts';
import { buildApp } from '../app.ts';
import { parseMasterKey } from '../kernel/crypto/master-key.ts';
import { verifyAuditChain } from '../audit/audit-log.ts';
import { readMigrations } from '../kernel/db/migrate.ts';
import type { Database } from '../kernel/db/database.ts';
import { backupToFile } from './backup.ts';
import { restoreFromFile } from './restore.ts';
import { applicationTables, ident, qualified, setStableFormats } from './catalogue.ts';

const kinds = await testDatabaseKinds();
const directions: [DatabaseKind, DatabaseKind][] = kinds.includes('postgres')
  ? [
      ['pglite', 'postgres'],
      ['postgres', 'pglite'],
    ]
  : [['pglite', 'pglite']];

/** Every application table's rows as text, sorted: equal snapshots mean equal databases. */
export async function snapshot(db: Database): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await setStableFormats(tx);
    const out: Record<string, string[]> = {};
    for (const table of await applicationTables(tx)) {
      const cols = table.columns.map((c) => `${ident(c.name)}::text`).join(', ');
      const { rows } = await tx.query(`SELECT ${cols} FROM ${qualified(table.name)}`);
      out[table.name] = rows.map((r) => JSON.stringify(Object.values(r))).sort();
    }
    return out;
  });
}

// Tables a later migration might add: no primary key (pages by ctid), an identity column and its
// sequence, awkward values of many types, and enough incompressible bytes for many records.
const PROBE_TABLES = `
  CREATE TABLE backup_probe_keyed (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tag text, doubled bigint GENERATED ALWAYS AS (id * 2) STORED);
  CREATE TABLE backup_probe_heap (b bytea, n numeric, f float8, i interval, t timestamp, ts timestamptz[], j jsonb, txt text, d date)`;

async function populateProbes(h: TestHarness): Promise<void> {
  await h.ctx.db.exec(`
    INSERT INTO backup_probe_keyed (tag) SELECT 'fila ' || g FROM generate_series(1, 2300) g;
    DELETE FROM backup_probe_keyed WHERE id % 7 = 0;
    INSERT INTO backup_probe_heap (b, n, f) SELECT decode(md5(random()::text) || md5(random()::text) || md5(random()::text) || md5(random()::text), 'hex'), g / 3.0, random() FROM generate_series(1, 2500) g;
    INSERT INTO backup_probe_heap VALUES
      ('', 12345678901234567890.123456789, 'NaN', '1 mon 2 days 03:04:05.123456', 'infinity', ARRAY['2026-03-01 12:00:00.123456+02', NULL]::timestamptz[], '{"a": "\\u00e9 \\n", "b": [1e400, 0.1, -0]}', E'l\u00ednea\nnueva "comillas" \\\\ 🌵', '0001-01-01'),
      (NULL, NULL, '-Infinity', '-1 day', '2026-11-23 00:00:00', '{}', 'null', '', '2026-02-28'),
      ('\\x00ff', 0, 0.30000000000000004, '0', NULL, NULL, '[]', NULL, NULL),
      (NULL, -0.0, '-0', NULL, NULL, NULL, NULL, 'x', NULL);
    UPDATE backup_probe_heap SET n = n + 1 WHERE f < 0.2;`);
}

async function populate(h: TestHarness): Promise<void> {
  await h.createAccount({ org: 'casa-norte', email: 'admin@casa.example', role: 'admin' });
  await h.createAccount({ org: 'casa-norte', email: 'trabajo@casa.example', role: 'caseworker', totp: true });
  await h.createAccount({ org: 'red-sur', email: 'coord@red.example', role: 'coordinator' });
  await h.login('admin@casa.example');
  const [from, to] = [await h.createOrg('casa-norte'), await h.createOrg('red-sur')];
  await h.ctx.db.query(
    "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes, valid_from, valid_until) VALUES ($1, $2, ARRAY['search', 'coma, \"comillas\"'], '2026-02-28', NULL)",
    [from, to],
  );
  await h.ctx.audit.record({
    action: 'probe.unicode',
    recordType: 'probe',
    details: { nombre: 'Núñez ñ 🌵', n: 1.5, nada: null, sí: true },
  });
}

for (const [fromKind, toKind] of directions) {
  describe(`backup on ${fromKind}, restore on ${toKind}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'acompana-backup-'));
    const file = join(dir, 'full.acbk');
    let source: TestHarness;
    let target: TestHarness;
    let master: Buffer;

    before(async () => {
      source = await startHarness(fromKind);
      master = parseMasterKey(source.config.masterKey ?? '');
      await source.ctx.db.exec(PROBE_TABLES);
      await populate(source);
      await populateProbes(source);
      target = await startHarness(toKind, { envOverrides: { ACOMPANA_MASTER_KEY: source.config.masterKey ?? '' } });
      await target.ctx.db.exec(PROBE_TABLES);
    });
    after(async () => {
      await source?.close();
      await target?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('writes one encrypted file, mode 0600, with no readable names', async () => {
      const report = await backupToFile(source.ctx.db, master, file);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(existsSync(`${file}.tmp`), false);
      assert.equal(report.tables.organisations, 2);
      assert.equal(report.tables.backup_probe_heap, 2504);
      assert.ok(report.bytes > 2 * 64 * 1024, 'several encrypted records');
      assert.ok((report.tables.audit_log ?? 0) >= 5);
      const bytes = readFileSync(file);
      assert.equal(bytes.length, report.bytes);
      assert.equal(bytes.includes('casa-norte'), false);
      assert.equal(bytes.includes('admin@casa.example'), false);
    });

    it('refuses a wrong master key, a tampered byte and a truncated file, leaving the target as it was', async () => {
      const before = await snapshot(target.ctx.db);
      await assert.rejects(restoreFromFile(target.ctx.db, randomBytes(32), file), { code: 'backup.wrong_key' });
      const bytes = readFileSync(file);
      for (const at of [bytes.length - 20, Math.floor(bytes.length / 2), 200]) {
        const tampered = Buffer.from(bytes);
        tampered[at] = (tampered[at] ?? 0) ^ 0x01;
        writeFileSync(join(dir, 'tampered'), tampered);
        await assert.rejects(
          restoreFromFile(target.ctx.db, master, join(dir, 'tampered')),
          { code: 'backup.corrupt' },
          `byte ${at}`,
        );
      }
      for (const length of [bytes.length - 1, bytes.length - 40, 100, 10]) {
        writeFileSync(join(dir, 'truncated'), bytes.subarray(0, length));
        await assert.rejects(
          restoreFromFile(target.ctx.db, master, join(dir, 'truncated')),
          { code: 'backup.corrupt' },
          `length ${length}`,
        );
      }
      writeFileSync(join(dir, 'longer'), Buffer.concat([bytes, Buffer.from([0])]));
      await assert.rejects(restoreFromFile(target.ctx.db, master, join(dir, 'longer')), { code: 'backup.corrupt' });
      assert.deepEqual(await snapshot(target.ctx.db), before);
    });

    it('refuses a backup from a newer schema', async () => {
      const newer = join(dir, 'newer.acbk');
      await source.ctx.db.query(
        "INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, '9999_future', 'x')",
      );
      try {
        await backupToFile(source.ctx.db, master, newer);
      } finally {
        await source.ctx.db.query('DELETE FROM schema_migrations WHERE version = 9999');
      }
      const before = await snapshot(target.ctx.db);
      await assert.rejects(restoreFromFile(target.ctx.db, master, newer), {
        code: 'backup.newer_schema',
        params: { version: '9999', current: String(readMigrations().at(-1)?.version) },
      });
      assert.deepEqual(await snapshot(target.ctx.db), before);
    });

    it('restores every row exactly; the audit chain verifies and a restored account logs in', async () => {
      const report = await restoreFromFile(target.ctx.db, master, file);
      assert.equal(report.audit.ok, true);
      assert.deepEqual(await snapshot(target.ctx.db), await snapshot(source.ctx.db));
      const next = await target.ctx.db.query<{ id: number }>(
        "INSERT INTO backup_probe_keyed (tag) VALUES ('nueva') RETURNING id",
      );
      assert.equal(Number(next.rows[0]?.id), 2301, 'the identity sequence continues where it was');
      await target.ctx.db.query('DELETE FROM backup_probe_keyed WHERE id = 2301');
      const runtime = await openRuntime(target.config, { database: target.ctx.db });
      assert.deepEqual(await verifyAuditChain(runtime.db, runtime.ctx.keyring.systemKey('audit')), {
        ok: true,
        checked: report.audit.checked,
      });
      const app = await buildApp(runtime.ctx, { webDistDir: join(dir, 'no-web') });
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'admin@casa.example', password: 'correct horse battery' },
      });
      assert.equal(login.statusCode, 200, login.body);
      await app.close();
      // New entries continue the restored chain.
      const after = await verifyAuditChain(target.ctx.db, runtime.ctx.keyring.systemKey('audit'));
      assert.equal(after.ok, true);
      assert.ok(after.checked > report.audit.checked);
    });

    it('refuses a target that has organisations unless forced, then replaces it', async () => {
      const before = await snapshot(target.ctx.db);
      await assert.rejects(restoreFromFile(target.ctx.db, master, file), {
        code: 'backup.target_not_empty',
        params: { count: '2' },
      });
      assert.deepEqual(await snapshot(target.ctx.db), before);
      const report = await restoreFromFile(target.ctx.db, master, file, { force: true, triggers: 'disable' });
      assert.equal(report.audit.ok, true);
      assert.deepEqual(await snapshot(target.ctx.db), await snapshot(source.ctx.db));
      const { rows } = await target.ctx.db.query<{ tgenabled: string }>(
        "SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_log_no_update_or_delete'",
      );
      assert.equal(rows[0]?.tgenabled, 'O', 'the append-only trigger is enabled again');
      await assert.rejects(target.ctx.db.query('DELETE FROM audit_log'), /append-only/);
    });
  });
}
