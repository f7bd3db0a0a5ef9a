// The embedded database's directory is the server user's alone (decision 0128): opening a data
// directory makes it 0700 with 0600 files, including what PGlite writes afterwards and what an
// earlier installation left readable by everyone (the review found 0755 and 0644).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteDatabase } from './pglite-database.ts';

function modes(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) continue;
    out.push(`${(stat.mode & 0o777).toString(8)} ${stat.isDirectory() ? 'dir' : 'file'} ${path.slice(dir.length)}`);
    if (stat.isDirectory()) modes(path, out);
  }
  return out;
}

it('creates the data directory 0700 with 0600 files, and fixes an older world-readable one', async () => {
  const previous = process.umask(0o022);
  const root = mkdtempSync(join(tmpdir(), 'acompana-perm-'));
  try {
    // An installation from before: directory 0755, a file 0644.
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'old-notes.txt'), 'x', { mode: 0o644 });
    chmodSync(join(dataDir, 'old-notes.txt'), 0o644);
    const db = await openPgliteDatabase({ dataDir, purpose: 'test' });
    // Writes after opening create new relation files and WAL: they must be private too.
    await db.exec(
      'CREATE TABLE t (v text); INSERT INTO t SELECT repeat(md5(g::text), 20) FROM generate_series(1, 2000) g',
    );
    await db.exec('CHECKPOINT');
    await db.close();
    assert.equal((lstatSync(dataDir).mode & 0o777).toString(8), '700');
    const all = modes(dataDir);
    assert.ok(all.length > 50, `only ${all.length} entries`);
    const open = all.filter((m) => !(m.startsWith('700 dir') || m.startsWith('600 file')));
    assert.deepEqual(open, []);
  } finally {
    process.umask(previous);
    rmSync(root, { recursive: true, force: true });
  }
});
