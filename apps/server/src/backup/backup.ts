// `acompana backup`: a logical export of every application table in one consistent snapshot,
// streamed in primary-key pages (never the whole database in memory), gzip-compressed and
// sealed in authenticated records (backup-format.ts). Every value travels as its PostgreSQL text
// form, which both databases parse back exactly (bytea, jsonb, arrays, timestamps).
import { once } from 'node:events';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { createWriteStream, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database, Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import { storageErrorOf } from '../kernel/http/storage-errors.ts';
import { createEncryptor, type BackupHeader } from './backup-format.ts';
import {
  applicationTables,
  ident,
  qualified,
  schemaVersions,
  sequenceStates,
  setStableFormats,
  type TableInfo,
} from './catalogue.ts';
import type { BackupLine } from './backup-lines.ts';

export interface BackupReport {
  header: Omit<BackupHeader, 'salt' | 'masterKeyId' | 'format'>;
  /** Rows written per table, in the order they were written. */
  tables: Record<string, number>;
  bytes: number;
}

function line(value: BackupLine): Buffer {
  return Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
}

function pageSize(table: TableInfo): number {
  // Rows with binary columns (encrypted fields, evidence files) can be large: smaller pages.
  return table.columns.some((c) => c.type === 'bytea') ? 100 : 1000;
}

/** Pages through one table in key order (by ctid when it has no primary key) and yields its rows. */
async function* tableRows(tx: Queryable, table: TableInfo): AsyncGenerator<(string | null)[][]> {
  const select = table.columns.map((c, i) => `src.${ident(c.name)}::text AS c${i}`).join(', ');
  const byKey = table.primaryKey.length > 0;
  const keyIndexes = table.primaryKey.map((k) => table.columns.findIndex((c) => c.name === k));
  // Qualified with the table alias: ORDER BY a bare name would pick the text output column.
  const order = byKey ? table.primaryKey.map((k) => `src.${ident(k)}`).join(', ') : 'src.ctid';
  const after = byKey
    ? `(${order}) > (${keyIndexes.map((ci, i) => `$${i + 1}::text::${table.columns[ci]?.type ?? 'text'}`).join(', ')})`
    : 'src.ctid > $1::text::tid';
  const limit = pageSize(table);
  let cursor: (string | null)[] | undefined;
  for (;;) {
    const sql = `SELECT ${byKey ? '' : 'src.ctid::text AS row_ctid, '}${select} FROM ${qualified(table.name)} AS src${cursor ? ` WHERE ${after}` : ''} ORDER BY ${order} LIMIT ${limit}`;
    const { rows } = await tx.query<Record<string, string | null>>(sql, cursor ?? []);
    if (rows.length === 0) return;
    const values = rows.map((row) => table.columns.map((_c, i) => row[`c${i}`] ?? null));
    yield values;
    if (rows.length < limit) return;
    const last = rows[rows.length - 1] as Record<string, string | null>;
    cursor = byKey ? keyIndexes.map((ci) => last[`c${ci}`] ?? null) : [last.row_ctid ?? null];
  }
}

async function* backupLines(
  tx: Queryable,
  tables: TableInfo[],
  counts: Record<string, number>,
): AsyncGenerator<Buffer> {
  for (const table of tables) {
    yield line({ table: table.name, columns: table.columns.map((c) => [c.name, c.type]) });
    counts[table.name] = 0;
    for await (const page of tableRows(tx, table)) {
      counts[table.name] = (counts[table.name] ?? 0) + page.length;
      yield Buffer.concat(page.map((row) => line(row)));
    }
  }
  for (const sequence of await sequenceStates(tx))
    yield line({ sequence: sequence.name, value: sequence.value, isCalled: sequence.isCalled });
  yield line({ end: counts });
}

/** Writes an encrypted backup of `db` to `sink` (a file, or an HTTP response). */
export async function writeBackup(
  db: Database,
  master: Buffer,
  sink: Writable,
  clock: () => Date = () => new Date(),
  options: { end?: boolean } = {},
): Promise<BackupReport> {
  return db.transaction(async (tx) => {
    // One snapshot for the whole export: rows written meanwhile are either all in or all out.
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await setStableFormats(tx);
    const header = { createdAt: clock().toISOString(), sourceKind: db.kind, schema: await schemaVersions(tx) };
    const tables = await applicationTables(tx);
    const counts: Record<string, number> = {};
    let bytes = 0;
    const encryptor = createEncryptor(master, header);
    encryptor.on('data', (chunk: Buffer) => (bytes += chunk.length));
    // end: false leaves an HTTP response open for its trailers (online-backup.ts).
    await pipeline(Readable.from(backupLines(tx, tables, counts)), createGzip(), encryptor, sink, {
      end: options.end ?? true,
    });
    return { header, tables: counts, bytes };
  });
}

/**
 * Writes the backup to `path` durably and atomically: into `path.tmp` (mode 0600), fsync, rename,
 * fsync of the directory. A failure leaves no partial file under the final name.
 */
export async function backupToFile(
  db: Database,
  master: Buffer,
  path: string,
  clock?: () => Date,
): Promise<BackupReport> {
  return writeFileAtomically(path, (out) => writeBackup(db, master, out, clock));
}

/**
 * Runs `produce` into `path.tmp` (0600), then fsync, rename over `path` and fsync of the directory.
 * Any failure removes the temporary file and leaves whatever was at `path` untouched; a full or
 * read-only target is reported as backup.target_full / backup.target_read_only naming the file.
 */
export async function writeFileAtomically<T>(path: string, produce: (out: Writable) => Promise<T>): Promise<T> {
  const tmp = `${path}.tmp`;
  let out: WriteStream | undefined;
  try {
    await rm(tmp, { force: true });
    out = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
    await once(out, 'open');
    const result = await produce(out);
    if (!out.writableFinished) await once(out, 'finish');
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(tmp, 0o600);
    await rename(tmp, path);
    const dir = await open(dirname(path), 'r');
    try {
      await dir.sync();
    } catch {
      // Some file systems refuse fsync on a directory; the rename is still atomic.
    } finally {
      await dir.close();
    }
    return result;
  } catch (error) {
    out?.destroy();
    await rm(tmp, { force: true }).catch(() => undefined);
    throw targetError(error, path) ?? error;
  }
}

/** A full or read-only backup target, as an error that names the file; undefined for anything else. */
export function targetError(error: unknown, path: string): AppError | undefined {
  const storage = storageErrorOf(error);
  if (storage?.code === 'storage.full') return new AppError('backup.target_full', { params: { path } });
  if (storage?.code === 'storage.read_only') return new AppError('backup.target_read_only', { params: { path } });
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return new AppError('backup.target_read_only', { params: { path } });
  return undefined;
}
