import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDeadlineCommand } from './deadline-command.ts';

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runDeadlineCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('deadline command (in process)', () => {
  it('prints only the due date on stdout', () => {
    assert.deepEqual(run('mx.revision', '2025-08-26'), { code: 0, stdout: '2025-09-18\n', stderr: '' });
  });

  it('prints "none" for a rule without a deadline and explains on stderr', () => {
    const { code, stdout, stderr } = run('mx.amparo.any_time', '2025-06-01');
    assert.equal(code, 0);
    assert.equal(stdout, 'none\n');
    assert.match(stderr, /cualquier tiempo/);
  });

  it('uses base calendars unless another is asked for', () => {
    assert.equal(run('mx.comar.application', '2024-05-20').stdout, '2024-07-01\n');
    assert.equal(
      run('mx.comar.application', '2024-05-20', '--calendar', 'mx-federal-admin+segob').stdout,
      '2024-07-04\n',
    );
  });

  it('accepts declared days on the command line and from a JSON file', () => {
    assert.equal(
      run('mx.comar.application', '2025-03-10', '--extra-day', '2025-04-17=DOF', '--extra-day', '2025-04-18=DOF')
        .stdout,
      '2025-04-24\n',
    );
    const dir = mkdtempSync(join(tmpdir(), 'deadline-'));
    const file = join(dir, 'extra.json');
    writeFileSync(file, JSON.stringify([{ date: '2025-04-17', reason: 'Jueves Santo', source: 'DOF' }]));
    assert.equal(run('mx.comar.application', '2025-03-10', '--calendar-extra', file).stdout, '2025-04-23\n');
  });

  it('pins a rule version, takes a time zone and a window', () => {
    assert.equal(run('us.eoir.filing.individual', '2025-03-17', '--rule-version', '1').stdout, '2025-02-28\n');
    assert.equal(
      run('mx.inm.detention.max', '2025-03-10T08:00', '--tz', 'America/Tijuana').stdout,
      '2025-03-12T03:00:00.000Z\n',
    );
    assert.equal(
      run('us.tps.reregistration', '2025-01-17', '--window', '2025-01-17..2025-03-18').stdout,
      '2025-03-18\n',
    );
  });

  it('prints the whole result as JSON with --json', () => {
    const result = JSON.parse(run('us.bia.appeal', '2025-10-28', '--json').stdout);
    assert.equal(result.dueDate, '2025-11-28');
    assert.equal(result.ruleVersion, 1);
    assert.equal(result.rolled, true);
  });

  it('lists the rules and prints usage', () => {
    assert.match(run('--list').stdout, /^mx\.comar\.application\t30 working_days/m);
    assert.match(run('--help').stdout, /usage: npm run --silent deadline/);
  });

  it('exits non-zero with a message for bad input', () => {
    assert.equal(run('nope', '2025-01-01').code, 3);
    assert.equal(run('mx.revision', '2025-02-30').code, 1);
    assert.equal(run('mx.revision').code, 2);
    assert.equal(run('mx.revision', '2025-01-01', '--lang', 'fr').code, 2);
    assert.equal(run('mx.revision', '2025-01-01', '--bogus').code, 2);
    const far = run('mx.revision', '2045-01-10');
    assert.equal(far.code, 1);
    assert.match(far.stderr, /cannot compute: calendar mx-federal-admin has no data for year 2045/);
  });
});
