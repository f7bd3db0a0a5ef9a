import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../../', import.meta.url).pathname;
const fixtures = join(root, 'tests/fixtures/linkage');

function link(args: string[]): { status: number | null; stdout: string; stderr: string; rows: string[][] } {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/link-main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const rows = res.stdout
    .trim()
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(','));
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, rows };
}

describe('link --private', () => {
  it('links two files from their encodings alone, same CSV as without the flag, nearly as accurate', () => {
    const res = link([
      join(fixtures, 'migrants-left.csv'),
      join(fixtures, 'migrants-right.csv'),
      '--private',
      '--top',
      '3',
    ]);
    assert.equal(res.status, 0, res.stderr);
    assert.equal(res.stdout.split('\n')[0], 'left_id,right_id,score,decision');
    const perLeft = new Map<string, number[]>();
    for (const [left, , score, decision] of res.rows) {
      assert.ok(decision === 'match' || decision === 'possible');
      perLeft.set(left as string, [...(perLeft.get(left as string) ?? []), Number(score)]);
    }
    for (const scores of perLeft.values()) {
      assert.ok(scores.length <= 3);
      for (let i = 1; i < scores.length; i++) assert.ok((scores[i - 1] as number) >= (scores[i] as number));
    }
    const truth = new Set(
      readFileSync(join(fixtures, 'migrants-truth.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.trim().replace(',', '|')),
    );
    const matches = res.rows.filter((r) => r[3] === 'match').map((r) => `${r[0]}|${r[1]}`);
    const tp = matches.filter((m) => truth.has(m)).length;
    const f1 = (2 * tp) / (matches.length + truth.size);
    assert.ok(f1 >= 0.93, `F1 ${f1}`);
  });

  it('finds a duplicate in a small file, each pair once, ids as in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'link-private-'));
    const file = join(dir, 'intake.csv');
    const header = readFileSync(join(fixtures, 'migrants-left.csv'), 'utf8').split('\n')[0];
    const rows = readFileSync(join(fixtures, 'migrants-left.csv'), 'utf8').trim().split('\n').slice(1, 60);
    // The first record typed again at another shelter: accents dropped, day and month swapped.
    const first = (rows[0] as string).split(',');
    const again = [...first];
    again[0] = 'DUP-1';
    again[1] = (first[1] as string)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase();
    const [y, m, d] = (first[4] as string).split('-');
    if (Number(d) <= 12) again[4] = `${y}-${d}-${m}`;
    writeFileSync(file, [header, ...rows, again.join(',')].join('\n') + '\n');
    const res = link([file, '--private']);
    assert.equal(res.status, 0, res.stderr);
    const pairs = res.rows.map((r) => [r[0], r[1]].sort().join('|'));
    assert.equal(new Set(pairs).size, pairs.length, 'a pair listed twice');
    const found = res.rows.find((r) => [r[0], r[1]].includes('DUP-1') && [r[0], r[1]].includes(first[0] as string));
    assert.ok(found, `the duplicate was not listed:\n${res.stdout}`);
    assert.equal(found[3], 'match');
  });
});
