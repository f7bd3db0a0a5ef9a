import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../../', import.meta.url).pathname;
const fixtures = join(root, 'tests/fixtures/linkage');

interface Row {
  left: string;
  right: string;
  score: number;
  decision: string;
}

function link(args: string[]): { status: number | null; stdout: string; stderr: string; rows: Row[] } {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/link-main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const lines = res.stdout.trim().split('\n');
  const rows = lines
    .slice(1)
    .filter(Boolean)
    .map((l) => {
      const [left, right, score, decision] = l.split(',');
      return { left: left as string, right: right as string, score: Number(score), decision: decision as string };
    });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, rows };
}

function f1(predicted: Set<string>, truth: Set<string>): number {
  let tp = 0;
  for (const p of predicted) if (truth.has(p)) tp++;
  const precision = predicted.size ? tp / predicted.size : 0;
  const recall = truth.size ? tp / truth.size : 0;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

describe('the link command', () => {
  it('links reports to records: CSV on stdout, best first, at most --top per report, accurate', () => {
    const res = link([join(fixtures, 'migrants-left.csv'), join(fixtures, 'migrants-right.csv'), '--top', '3']);
    assert.equal(res.status, 0, res.stderr);
    assert.equal(res.stdout.split('\n')[0], 'left_id,right_id,score,decision');
    assert.match(res.stderr, /records compared/);
    const perLeft = new Map<string, Row[]>();
    for (const r of res.rows) {
      assert.ok(r.score >= 0 && r.score <= 1);
      assert.ok(r.decision === 'match' || r.decision === 'possible');
      perLeft.set(r.left, [...(perLeft.get(r.left) ?? []), r]);
    }
    for (const rows of perLeft.values()) {
      assert.ok(rows.length <= 3);
      for (let i = 1; i < rows.length; i++) assert.ok((rows[i - 1] as Row).score >= (rows[i] as Row).score);
    }
    const truth = new Set(
      readFileSync(join(fixtures, 'migrants-truth.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.trim().replace(',', '|')),
    );
    const matches = new Set(res.rows.filter((r) => r.decision === 'match').map((r) => `${r.left}|${r.right}`));
    const listed = new Set(res.rows.map((r) => `${r.left}|${r.right}`));
    assert.ok(f1(matches, truth) >= 0.93, `F1 ${f1(matches, truth)}`);
    const found = [...truth].filter((t) => listed.has(t)).length;
    assert.ok(found / truth.size >= 0.97, `recall@3 ${found / truth.size}`);
  });

  it('finds duplicates in one file, each pair once, with F1 above 0.97 on FEBRL 1', () => {
    const res = link([join(fixtures, 'febrl1.csv')]);
    assert.equal(res.status, 0, res.stderr);
    const seen = new Set<string>();
    for (const r of res.rows) {
      assert.notEqual(r.left, r.right);
      const key = r.left < r.right ? `${r.left}|${r.right}` : `${r.right}|${r.left}`;
      assert.ok(!seen.has(key), `pair ${key} listed twice`);
      seen.add(key);
    }
    const ids = readFileSync(join(fixtures, 'febrl1.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0] as string);
    const truth = new Set<string>();
    const byNumber = new Map<string, string[]>();
    for (const id of ids)
      byNumber.set(id.split('-')[1] as string, [...(byNumber.get(id.split('-')[1] as string) ?? []), id]);
    for (const g of byNumber.values())
      for (let i = 0; i < g.length; i++)
        for (let j = i + 1; j < g.length; j++)
          truth.add((g[i] as string) < (g[j] as string) ? `${g[i]}|${g[j]}` : `${g[j]}|${g[i]}`);
    const matches = new Set(
      res.rows
        .filter((r) => r.decision === 'match')
        .map((r) => (r.left < r.right ? `${r.left}|${r.right}` : `${r.right}|${r.left}`)),
    );
    assert.ok(f1(matches, truth) >= 0.97, `F1 ${f1(matches, truth)}`);
  });

  it('exits non-zero naming file, line and column when a file is malformed, and prints nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'link-'));
    const bad = join(dir, 'bad.csv');
    const header = readFileSync(join(fixtures, 'migrants-left.csv'), 'utf8').split('\n')[0];
    writeFileSync(bad, `${header}\nL1,Ana,Pérez,Z,1990,,,MX,,,,2020-01-01,,\n`);
    const res = link([bad]);
    assert.notEqual(res.status, 0);
    assert.equal(res.stdout, '');
    assert.match(res.stderr, /bad\.csv: line 2, column 4 \(sex\): unknown sex code "Z"/);
  });

  it('refuses a bad --top value with a usage message', () => {
    const res = link([join(fixtures, 'febrl1.csv'), '--top', 'zero']);
    assert.equal(res.status, 2);
    assert.match(res.stderr, /--top needs a whole number/);
  });
});
