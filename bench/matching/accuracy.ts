// Accuracy of the matching engine on the shared linkage datasets. Prints ONE JSON line:
// precision / recall / F1 of "match" decisions and recall@10 (true pair among the top 10 rows) per
// dataset. Run: node --import tsx bench/matching/accuracy.ts [--verbose] [--data DIR]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDuplicates, linkRecords, type LinkRow, type PersonRecord } from '@acompana/core';
import { readPersonCsv } from '../../packages/cli/src/link/person-csv.ts';

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
  recallAt10: number;
  truePairs: number;
  predictedMatches: number;
  seconds: number;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
const round = (x: number): number => Math.round(x * 10000) / 10000;

/** Scores rows against a set of true pairs (unordered in one-file mode, ordered otherwise). */
export function evaluate(rows: readonly LinkRow[], truth: Set<string>, ordered: boolean, seconds: number): Figures {
  const key = (a: string, b: string): string => (ordered ? `${a}|${b}` : pairKey(a, b));
  let tp = 0;
  let predicted = 0;
  const listed = new Set<string>();
  for (const r of rows) {
    const k = key(r.leftId, r.rightId);
    listed.add(k);
    if (r.decision !== 'match') continue;
    predicted++;
    if (truth.has(k)) tp++;
  }
  let found = 0;
  for (const t of truth) if (listed.has(t)) found++;
  const precision = predicted ? tp / predicted : 0;
  const recall = truth.size ? tp / truth.size : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    recallAt10: round(truth.size ? found / truth.size : 0),
    truePairs: truth.size,
    predictedMatches: predicted,
    seconds: round(seconds),
  };
}

/** FEBRL truth: every two records sharing the number N in rec-N-org / rec-N-dup-K. */
export function febrlTruth(records: readonly PersonRecord[]): Set<string> {
  const groups = new Map<string, string[]>();
  for (const r of records) {
    const n = r.id.split('-')[1] ?? r.id;
    const g = groups.get(n) ?? [];
    g.push(r.id);
    groups.set(n, g);
  }
  const truth = new Set<string>();
  for (const g of groups.values())
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) truth.add(pairKey(g[i] as string, g[j] as string));
  return truth;
}

function load(path: string): PersonRecord[] {
  return readPersonCsv(readFileSync(path, 'utf8'), path);
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const dataArg = args.indexOf('--data');
  const dir = dataArg >= 0 ? (args[dataArg + 1] as string) : '/work/shared/data/linkage';
  const result: Record<string, Figures> = {};
  for (const name of ['febrl1', 'febrl2', 'febrl3']) {
    const records = load(join(dir, `${name}.csv`));
    const t0 = performance.now();
    const rows = findDuplicates(records, { top: 10 });
    result[name] = evaluate(rows, febrlTruth(records), false, (performance.now() - t0) / 1000);
    if (verbose) report(name, rows, febrlTruth(records), false, records, records);
  }
  const left = load(join(dir, 'migrants-sample/left.csv'));
  const right = load(join(dir, 'migrants-sample/right.csv'));
  const truthText = readFileSync(join(dir, 'migrants-sample/truth.csv'), 'utf8').trim().split('\n').slice(1);
  const truth = new Set(truthText.map((l) => l.trim().replace(',', '|')));
  const t0 = performance.now();
  const rows = linkRecords(left, right, { top: 10 });
  result['migrants-sample'] = evaluate(rows, truth, true, (performance.now() - t0) / 1000);
  if (verbose) report('migrants-sample', rows, truth, true, left, right);
  console.log(JSON.stringify(result));
}

function report(
  name: string,
  rows: readonly LinkRow[],
  truth: Set<string>,
  ordered: boolean,
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
): void {
  const byId = new Map<string, PersonRecord>();
  for (const r of [...left, ...right]) byId.set(r.id, r);
  const show = (id: string): string => {
    const r = byId.get(id);
    return r
      ? [
          r.givenNames,
          r.surnames,
          r.sex,
          r.birthDate,
          r.ageMin,
          r.ageMax,
          r.nationality,
          r.originPlace,
          r.documentId,
          r.eventDate,
          r.address,
        ].join(' | ')
      : id;
  };
  const key = (a: string, b: string): string => (ordered ? `${a}|${b}` : pairKey(a, b));
  const matched = new Set<string>();
  const listed = new Map<string, number>();
  for (const r of rows) {
    listed.set(key(r.leftId, r.rightId), r.score);
    if (r.decision === 'match') matched.add(key(r.leftId, r.rightId));
  }
  for (const r of rows) {
    if (r.decision === 'match' && !truth.has(key(r.leftId, r.rightId)))
      console.error(`${name} FP ${r.score.toFixed(3)}\n  ${show(r.leftId)}\n  ${show(r.rightId)}`);
  }
  for (const t of truth) {
    if (matched.has(t)) continue;
    const [a, b] = t.split('|') as [string, string];
    console.error(
      `${name} FN ${listed.has(t) ? (listed.get(t) as number).toFixed(3) : 'not listed'}\n  ${show(a)}\n  ${show(b)}`,
    );
  }
}

main();
