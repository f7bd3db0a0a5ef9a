// Accuracy of the AM/PM engine (docs/decisions/0131) on a folder with left.csv (reports), right.csv
// (remains) and truth.csv (left_id,right_id). Prints ONE JSON line: recall@10, top-1, precision and
// recall of `match`, true pairs excluded by a hard rule (with the rules), seconds.
// Run: node --import tsx bench/matching/ampm-accuracy.ts [--data DIR] [--verbose]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainAmPm, linkAmPmModel, prepareAmPmModel, type AmPmRecord, type LinkRow } from '@acompana/core';
import { readAmPmCsv } from '../../packages/cli/src/link/ampm-csv.ts';

export interface AmPmFigures {
  reports: number;
  remains: number;
  truePairs: number;
  recallAt10: number;
  top1: number;
  matchPrecision: number;
  matchRecall: number;
  predictedMatches: number;
  trueExcluded: number;
  excludedBy: Record<string, number>;
  matchShare: number;
  pairsCompared: number;
  seconds: number;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

export function evaluateAmPm(
  left: readonly AmPmRecord[],
  right: readonly AmPmRecord[],
  truth: ReadonlyMap<string, string>,
  verbose = false,
): AmPmFigures {
  const t0 = performance.now();
  const model = prepareAmPmModel(left, right);
  const result = linkAmPmModel(model, { top: 10 });
  const seconds = (performance.now() - t0) / 1000;
  const byLeft = new Map<string, LinkRow[]>();
  for (const r of result.rows) {
    const list = byLeft.get(r.leftId) ?? [];
    list.push(r);
    byLeft.set(r.leftId, list);
  }
  let listed = 0;
  let first = 0;
  let tp = 0;
  let predicted = 0;
  for (const r of result.rows) {
    if (r.decision !== 'match') continue;
    predicted++;
    if (truth.get(r.leftId) === r.rightId) tp++;
    else if (verbose) console.error(`FP ${r.leftId} ${r.rightId} ${r.score.toFixed(4)}`);
  }
  const leftIndex = new Map(left.map((r, i) => [r.id, i]));
  const rightIndex = new Map(right.map((r, i) => [r.id, i]));
  const excludedBy: Record<string, number> = {};
  let trueExcluded = 0;
  for (const [l, r] of truth) {
    const rows = byLeft.get(l) ?? [];
    const pos = rows.findIndex((x) => x.rightId === r);
    if (pos >= 0) listed++;
    if (pos === 0) first++;
    const e = explainAmPm(model, leftIndex.get(l) as number, rightIndex.get(r) as number);
    if (e.excluded) {
      trueExcluded++;
      for (const x of e.exclusions) excludedBy[x.rule] = (excludedBy[x.rule] ?? 0) + 1;
    }
    if (verbose && pos !== 0) {
      console.error(`MISS ${l} ${r} rank ${pos} weight ${e.totalWeight} ${e.exclusions.map((x) => x.en).join('; ')}`);
      if (rows[0]) {
        const b = explainAmPm(model, leftIndex.get(l) as number, rightIndex.get(rows[0].rightId) as number);
        console.error(`  best ${rows[0].rightId} weight ${b.totalWeight}`);
        for (const x of b.reasons) console.error(`    + ${x.weight} ${x.en}`);
      }
      for (const x of e.reasons) console.error(`    = ${x.weight} ${x.en}`);
    }
  }
  return {
    reports: left.length,
    remains: right.length,
    truePairs: truth.size,
    recallAt10: round(listed / Math.max(1, truth.size)),
    top1: round(first / Math.max(1, truth.size)),
    matchPrecision: round(predicted ? tp / predicted : 0),
    matchRecall: round(tp / Math.max(1, truth.size)),
    predictedMatches: predicted,
    trueExcluded,
    excludedBy,
    matchShare: round(result.matchShare),
    pairsCompared: result.pairsCompared,
    seconds: round(seconds),
  };
}

export function readTruth(text: string): Map<string, string> {
  const truth = new Map<string, string>();
  for (const line of text.trim().split('\n').slice(1)) {
    const [l, r] = line.trim().split(',');
    if (l && r) truth.set(l, r);
  }
  return truth;
}

function main(): void {
  const args = process.argv.slice(2);
  const dataArg = args.indexOf('--data');
  const dir = dataArg >= 0 ? (args[dataArg + 1] as string) : '/work/shared/data/linkage/ampm-sample';
  const left = readAmPmCsv(readFileSync(join(dir, 'left.csv'), 'utf8'), 'left.csv', false);
  const right = readAmPmCsv(readFileSync(join(dir, 'right.csv'), 'utf8'), 'right.csv', true);
  const truth = readTruth(readFileSync(join(dir, 'truth.csv'), 'utf8'));
  const figures = evaluateAmPm(left, right, truth, args.includes('--verbose'));
  console.log(JSON.stringify({ dataset: dir, ...figures }));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
