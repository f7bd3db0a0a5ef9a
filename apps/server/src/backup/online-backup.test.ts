// Backups while the server runs (docs/decisions/0133): through the data directory's socket under a
// steady write load, the file restores to one consistent moment and, for everything the load did
// not touch, to an equal database; a full or read-only target says so and leaves earlier backups;
// scheduled backups rotate, are recorded, show in the admin API, and two days without one warn
// the administrators once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type TestHarness } from '../testing/test-harness.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { parseMasterKey } from '../kernel/crypto/master-key.ts';
import { backupThroughServer, startBackupSocket, type BackupSocket } from './online-backup.ts';
import { restoreFromFile } from './restore.ts';
import { createScheduledBackups } from './scheduled-backups.ts';
import { applicationTables, ident, qualified, setStableFormats } from './catalogue.ts';
import { targetError } from './backup.ts';
import type { Database } from '../kernel/db/database.ts';

/** Every application table's rows as text, sorted (as in backup.test.ts). */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
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

const LOAD_TABLES = `
  CREATE TABLE load_orders (n int PRIMARY KEY, note text NOT NULL);
  CREATE TABLE load_lines (n int PRIMARY KEY REFERENCES load_orders (n), amount int NOT NULL)`;

for (const kind of await testDatabaseKinds()) {
  describe(`online backup [${kind}]`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'acompana-online-'));
    let source: TestHarness;
    let target: TestHarness;
    let master: Buffer;
    let socket: BackupSocket;

    before(async () => {
      source = await startHarness(kind);
      master = parseMasterKey(source.config.masterKey ?? '');
      await source.ctx.db.exec(LOAD_TABLES);
      await source.createAccount({ org: 'casa-norte', email: 'admin@casa.example', role: 'admin' });
      await source.createAccount({ org: 'casa-norte', email: 'trabajo@casa.example', role: 'caseworker' });
      socket = await startBackupSocket({ db: source.ctx.db, dataDir: dir, masterKey: () => master });
      target = await startHarness(kind, { envOverrides: { ACOMPANA_MASTER_KEY: source.config.masterKey ?? '' } });
      await target.ctx.db.exec(LOAD_TABLES);
    });
    after(async () => {
      await socket?.close();
      await source?.close();
      await target?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('backs up through the running server under write load, consistent to one moment', async () => {
      const file = join(dir, 'online.acbk');
      // The load: each transaction writes an order and its line; logins and audit entries go on too.
      let written = 0;
      let stop = false;
      const load = (async () => {
        while (!stop) {
          const n = ++written;
          await source.ctx.db.transaction(async (tx) => {
            await tx.query('INSERT INTO load_orders (n, note) VALUES ($1, $2)', [n, `pedido ${n}`]);
            await tx.query('INSERT INTO load_lines (n, amount) VALUES ($1, $2)', [n, n * 10]);
          });
          if (n % 25 === 0) await source.login('trabajo@casa.example');
        }
      })();
      while (written < 50) await new Promise((resolve) => setTimeout(resolve, 5));
      const result = await backupThroughServer(dir, file);
      const atBackup = written;
      while (written < atBackup + 50) await new Promise((resolve) => setTimeout(resolve, 5));
      stop = true;
      await load;
      assert.ok(result.rows > 100, `${result.rows} rows`);
      assert.equal(existsSync(`${file}.tmp`), false);

      const report = await restoreFromFile(target.ctx.db, master, file, { force: true });
      assert.equal(report.audit.ok, true, 'the audit chain of one moment verifies');
      const orders = await target.ctx.db.query<{ n: number }>('SELECT n FROM load_orders ORDER BY n');
      const lines = await target.ctx.db.query<{ n: number }>('SELECT n FROM load_lines ORDER BY n');
      const kept = orders.rows.map((r) => r.n);
      // One moment: every order has its line, nothing is missing before the last one, and the
      // writes that went on after the backup are not in it.
      assert.deepEqual(
        lines.rows.map((r) => r.n),
        kept,
      );
      assert.deepEqual(
        kept,
        Array.from({ length: kept.length }, (_, i) => i + 1),
      );
      assert.ok(kept.length >= 49 && kept.length <= atBackup, `${kept.length} orders of ${written}`);

      // Everything else is equal to the source (the load tables as of that moment).
      const [from, to] = [await snapshot(source.ctx.db), await snapshot(target.ctx.db)];
      // Sign-ins go on after the backup: sessions, the sign-in throttle and the accounts' last
      // sign-in move on in the source (accounts are compared by id and e-mail).
      const moving = [
        'load_orders',
        'load_lines',
        'sessions',
        'audit_log',
        'login_throttle_attempts',
        'login_throttle_known',
      ];
      const rest = (s: Record<string, string[]>) =>
        Object.fromEntries(
          Object.entries(s)
            .filter(([table]) => !moving.includes(table))
            .map(([table, rows]) =>
              table === 'accounts'
                ? [table, rows.map((row) => (JSON.parse(row) as string[]).slice(0, 3).join(' '))]
                : [table, rows],
            ),
        );
      assert.deepEqual(rest(to), rest(from));
      assert.equal(to.load_orders?.length, kept.length);
      // The restored accounts log in.
      const restoredLogin = await target.login('admin@casa.example');
      assert.equal((await restoredLogin.get('/api/me')).statusCode, 200);
    });

    it('refuses a read-only target with a clear error, keeping what was there', async () => {
      if (process.getuid?.() === 0) {
        // root writes anywhere: a file standing where the folder should be is refused just the same.
        const notADir = join(dir, 'plain-file');
        writeFileSync(notADir, 'x');
        await assert.rejects(backupThroughServer(dir, join(notADir, 'b.acbk')), (error: { code?: string }) => {
          assert.ok(error.code, 'an error with a code');
          return true;
        });
        return;
      }
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      writeFileSync(join(locked, 'earlier.acbk'), 'earlier');
      chmodSync(locked, 0o500);
      try {
        await assert.rejects(backupThroughServer(dir, join(locked, 'new.acbk')), { code: 'backup.target_read_only' });
        assert.deepEqual(readdirSync(locked), ['earlier.acbk']);
        assert.equal(readFileSync(join(locked, 'earlier.acbk'), 'utf8'), 'earlier');
      } finally {
        chmodSync(locked, 0o700);
      }
    });

    it('names a full or read-only disk as the backup target', () => {
      const full = Object.assign(new Error('write failed'), { code: 'ENOSPC' });
      assert.equal(targetError(full, '/backups/x')?.code, 'backup.target_full');
      assert.deepEqual(targetError(full, '/backups/x')?.params, { path: '/backups/x' });
      const readOnly = Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      assert.equal(targetError(readOnly, '/backups/x')?.code, 'backup.target_read_only');
      assert.equal(targetError(new Error('other'), '/backups/x'), undefined);
    });

    it('says so when no server answers on the socket, leaving the earlier file as it was', async () => {
      const empty = mkdtempSync(join(tmpdir(), 'acompana-nosocket-'));
      try {
        writeFileSync(join(empty, 'x.acbk'), 'earlier backup');
        await assert.rejects(backupThroughServer(empty, join(empty, 'x.acbk')), {
          code: 'backup.server_unreachable',
        });
        assert.deepEqual(readdirSync(empty), ['x.acbk']);
        assert.equal(readFileSync(join(empty, 'x.acbk'), 'utf8'), 'earlier backup');
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });

    it('runs daily backups into a folder, keeps the newest N, reports them and warns after two days without', async () => {
      const folder = join(dir, 'daily');
      mkdirSync(folder);
      writeFileSync(join(folder, 'notes.txt'), 'not ours');
      let now = new Date('2026-12-01T02:00:00Z');
      const clock = () => now;
      const backups = createScheduledBackups({
        db: source.ctx.db,
        clock,
        masterKey: () => master,
        schedule: { dir: folder, keep: 2 },
      });
      for (let day = 0; day < 4; day++) {
        await backups.tick();
        await backups.tick(); // within the day: nothing more
        now = new Date(now.getTime() + 24 * 3_600_000);
      }
      const files = readdirSync(folder).sort();
      assert.deepEqual(files, ['acompana-20261203T020000Z.backup', 'acompana-20261204T020000Z.backup', 'notes.txt']);
      const status = await backups.status();
      assert.equal(status.lastGood?.file, join(folder, 'acompana-20261204T020000Z.backup'));
      assert.equal(status.overdue, false);
      // The newest restores.
      await restoreFromFile(target.ctx.db, master, join(folder, files[1] as string), { force: true });

      // The folder becomes read-only (here: replaced by a file): the run fails, is recorded, the
      // old backups stay; after two days without a good one, admins are told once.
      const broken = createScheduledBackups({
        db: source.ctx.db,
        clock,
        masterKey: () => master,
        schedule: { dir: join(folder, 'notes.txt'), keep: 2 },
      });
      const notices = async () =>
        (
          await source.ctx.db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM notifications WHERE kind = 'backup.overdue'",
          )
        ).rows[0]?.n;
      for (let hour = 0; hour < 3 * 24; hour += 6) {
        await assert.rejects(broken.tick());
        now = new Date(now.getTime() + 6 * 3_600_000);
      }
      const after = await broken.status();
      assert.equal(after.overdue, true);
      assert.equal(after.lastAttempt?.ok, false);
      assert.ok(after.lastAttempt?.errorCode);
      assert.equal(after.lastGood?.file, join(folder, 'acompana-20261204T020000Z.backup'));
      assert.equal(readdirSync(folder).length, 3, 'earlier backups untouched');
      // One admin in casa-norte; told on day 2 and again a day later, not every hour.
      assert.equal(await notices(), 2);

      const admin = await source.login('admin@casa.example');
      const shown = await admin.get('/api/admin/backups');
      assert.equal(shown.statusCode, 200, shown.body);
      const body = shown.json() as { lastGood: { file: string } | null; lastAttempt: { ok: boolean } };
      assert.equal(body.lastGood?.file, join(folder, 'acompana-20261204T020000Z.backup'));
      const worker = await source.login('trabajo@casa.example');
      assert.equal((await worker.get('/api/admin/backups')).statusCode, 403);
    });
  });
}
