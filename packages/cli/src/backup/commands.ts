// `acompana backup --out FILE` and `acompana restore --from FILE [--force]`. Both open the
// deployment the way the server does (same variables). A backup while the server runs on the
// embedded database goes through the server (its data directory is locked); a restore needs the
// server stopped (the data directory is locked: exit code 75).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  backupSocketPath,
  backupThroughServer,
  backupToFile,
  isAppError,
  checkBackupFile,
  loadConfig,
  loadOrCreateMasterKey,
  MASTER_KEY_FILE,
  openRuntime,
  restoreFromFile,
  type Runtime,
} from '@acompana/server';
import { requireOption, UsageError, type ParsedArgs } from '../admin/cli-args.ts';

async function withRuntime<T>(purpose: string, fn: (runtime: Runtime, master: Buffer) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const runtime = await openRuntime(config, { purpose: `acompana ${purpose}` });
  try {
    // After openRuntime: a master-key rotation it finished has put the current key in place.
    const master = loadOrCreateMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir }).key;
    return await fn(runtime, master);
  } finally {
    await runtime.close();
  }
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export async function backupCommand(args: ParsedArgs): Promise<number> {
  const out = resolve(requireOption(args, 'out'));
  if (!existsSync(dirname(out))) throw new UsageError(`no such directory: ${dirname(out)}`);
  try {
    return await backupDirectly(out);
  } catch (error) {
    // Held by something other than a server (another command): nobody to ask, exit 75 as before.
    const dataDir = loadConfig().dataDir;
    if (!isAppError(error) || error.code !== 'database.data_dir_in_use' || !existsSync(backupSocketPath(dataDir)))
      throw error;
  }
  // The server holds the embedded database: it writes the backup, from one snapshot, through the
  // socket in its data directory (docs/decisions/0133).
  const { rows, bytes } = await backupThroughServer(loadConfig().dataDir, out);
  console.log(`backup written through the running server: ${out} (${rows} rows, ${bytes} bytes, encrypted)`);
  console.log("it opens only with this deployment's master key: keep a copy of the key, apart from the backups");
  return 0;
}

/** PostgreSQL (server running or not) or a stopped embedded database: opened here, one snapshot. */
async function backupDirectly(out: string): Promise<number> {
  return withRuntime('backup', async ({ db }, master) => {
    const report = await backupToFile(db, master, out);
    const tables = Object.keys(report.tables).length;
    console.log(
      `backup written: ${out} (${total(report.tables)} rows in ${tables} tables, ${report.bytes} bytes, encrypted)`,
    );
    console.log("it opens only with this deployment's master key: keep a copy of the key, apart from the backups");
    return 0;
  });
}

export async function restoreCommand(args: ParsedArgs): Promise<number> {
  const from = resolve(requireOption(args, 'from'));
  const force = args.options.get('force') === true;
  if (!existsSync(from)) throw new UsageError(`no such file: ${from}`);
  const config = loadConfig();
  if (!config.masterKey && !existsSync(join(config.dataDir, MASTER_KEY_FILE))) {
    // Without this check a new key would be created, and it could never open the backup.
    throw new UsageError(
      `no master key: set ACOMPANA_MASTER_KEY or copy the backed-up deployment's ${MASTER_KEY_FILE} into ${config.dataDir} first`,
    );
  }
  // A wrong key or a damaged header is reported before any database is opened or created.
  await checkBackupFile(from, loadOrCreateMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir }).key);
  return withRuntime('restore', async ({ db }, master) => {
    const report = await restoreFromFile(db, master, from, { force });
    const counts = report.tables;
    console.log(
      `restored ${total(counts)} rows in ${Object.keys(counts).length} tables from ${from} ` +
        `(backup of ${report.header.createdAt}, ${report.header.sourceKind} database)`,
    );
    if (report.audit.ok) {
      console.log(`audit chain intact: ${report.audit.checked} entries verified`);
      return 0;
    }
    console.error(
      `restored, but the audit chain in the backup is BROKEN at entry ${report.audit.firstBadSeq} (${report.audit.reason})`,
    );
    return 3;
  });
}
