// A throwaway PostgreSQL cluster of the test's own (initdb, as the postgres user when the test runs
// as root), and a hot standby of it (pg_basebackup -R, streaming). The machine's shared server
// does not accept replication connections; this one does (initdb -A trust).
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './real-server.ts';

/** The newest PostgreSQL server binaries on this machine, or null. */
export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

export interface Cluster {
  port: number;
  url(database?: string): string;
  stop(mode?: 'fast' | 'immediate'): void;
}

export function createClusters(binDir: string) {
  const root = mkdtempSync(join(tmpdir(), 'acompana-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const pgUser = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const pgGroup = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(root, Number(pgUser), Number(pgGroup));
  }
  chmodSync(root, 0o700);
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args], { stdio: 'pipe', cwd: root })
      : execFileSync(join(binDir, tool), args, { stdio: 'pipe', cwd: root });

  function start(dir: string, port: number): Cluster {
    run('pg_ctl', [
      '-D',
      dir,
      '-l',
      join(root, `${port}.log`),
      '-o',
      `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-w',
      'start',
    ]);
    let running = true;
    return {
      port,
      url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
      stop(mode = 'fast') {
        if (!running) return;
        running = false;
        run('pg_ctl', ['-D', dir, '-m', mode, '-w', 'stop']);
      },
    };
  }

  return {
    async primary(): Promise<Cluster> {
      const dir = join(root, 'primary');
      run('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
      return start(dir, await freePort());
    },
    /** A streaming hot standby of `primary`, read-only, on its own port. */
    async standby(primary: Cluster): Promise<Cluster> {
      const dir = join(root, 'standby');
      run('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(primary.port),
        '-U',
        'postgres',
        '-D',
        dir,
        '-R',
        '-X',
        'stream',
      ]);
      return start(dir, await freePort());
    },
    remove(): void {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
