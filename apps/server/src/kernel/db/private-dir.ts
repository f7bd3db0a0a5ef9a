// The embedded database's directory is readable by the server's own user only (decision 0128):
// directories 0700, files 0600. The rows are encrypted where they hold personal data, but the
// directory also holds indexes, the audit log, blind indexes and the fields kept in clear, and
// another account on the machine has no business reading any of it.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const PRIVATE_UMASK = 0o077;

/** Creates the directory (and parents) if needed and makes it 0700 even when it existed. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * Files the process creates from now on are private whatever the inherited umask (PGlite creates
 * relation files, WAL segments and its own directories with the default modes).
 */
export function usePrivateUmask(): void {
  process.umask(process.umask() | PRIVATE_UMASK);
}

/** Makes a whole tree private: directories 0700, files 0600; symbolic links are left alone. */
export function privatiseTree(dir: string): number {
  let changed = 0;
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    const want = stat.isDirectory() ? 0o700 : 0o600;
    if ((stat.mode & 0o777) !== want) {
      chmodSync(path, want);
      changed += 1;
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return changed;
}
