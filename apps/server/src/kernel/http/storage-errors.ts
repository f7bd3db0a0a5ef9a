// Failures of the disk under the database, recognised so that a person gets a clear message and
// the operator a clear log line. PostgreSQL (and PGlite, which is PostgreSQL) reports a full disk
// as SQLSTATE 53100 disk_full and rolls the statement's transaction back, so nothing was saved;
// a read-only file system surfaces as an I/O error naming EROFS. Node's own file writes (backups)
// carry errno codes.
import { AppError } from '../errors.ts';

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

function* chain(error: unknown): Generator<ErrorLike> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    yield current as ErrorLike;
    current = (current as ErrorLike).cause;
  }
}

/** storage.full or storage.read_only when the error (or its cause) is the disk's, else undefined. */
export function storageErrorOf(error: unknown): AppError | undefined {
  for (const e of chain(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (
      code === '53100' ||
      code === 'ENOSPC' ||
      code === 'EDQUOT' ||
      /No space left on device|Disk quota exceeded/i.test(message)
    )
      return new AppError('storage.full');
    if (code === 'EROFS' || /Read-only file system/i.test(message)) return new AppError('storage.read_only');
  }
  return undefined;
}

/**
 * What of an unexpected error goes to the log: message, code and where PostgreSQL raised it —
 * never the statement's parameters (they hold ciphertext, blind indexes, e-mail addresses).
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!error || typeof error !== 'object') return { message: String(error) };
  const e = error as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ['name', 'message', 'code', 'severity', 'routine', 'stack'])
    if (e[key] !== undefined) out[key] = e[key];
  if (e.cause) out.cause = loggableError(e.cause);
  return out;
}
