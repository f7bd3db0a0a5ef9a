// Key rotation must cover every encrypted column even when only the runtime is opened (the CLI
// never builds the HTTP app): a fresh process that imports bootstrap.ts alone must see them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

describe('encrypted columns registered for rotation', () => {
  it('include the columns of every module when only the runtime is loaded', () => {
    const script = `
      await import('./apps/server/src/bootstrap.ts');
      const { encryptedColumns } = await import('./apps/server/src/kernel/crypto/key-rotation.ts');
      console.log(JSON.stringify(encryptedColumns().map((c) => c.table + '.' + c.column)));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const columns = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
    for (const column of ['people.given_names', 'people.surnames', 'people.documents', 'people.notes', 'screenings.answers', 'match_candidates.note', 'incident_events.narrative', 'referrals.snapshot']) assert.ok(columns.includes(column), `${column} missing from ${columns.join(', ')}`);
  });
});
