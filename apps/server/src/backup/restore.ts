// `acompana restore`: replaces the application tables with a backup's rows in ONE transaction.
// The file is authenticated record by record as it streams in; anything wrong (wrong key,
// altered or truncated file, other schema, non-empty target) raises before COMMIT, so the
// database stays exactly as it was.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { AppError } from '../kernel/errors.ts';
import type { Database, Queryable } from '../kernel/db/database.ts';
import { Keyring } from '../kernel/crypto/keyring.ts';
import { verifyAuditChain, type AuditVerification } from '../audit/audit-log.ts';
import { corrupt, openBackup, type BackupHeader, type SchemaVersion } from './backup-format.ts';
import { parseLines, type BackupLine, type RowLine, type TableLine } from './backup-lines.ts';
import {
  applicationTables,
  enabledUserTriggers,
  ident,
  qualified,
  schemaVersions,
  setStableFormats,
  type TableInfo,
} from './catalogue.ts';

export interface RestoreOptions {
  /** Replace the contents of a database that already has organisations. */
  force?: boolean;
  /**
   * How triggers are kept from firing (the audit log's append-only guards would refuse the wipe):
   * 'replica' sets session_replication_role (superuser only; also skips foreign-key checks),
   * 'disable' disables the enabled user triggers for the transaction (table owner suffices).
   * 'auto' (default) picks 'replica' when allowed.
   */
  triggers?: 'auto' | 'replica' | 'disable';
}

export interface RestoreReport {
  header: BackupHeader;
  tables: Record<string, number>;
  audit: AuditVerification;
}

const BATCH_ROWS = 500;
const BATCH_CHARS = 4 * 1024 * 1024;

function checkSchema(backup: SchemaVersion[], target: SchemaVersion[]): void {
  const newest = (list: SchemaVersion[]) => list.at(-1)?.version ?? 0;
  const same =
    backup.length === target.length &&
    backup.every((m, i) => m.name === target[i]?.name && m.checksum === target[i]?.checksum);
  if (same) return;
  const params = { version: String(newest(backup)), current: String(newest(target)) };
  if (newest(backup) > newest(target)) throw new AppError('backup.newer_schema', { params });
  throw new AppError('backup.schema_mismatch', { params });
}

async function checkEmpty(tx: Queryable, force: boolean): Promise<void> {
  if (force) return;
  const { rows } = await tx.query<{ n: number }>('SELECT count(*) AS n FROM organisations');
  const count = Number(rows[0]?.n ?? 0);
  if (count > 0) throw new AppError('backup.target_not_empty', { params: { count: String(count) } });
}

/** Keeps triggers quiet for the transaction; returns what to run before COMMIT to undo it. */
async function silenceTriggers(tx: Queryable, strategy: RestoreOptions['triggers']): Promise<() => Promise<void>> {
  let useReplica = strategy === 'replica';
  if (strategy === 'auto' || strategy === undefined) {
    const { rows } = await tx.query<{ su: string }>("SELECT current_setting('is_superuser') AS su");
    useReplica = rows[0]?.su === 'on';
  }
  if (useReplica) {
    await tx.exec("SET LOCAL session_replication_role = 'replica'");
    return async () => tx.exec("SET LOCAL session_replication_role = 'origin'");
  }
  const triggers = await enabledUserTriggers(tx);
  for (const t of triggers) await tx.exec(`ALTER TABLE ${qualified(t.table)} DISABLE TRIGGER ${ident(t.trigger)}`);
  return async () => {
    for (const t of triggers) await tx.exec(`ALTER TABLE ${qualified(t.table)} ENABLE TRIGGER ${ident(t.trigger)}`);
  };
}

class TableWriter {
  private batch: RowLine[] = [];
  private chars = 0;
  private readonly sql: string;
  rows = 0;

  constructor(
    private readonly tx: Queryable,
    readonly table: TableInfo,
  ) {
    const names = table.columns.map((c) => ident(c.name)).join(', ');
    const values = table.columns.map((c, i) => `(r->>${i})::${c.type}`).join(', ');
    this.sql = `INSERT INTO ${qualified(table.name)} (${names}) OVERRIDING SYSTEM VALUE
      SELECT ${values} FROM json_array_elements($1::text::json) AS r`;
  }

  async add(row: RowLine): Promise<void> {
    if (row.length !== this.table.columns.length) throw corrupt(`row of ${this.table.name} has ${row.length} values`);
    this.batch.push(row);
    this.rows++;
    for (const value of row) this.chars += value?.length ?? 4;
    if (this.batch.length >= BATCH_ROWS || this.chars >= BATCH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const json = JSON.stringify(this.batch);
    this.batch = [];
    this.chars = 0;
    await this.tx.query(this.sql, [json]);
  }
}

function targetTable(tables: Map<string, TableInfo>, line: TableLine): TableInfo {
  const table = tables.get(line.table);
  const expected = table?.columns.map((c) => `${c.name} ${c.type}`).join(', ');
  const found = line.columns.map(([name, type]) => `${name} ${type}`).join(', ');
  if (!table || expected !== found) {
    throw new AppError('backup.schema_mismatch', {
      params: { version: `table ${line.table}`, current: expected ? 'other columns' : 'no such table' },
    });
  }
  return table;
}

/** Applies the backup's lines to the (already wiped) tables; returns the row counts. */
async function applyLines(
  tx: Queryable,
  tables: TableInfo[],
  lines: AsyncIterable<BackupLine>,
): Promise<Record<string, number>> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const counts: Record<string, number> = {};
  let writer: TableWriter | undefined;
  for await (const line of lines) {
    if (Array.isArray(line)) {
      if (!writer) throw corrupt('row before any table');
      await writer.add(line);
    } else if ('table' in line) {
      await writer?.flush();
      if (line.table in counts) throw corrupt(`table ${line.table} twice`);
      writer = new TableWriter(tx, targetTable(byName, line));
      counts[line.table] = 0;
    } else if ('sequence' in line) {
      await writer?.flush();
      writer = undefined;
      await tx.query('SELECT setval($1::text::regclass, $2::text::bigint, $3)', [
        qualified(line.sequence),
        line.value,
        line.isCalled,
      ]);
    } else if ('end' in line) {
      await writer?.flush();
      for (const table of tables) {
        const written = table.name in counts ? await countRows(tx, table) : -1;
        if (written !== line.end[table.name]) throw corrupt(`row count of ${table.name}`);
        counts[table.name] = written;
      }
      return counts;
    }
    if (writer && Array.isArray(line)) counts[writer.table.name] = writer.rows;
  }
  throw corrupt('the end marker is missing');
}

async function countRows(tx: Queryable, table: TableInfo): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${qualified(table.name)}`);
  return Number(rows[0]?.n ?? -1);
}

/** Restores an encrypted backup read from `source` into `db` (migrated to the same schema). */
export async function restoreBackup(
  db: Database,
  master: Buffer,
  source: AsyncIterable<Buffer>,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const opened = await openBackup(source, master);
  const gunzip = createGunzip();
  const decompressed = pipeline(Readable.from(opened.body), gunzip).catch((error: unknown) => {
    gunzip.destroy(error as Error);
  });
  try {
    return await db.transaction(async (tx) => {
      await setStableFormats(tx);
      checkSchema(opened.header.schema, await schemaVersions(tx));
      await checkEmpty(tx, options.force === true);
      const tables = await applicationTables(tx);
      const restoreTriggers = await silenceTriggers(tx, options.triggers);
      await tx.exec(`TRUNCATE ${tables.map((t) => qualified(t.name)).join(', ')}`);
      const counts = await applyLines(tx, tables, parseLines(gunzip));
      await restoreTriggers();
      // The restored deployment keys must open under this master key, and the chain is checked
      // with them before COMMIT (a broken chain is reported, not hidden: the copy is faithful).
      const keyring = await Keyring.open(tx, master);
      const audit = await verifyAuditChain(tx, keyring.systemKey('audit'));
      return { header: opened.header, tables: counts, audit };
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'Z_DATA_ERROR') throw corrupt('compressed data damaged', error);
    throw error;
  } finally {
    gunzip.destroy();
    await decompressed;
  }
}

export async function restoreFromFile(
  db: Database,
  master: Buffer,
  path: string,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const stream = createReadStream(path);
  try {
    return await restoreBackup(db, master, stream, options);
  } finally {
    stream.destroy();
  }
}

/** Reads and authenticates a backup's header only: a wrong key or a damaged header, before opening any database. */
export async function checkBackupFile(path: string, master: Buffer): Promise<BackupHeader> {
  const stream = createReadStream(path);
  try {
    return (await openBackup(stream, master)).header;
  } finally {
    stream.destroy();
  }
}
