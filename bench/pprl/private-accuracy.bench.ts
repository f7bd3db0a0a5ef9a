// Accuracy of privacy-preserving linkage against clear-text linking, measured in the same run on
// the migrants sample: F1 of "match" decisions and recall@10 for both, and their differences.
// Prints ONE JSON line. Run: npm run bench -- private-accuracy (npm run bench -- pprl runs both benchmarks of bench/pprl)
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRecords, linkEncoded, linkRecords, type PersonRecord } from '@acompana/core';
import { readPersonCsv } from '../../packages/cli/src/link/person-csv.ts';

interface Figures {
  precision: number;
  recall: number;
  f1: number;
  recallAt10: number;
  seconds: number;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

function evaluate(
  rows: readonly { left: string; right: string; match: boolean }[],
  truth: Set<string>,
  seconds: number,
): Figures {
  let tp = 0;
  let predicted = 0;
  const listed = new Set<string>();
  for (const r of rows) {
    const k = `${r.left}|${r.right}`;
    listed.add(k);
    if (!r.match) continue;
    predicted++;
    if (truth.has(k)) tp++;
  }
  let found = 0;
  for (const t of truth) if (listed.has(t)) found++;
  const precision = predicted ? tp / predicted : 0;
  const recall = tp / truth.size;
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    recallAt10: round(found / truth.size),
    seconds: round(seconds),
  };
}

export function privateLinkIds(left: readonly PersonRecord[], right: readonly PersonRecord[], top = 10) {
  const secret = randomBytes(32);
  const l = encodeRecords(left, { secret, ownerKey: randomBytes(32) });
  const r = encodeRecords(right, { secret, ownerKey: randomBytes(32) });
  return linkEncoded(l, r, { top }).map((row) => ({
    left: (left[row.leftIndex] as PersonRecord).id,
    right: (right[row.rightIndex] as PersonRecord).id,
    match: row.decision === 'match',
  }));
}

function main(): void {
  const dir = join(process.argv[2] ?? '/work/shared/data/linkage', 'migrants-sample');
  const load = (f: string): PersonRecord[] => readPersonCsv(readFileSync(join(dir, f), 'utf8'), f);
  const left = load('left.csv');
  const right = load('right.csv');
  const truthLines = readFileSync(join(dir, 'truth.csv'), 'utf8').trim().split('\n').slice(1);
  const truth = new Set(truthLines.map((l) => l.trim().replace(',', '|')));
  let t0 = performance.now();
  const clearRows = linkRecords(left, right, { top: 10 }).map((r) => ({
    left: r.leftId,
    right: r.rightId,
    match: r.decision === 'match',
  }));
  const clear = evaluate(clearRows, truth, (performance.now() - t0) / 1000);
  t0 = performance.now();
  const priv = evaluate(privateLinkIds(left, right), truth, (performance.now() - t0) / 1000);
  console.log(
    JSON.stringify({
      dataset: 'migrants-sample',
      clear,
      private: priv,
      f1Gap: round(clear.f1 - priv.f1),
      recallAt10Gap: round(clear.recallAt10 - priv.recallAt10),
      withinTarget: clear.f1 - priv.f1 <= 0.02 && clear.recallAt10 - priv.recallAt10 <= 0.01,
    }),
  );
}

main();
