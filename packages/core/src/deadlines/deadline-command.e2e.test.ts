// End to end: the `deadline` command as a separate process, as the contract in the issue uses it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function run(...args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/deadline-main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('deadline command', () => {
  it('prints the due date of a COMAR application on one line', () => {
    // Worked example: 30 wd from Mon 10 Mar 2025 -> Tue 22 Apr 2025 (see compute-deadline.mx.test.ts).
    const { code, stdout, stderr } = run('mx.comar.application', '2025-03-10');
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '2025-04-22\n');
  });

  it('fails with the list of known rules for an unknown rule', () => {
    const { code, stdout, stderr } = run('mx.comar.aplication', '2025-03-10');
    assert.notEqual(code, 0);
    assert.equal(stdout, '');
    assert.match(stderr, /unknown rule "mx\.comar\.aplication"/);
    assert.match(stderr, /mx\.comar\.application/);
  });

  it('fails clearly for dates that do not exist or are written day-first', () => {
    for (const bad of ['2025-02-30', '25/02/2025']) {
      const { code, stdout, stderr } = run('mx.comar.application', bad);
      assert.notEqual(code, 0, bad);
      assert.equal(stdout, '');
      assert.match(stderr, /invalid trigger date/);
    }
  });

  it('explains in English on stderr and keeps stdout to the date, and prints instants for hour rules', () => {
    const explained = run('us.bia.appeal', '2025-10-28', '--explain', '--lang', 'en');
    assert.equal(explained.stdout, '2025-11-28\n');
    assert.match(explained.stderr, /Thanksgiving/);
    const hours = run('mx.inm.detention.max', '2025-03-10T08:00');
    assert.equal(hours.stdout, '2025-03-12T02:00:00.000Z\n');
  });
});
