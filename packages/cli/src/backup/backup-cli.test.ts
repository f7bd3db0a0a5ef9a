// `acompana backup` and `acompana restore` run as an operator runs them (child processes): an
// embedded deployment moved to PostgreSQL and back, with the refusals an operator can meet.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteDatabase } from '../../../../apps/server/src/kernel/db/pglite-database.ts';
import { createPostgresTestDatabaseUrl, testDatabaseKinds } from '../../../../apps/server/src/testing/test-database.ts';
import { runAcompana } from '../testing/run-acompana.ts';
import { startBackupSocket } from '../../../../apps/server/src/backup/online-backup.ts';
import { parseMasterKey } from '../../../../apps/server/src/kernel/crypto/master-key.ts';

const kinds = await testDatabaseKinds();

const acompana = runAcompana;

const createUser = (env: Record<string, string>, org: string, email: string) =>
  acompana(
    env,
    'user',
    'create',
    '--org',
    org,
    '--email',
    email,
    '--password',
    'una clave larga',
    '--role',
    'admin',
    '--no-2fa',
  );

describe(
  'acompana backup and restore between the embedded database and PostgreSQL',
  { skip: kinds.includes('postgres') ? false : 'PostgreSQL not reachable' },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'acompana-backup-cli-'));
    const key = randomBytes(32).toString('hex');
    const embedded = { ACOMPANA_DATA_DIR: join(dir, 'embedded'), ACOMPANA_MASTER_KEY: key };
    let server: { ACOMPANA_DATA_DIR: string; ACOMPANA_MASTER_KEY: string; DATABASE_URL: string };
    let database: { url: string; drop: () => Promise<void> } | undefined;
    before(async () => {
      database = await createPostgresTestDatabaseUrl();
      server = { ACOMPANA_DATA_DIR: join(dir, 'server'), ACOMPANA_MASTER_KEY: key, DATABASE_URL: database.url };
    });
    after(async () => {
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('backs up the embedded database into one 0600 file, and exits 75 while another command holds it', async () => {
      assert.equal((await createUser(embedded, 'casa-norte', 'admin@casa.example')).code, 0);
      const file = join(dir, 'embedded.acbk');
      const run = await acompana(embedded, 'backup', '--out', file);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /backup written: .*embedded\.acbk \(\d+ rows in \d+ tables/);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const holder = await openPgliteDatabase({ dataDir: embedded.ACOMPANA_DATA_DIR, purpose: 'server' });
      try {
        const locked = await acompana(embedded, 'backup', '--out', join(dir, 'locked.acbk'));
        assert.equal(locked.code, 75);
        assert.match(locked.stderr, /in use by another Acompaña process/);
      } finally {
        await holder.close();
      }
    });

    it('backs up the embedded database while the server runs, through the server, and it restores', async () => {
      // What `npm start` does on the embedded database: hold the data directory and serve the socket.
      const holder = await openPgliteDatabase({ dataDir: embedded.ACOMPANA_DATA_DIR, purpose: 'server' });
      const socket = await startBackupSocket({
        db: holder,
        dataDir: embedded.ACOMPANA_DATA_DIR,
        masterKey: () => parseMasterKey(key),
      });
      const file = join(dir, 'online.acbk');
      try {
        const run = await acompana(embedded, 'backup', '--out', file);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /backup written through the running server: .*online\.acbk \(\d+ rows, \d+ bytes/);
        assert.equal(statSync(file).mode & 0o777, 0o600);
      } finally {
        await socket.close();
        await holder.close();
      }
      const fresh = { ACOMPANA_DATA_DIR: join(dir, 'fresh-online'), ACOMPANA_MASTER_KEY: key };
      const restored = await acompana(fresh, 'restore', '--from', file);
      assert.equal(restored.code, 0, restored.stderr);
      assert.match(restored.stdout, /pglite database\)\naudit chain intact: \d+ entries verified/);
    });

    it('refuses a wrong key and a damaged file with clear messages (Spanish too)', async () => {
      const file = join(dir, 'embedded.acbk');
      const wrongKey = { ACOMPANA_DATA_DIR: join(dir, 'other'), ACOMPANA_MASTER_KEY: randomBytes(32).toString('hex') };
      const wrong = await acompana({ ...wrongKey, LANG: 'es_MX.UTF-8' }, 'restore', '--from', file);
      assert.equal(wrong.code, 1);
      assert.match(wrong.stderr, /se hizo con otra clave maestra/);
      assert.equal(existsSync(join(wrongKey.ACOMPANA_DATA_DIR, 'pgdata')), false, 'no database was created');
      // The header's MAC: checked before any database is opened.
      const damaged = Buffer.from(readFileSync(file));
      const at = 16 + 4 + damaged.readUInt32BE(16) + 5;
      damaged[at] = (damaged[at] ?? 0) ^ 0xff;
      writeFileSync(join(dir, 'damaged.acbk'), damaged);
      const right = await acompana(
        { ...wrongKey, ACOMPANA_MASTER_KEY: key },
        'restore',
        '--from',
        join(dir, 'damaged.acbk'),
      );
      assert.equal(right.code, 1);
      assert.match(right.stderr, /damaged, truncated or was altered \(header altered\)\. Nothing was restored/);
    });

    it('restores the embedded backup into PostgreSQL with one command; the audit chain verifies there', async () => {
      const run = await acompana(server, 'restore', '--from', join(dir, 'embedded.acbk'));
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /restored \d+ rows .* pglite database\)\naudit chain intact: \d+ entries verified/);
      const again = await acompana(server, 'restore', '--from', join(dir, 'embedded.acbk'));
      assert.equal(again.code, 1);
      assert.match(again.stderr, /already has 1 organisations.*--force/);
    });

    it('backs up PostgreSQL and restores it into a new embedded deployment holding a copy of master.key', async () => {
      assert.equal((await createUser(server, 'red-sur', 'coord@red.example')).code, 0);
      const file = join(dir, 'server.acbk');
      const backup = await acompana(server, 'backup', '--out', file);
      assert.equal(backup.code, 0, backup.stderr);
      const fresh = { ACOMPANA_DATA_DIR: join(dir, 'fresh') };
      const noKey = await acompana(fresh, 'restore', '--from', file);
      assert.equal(noKey.code, 2);
      assert.match(noKey.stderr, /no master key/);
      mkdirSync(fresh.ACOMPANA_DATA_DIR, { recursive: true, mode: 0o700 });
      writeFileSync(join(dir, 'fresh', 'master.key'), `${key}\n`, { mode: 0o600, flag: 'wx' });
      const run = await acompana(fresh, 'restore', '--from', file);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /postgres database\)\naudit chain intact: 4 entries verified/);
    });
  },
);
