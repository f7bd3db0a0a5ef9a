// Only one process may open an embedded (PGlite) data directory: two writers would corrupt it.
// The lock is a file created atomically (O_EXCL) holding the owner's pid; a lock left by a
// process that no longer exists (killed, crashed) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string, purpose: string): DataDirLock {
  const path = join(dataDir, 'acompana.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; purpose?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
      } catch {
        // A half-written lock file: its writer died between create and write.
      }
      if (holder.pid && holder.pid !== process.pid && processIsAlive(holder.pid)) {
        throw new AppError('database.data_dir_in_use', {
          params: { dataDir, pid: String(holder.pid), purpose: holder.purpose ?? 'unknown' },
        });
      }
      rmSync(path, { force: true });
    }
  }
  throw new AppError('database.data_dir_in_use', { params: { dataDir, pid: '?', purpose: 'unknown' } });
}
