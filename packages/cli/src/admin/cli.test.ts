// The operator's command line, run as a user would run it (a child process), on both databases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteDatabase } from '../../../../apps/server/src/kernel/db/pglite-database.ts';
import { createPostgresTestDatabaseUrl, testDatabaseKinds } from '../../../../apps/server/src/testing/test-database.ts';
import { runAcompana } from '../testing/run-acompana.ts';

const kinds = await testDatabaseKinds();

const acompana = runAcompana;

describe('acompana command line on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'acompana-cli-'));
  const env = { ACOMPANA_DATA_DIR: dataDir };
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates an organisation and an account, printing the two-factor secret once', async () => {
    const run = await acompana(
      env,
      'user',
      'create',
      '--org',
      'casa-norte',
      '--email',
      'Admin@Casa.example',
      '--password',
      'una clave larga',
      '--role',
      'admin',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /created: Admin@Casa\.example \(admin\) in casa-norte/);
    assert.match(run.stdout, /two-factor secret .*: [A-Z2-7]{32}/);
    const noTotp = await acompana(
      env,
      'user',
      'create',
      '--org',
      'casa-norte',
      '--email',
      'demo@casa.example',
      '--password',
      'una clave larga',
      '--role',
      'caseworker',
      '--no-2fa',
    );
    assert.equal(noTotp.code, 0, noTotp.stderr);
    assert.doesNotMatch(noTotp.stdout, /two-factor secret/);
  });

  it('refuses a bad role with a clear message and exit code', async () => {
    const run = await acompana(
      env,
      'user',
      'create',
      '--org',
      'casa-norte',
      '--email',
      'x@casa.example',
      '--password',
      'una clave larga',
      '--role',
      'jefe',
    );
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Unknown role "jefe"/);
  });

  it('prints a single-use invitation link for the first administrator, and a reset link for recovery', async () => {
    const invited = await acompana(
      env,
      'user',
      'invite',
      '--org',
      'casa-norte',
      '--email',
      'primera@casa.example',
      '--role',
      'admin',
    );
    assert.equal(invited.code, 0, invited.stderr);
    const link = /\/app\/account\/invitation#token=([A-Za-z0-9_-]{43})/.exec(invited.stdout);
    assert.ok(link, invited.stdout);
    assert.doesNotMatch(invited.stdout, /two-factor secret|password:/i);
    const unknown = await acompana(env, 'user', 'reset', '--email', 'nadie@casa.example');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no account with the e-mail "nadie@casa.example"/);
    const reset = await acompana(env, 'user', 'reset', '--email', 'Admin@Casa.example', '--clear-2fa');
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stdout, /two-factor and recovery codes removed/);
    assert.match(reset.stdout, /\/app\/account\/reset#token=[A-Za-z0-9_-]{43}/);
    const db = await openPgliteDatabase({ dataDir, purpose: 'test check' });
    try {
      const { rows } = await db.query<{ cleared: boolean }>(
        "SELECT password_hash IS NULL AND totp_secret IS NULL AS cleared FROM accounts WHERE email = 'admin@casa.example'",
      );
      assert.equal(rows[0]?.cleared, true);
    } finally {
      await db.close();
    }
  });

  it('verifies an intact audit chain with exit 0', async () => {
    const run = await acompana(env, 'audit', 'verify');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /audit chain intact: \d+ entries verified/);
  });

  it('refuses to open the data directory while another process holds it, and leaves it intact', async () => {
    const holder = await openPgliteDatabase({ dataDir, purpose: 'server' });
    try {
      const run = await acompana(env, 'audit', 'verify');
      assert.equal(run.code, 75);
      assert.match(run.stderr, /in use by another Acompaña process \(pid \d+, server\)/);
    } finally {
      await holder.close();
    }
    assert.equal((await acompana(env, 'audit', 'verify')).code, 0);
  });

  it('names the first tampered entry and exits non-zero', async () => {
    const db = await openPgliteDatabase({ dataDir, purpose: 'test tamper' });
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete');
    await db.query("UPDATE audit_log SET action = 'account.read' WHERE seq = 2");
    await db.close();
    const run = await acompana(env, 'audit', 'verify');
    assert.equal(run.code, 3);
    assert.match(run.stderr, /BROKEN at entry 2 \(mac_mismatch\)/);
  });
});

describe(
  'acompana command line on PostgreSQL',
  { skip: kinds.includes('postgres') ? false : 'PostgreSQL not reachable' },
  () => {
    let database: { url: string; drop: () => Promise<void> } | undefined;
    const dataDir = mkdtempSync(join(tmpdir(), 'acompana-cli-pg-'));
    before(async () => {
      database = await createPostgresTestDatabaseUrl();
    });
    after(async () => {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('creates an account and verifies the chain through DATABASE_URL', async () => {
      const env = { DATABASE_URL: database?.url ?? '', ACOMPANA_DATA_DIR: dataDir };
      const created = await acompana(
        env,
        'user',
        'create',
        '--org',
        'red-nacional',
        '--email',
        'coord@red.example',
        '--password',
        'una clave larga',
        '--role',
        'coordinator',
      );
      assert.equal(created.code, 0, created.stderr);
      const verified = await acompana(env, 'audit', 'verify');
      assert.equal(verified.code, 0, verified.stderr);
      assert.match(verified.stdout, /intact: 2 entries/);
    });
  },
);
