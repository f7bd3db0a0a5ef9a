// Automatic backups (docs/decisions/0133): with ACOMPANA_BACKUP_DIR set, the server writes the
// same encrypted file as `acompana backup` into that folder once a day (checked every hour, by the
// job queue, so one process does it), keeps the newest ACOMPANA_BACKUP_KEEP (default 7) and
// removes older ones only after a new one was written. Every run is recorded (backup_runs, also
// the backups asked for by `acompana backup` through the server); when none has succeeded for two
// days the deployment's administrators get a notification, at most once a day.
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Database } from '../kernel/db/database.ts';
import { isAppError } from '../kernel/errors.ts';
import { loadOrCreateMasterKey } from '../kernel/crypto/master-key.ts';
import { backupToFile, type BackupReport } from './backup.ts';

export const SCHEDULED_BACKUP_JOB = 'backup.scheduled';
const HOUR = 3_600_000;
export const BACKUP_EVERY_MS = 24 * HOUR;
export const BACKUP_OVERDUE_MS = 48 * HOUR;
const WARN_EVERY_MS = 24 * HOUR;
/** acompana-20261207T031500Z.backup: sorts by time, and rotation touches nothing else in the folder. */
const FILE_PATTERN = /^acompana-\d{8}T\d{6}Z\.backup$/;

export interface BackupSchedule {
  dir: string;
  keep: number;
}

/** ACOMPANA_BACKUP_DIR (a folder) and ACOMPANA_BACKUP_KEEP (1–366, default 7); null when not set. */
export function backupScheduleFromEnv(env: NodeJS.ProcessEnv = process.env): BackupSchedule | null {
  const dir = env.ACOMPANA_BACKUP_DIR?.trim();
  if (!dir) return null;
  const keep = env.ACOMPANA_BACKUP_KEEP ? Number(env.ACOMPANA_BACKUP_KEEP) : 7;
  if (!Number.isInteger(keep) || keep < 1 || keep > 366)
    throw new Error(`ACOMPANA_BACKUP_KEEP must be a whole number from 1 to 366 (got "${env.ACOMPANA_BACKUP_KEEP}")`);
  return { dir: resolve(dir), keep };
}

export interface BackupRunView {
  trigger: 'scheduled' | 'online';
  startedAt: string;
  finishedAt: string | null;
  ok: boolean | null;
  file: string | null;
  bytes: number | null;
  errorCode: string | null;
}

export interface BackupStatus {
  schedule: BackupSchedule | null;
  lastGood: BackupRunView | null;
  lastAttempt: BackupRunView | null;
  /** No backup succeeded in the last two days (counted from the first attempt when none ever did). */
  overdue: boolean;
}

interface RunRow {
  id: string;
  trigger: 'scheduled' | 'online';
  started_at: Date;
  finished_at: Date | null;
  ok: boolean | null;
  file: string | null;
  bytes: string | null;
  error_code: string | null;
}

const view = (row: RunRow | undefined): BackupRunView | null =>
  row
    ? {
        trigger: row.trigger,
        startedAt: new Date(row.started_at).toISOString(),
        finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
        ok: row.ok,
        file: row.file,
        bytes: row.bytes === null ? null : Number(row.bytes),
        errorCode: row.error_code,
      }
    : null;

const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
const COLUMNS = 'id::text AS id, trigger, started_at, finished_at, ok, file, bytes::text AS bytes, error_code';

export function createScheduledBackups(deps: {
  db: Database;
  clock: () => Date;
  masterKey: () => Buffer;
  schedule: BackupSchedule | null;
}) {
  const { db, clock } = deps;

  async function start(trigger: 'scheduled' | 'online', file: string | null): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      'INSERT INTO backup_runs (trigger, started_at, file) VALUES ($1, $2, $3) RETURNING id::text AS id',
      [trigger, clock(), file],
    );
    return (rows[0] as { id: string }).id;
  }

  async function finish(id: string, outcome: { ok: true; bytes: number } | { ok: false; error: unknown }) {
    await db.query('UPDATE backup_runs SET finished_at = $2, ok = $3, bytes = $4, error_code = $5 WHERE id = $1', [
      id,
      clock(),
      outcome.ok,
      outcome.ok ? outcome.bytes : null,
      outcome.ok ? null : isAppError(outcome.error) ? outcome.error.code : 'backup.failed',
    ]);
  }

  /** Keeps the newest `keep` backup files of the folder; other files are never touched. */
  async function rotate(schedule: BackupSchedule): Promise<string[]> {
    const files = (await readdir(schedule.dir)).filter((name) => FILE_PATTERN.test(name)).sort();
    const old = files.slice(0, Math.max(0, files.length - schedule.keep));
    for (const name of old) await rm(join(schedule.dir, name), { force: true });
    return old;
  }

  async function status(): Promise<BackupStatus> {
    const { rows: good } = await db.query<RunRow>(
      `SELECT ${COLUMNS} FROM backup_runs WHERE ok ORDER BY started_at DESC LIMIT 1`,
    );
    const { rows: last } = await db.query<RunRow>(
      `SELECT ${COLUMNS} FROM backup_runs ORDER BY started_at DESC LIMIT 1`,
    );
    const { rows: first } = await db.query<{ at: Date | null }>('SELECT min(started_at) AS at FROM backup_runs');
    const since = good[0]?.finished_at ?? first[0]?.at ?? null;
    return {
      schedule: deps.schedule,
      lastGood: view(good[0]),
      lastAttempt: view(last[0]),
      overdue: since !== null && clock().getTime() - new Date(since).getTime() >= BACKUP_OVERDUE_MS,
    };
  }

  /** Tells every administrator, once a day at most, that no backup succeeded for two days. */
  async function warnIfOverdue(): Promise<boolean> {
    const current = await status();
    if (!current.overdue) return false;
    return db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; warned: Date | null }>(
        `SELECT (SELECT id::text FROM backup_runs ORDER BY started_at DESC LIMIT 1) AS id,
                (SELECT max(warned_at) FROM backup_runs) AS warned`,
      );
      const row = rows[0];
      if (!row?.id) return false;
      if (row.warned && clock().getTime() - new Date(row.warned).getTime() < WARN_EVERY_MS) return false;
      await tx.query(
        `INSERT INTO notifications (account_id, org_id, kind, record_type, record_id)
         SELECT m.account_id, m.org_id, 'backup.overdue', 'backup', $1 FROM memberships m WHERE m.role = 'admin'`,
        [row.id],
      );
      await tx.query('UPDATE backup_runs SET warned_at = $2 WHERE id = $1', [row.id, clock()]);
      return true;
    });
  }

  /** Writes one backup into the folder now, then rotates; a failure is recorded and thrown. */
  async function runNow(): Promise<BackupReport & { file: string }> {
    const schedule = deps.schedule;
    if (!schedule) throw new Error('ACOMPANA_BACKUP_DIR is not set');
    const file = join(schedule.dir, `acompana-${stamp(clock())}.backup`);
    const id = await start('scheduled', file);
    try {
      const report = await backupToFile(db, deps.masterKey(), file, clock);
      await finish(id, { ok: true, bytes: report.bytes });
      await rotate(schedule);
      return { ...report, file };
    } catch (error) {
      await finish(id, { ok: false, error });
      throw error;
    }
  }

  return {
    status,
    runNow,
    rotate,
    warnIfOverdue,
    /** Records a backup streamed to `acompana backup` through the server (online-backup.ts). */
    async recordOnline(run: () => Promise<BackupReport>): Promise<BackupReport> {
      const id = await start('online', null);
      try {
        const report = await run();
        await finish(id, { ok: true, bytes: report.bytes });
        return report;
      } catch (error) {
        await finish(id, { ok: false, error });
        throw error;
      }
    },
    /** The hourly job: a backup when the last good one is a day old, then the two-day check. */
    async tick(): Promise<void> {
      try {
        if (deps.schedule) {
          const { lastGood } = await status();
          const due = !lastGood || clock().getTime() - new Date(lastGood.startedAt).getTime() >= BACKUP_EVERY_MS - HOUR;
          if (due) await runNow();
        }
      } finally {
        await warnIfOverdue();
      }
    },
  };
}

export type ScheduledBackups = ReturnType<typeof createScheduledBackups>;

/** The deployment's scheduled backups, from its configuration and environment. */
export function scheduledBackupsFor(ctx: {
  db: Database;
  clock: () => Date;
  config: { masterKey: string | undefined; dataDir: string };
}): ScheduledBackups {
  return createScheduledBackups({
    db: ctx.db,
    clock: ctx.clock,
    // Read when needed, as `acompana backup` does: a finished master-key rotation is picked up.
    masterKey: () => loadOrCreateMasterKey({ masterKey: ctx.config.masterKey, dataDir: ctx.config.dataDir }).key,
    schedule: backupScheduleFromEnv(),
  });
}
