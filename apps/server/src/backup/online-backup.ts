// The backup of a running server on the embedded database (docs/decisions/0133). PGlite lets one
// process open its data directory, so `acompana backup` cannot open it while the server runs; it
// asks the server instead, through a Unix socket in the data directory (mode 0600: whoever may
// read the data directory and its master key may ask, nobody else, and nothing listens on the
// network). The server streams the same encrypted file from one REPEATABLE READ, READ ONLY
// transaction (writeBackup); on PGlite that transaction holds its single connection, so writes
// wait for the seconds a shelter's database takes and the copy is of one moment. HTTP trailers
// say whether the whole stream was written; the command keeps the file only then.
import { once } from 'node:events';
import { chmod, rm } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../kernel/db/database.ts';
import { AppError, isAppError } from '../kernel/errors.ts';
import { writeBackup, writeFileAtomically, type BackupReport } from './backup.ts';

export const BACKUP_SOCKET = 'acompana-backup.sock';

export function backupSocketPath(dataDir: string): string {
  return join(dataDir, BACKUP_SOCKET);
}

export interface BackupSocket {
  path: string;
  close(): Promise<void>;
}

/** Serves POST /backup on the data directory's socket until closed. */
export async function startBackupSocket(options: {
  db: Database;
  dataDir: string;
  masterKey: () => Buffer;
  clock?: () => Date;
  /** Wraps each backup, to record it (ScheduledBackups.recordOnline). */
  record?: (run: () => Promise<BackupReport>) => Promise<BackupReport>;
  onError?: (error: unknown) => void;
}): Promise<BackupSocket> {
  const record = options.record ?? ((run) => run());
  const path = backupSocketPath(options.dataDir);
  // A socket file left by a server that crashed: this process holds the data directory now.
  await rm(path, { force: true });
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/backup') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', trailer: 'x-backup-status, x-backup-rows' });
    record(() => writeBackup(options.db, options.masterKey(), res, options.clock, { end: false })).then(
      (report) => {
        const rows = Object.values(report.tables).reduce((a, b) => a + b, 0);
        res.addTrailers({ 'x-backup-status': 'ok', 'x-backup-rows': String(rows) });
        res.end();
      },
      (error: unknown) => {
        options.onError?.(error);
        res.addTrailers({ 'x-backup-status': isAppError(error) ? error.code : 'failed' });
        res.end();
      },
    );
  });
  server.listen(path);
  await once(server, 'listening');
  await chmod(path, 0o600);
  return {
    path,
    close: async () => {
      server.close();
      server.closeAllConnections();
      await rm(path, { force: true });
    },
  };
}

/**
 * Asks the server holding `dataDir` for a backup and writes it to `out` atomically; resolves with
 * the number of rows. Fails with backup.server_unreachable when no server answers on the socket.
 */
export async function backupThroughServer(dataDir: string, out: string): Promise<{ rows: number; bytes: number }> {
  const socketPath = backupSocketPath(dataDir);
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    request({ socketPath, method: 'POST', path: '/backup' }, resolve)
      .on('error', (error: NodeJS.ErrnoException) =>
        reject(
          new AppError('backup.server_unreachable', {
            params: { dataDir, reason: error.code ?? error.message },
            cause: error,
          }),
        ),
      )
      .end();
  });
  if (response.statusCode !== 200) {
    response.resume();
    throw new AppError('backup.server_unreachable', { params: { dataDir, reason: `HTTP ${response.statusCode}` } });
  }
  let bytes = 0;
  await writeFileAtomically(out, async (file: Writable) => {
    // Counted on the way (a 'data' listener before the pipe would let bytes flow past the file).
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(response, counter, file);
    const status = response.trailers['x-backup-status'];
    // Not complete: the temporary file is removed and nothing replaces `out`.
    if (status !== 'ok')
      throw new AppError('backup.server_unreachable', {
        params: { dataDir, reason: `the server stopped the backup (${status ?? 'connection closed'})` },
      });
  });
  return { rows: Number(response.trailers['x-backup-rows'] ?? 0), bytes };
}
