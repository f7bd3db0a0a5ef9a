// Speed of the matching engine on synthetic records: 10,000 family reports against 100,000 and
// 1,000,000 found records. Prints ONE JSON line. Run: node --import tsx bench/matching/link.bench.ts
// [--max 1000000] (the default runs both sizes; pass --max 100000 for a quick run) [--reports 10000]
// [--only-large] (one run of --max records only).
import { linkPrepared, prepareRecord, type PreparedRecord } from '@acompana/core';
import { generateStream } from './generate.ts';

interface Run {
  records: number;
  reports: number;
  prepareSeconds: number;
  linkSeconds: number;
  totalSeconds: number;
  reportsPerSecond: number;
  recallAt10: number;
  matchPrecision: number;
  matchRecall: number;
}

function runOnce(size: number, reports: number): Run {
  const population: PreparedRecord[] = [];
  const t0 = performance.now();
  const gen = generateStream(size, reports, (p) => population.push(prepareRecord(p, population.length)));
  const left = gen.reports.map((r, i) => prepareRecord(r, i));
  const t1 = performance.now();
  const rows = linkPrepared(left, population, { top: 10 });
  const t2 = performance.now();
  let listed = 0;
  let tp = 0;
  let predicted = 0;
  for (const row of rows) {
    const ok = gen.truth.get(row.leftId) === row.rightId;
    if (ok) listed++;
    if (row.decision === 'match') {
      predicted++;
      if (ok) tp++;
    }
  }
  const linkSeconds = (t2 - t1) / 1000;
  return {
    records: size,
    reports,
    prepareSeconds: round((t1 - t0) / 1000),
    linkSeconds: round(linkSeconds),
    totalSeconds: round((t2 - t0) / 1000),
    reportsPerSecond: Math.round(reports / linkSeconds),
    recallAt10: round(listed / gen.truth.size),
    matchPrecision: round(predicted ? tp / predicted : 0),
    matchRecall: round(tp / gen.truth.size),
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function main(): void {
  const args = process.argv.slice(2);
  const maxArg = args.indexOf('--max');
  const max = maxArg >= 0 ? Number(args[maxArg + 1]) : 1_000_000;
  const reportsArg = args.indexOf('--reports');
  const reports = reportsArg >= 0 ? Number(args[reportsArg + 1]) : 10_000;
  // --only-large: the 1M run alone (e.g. precision of `match` at 2,000 reports x 1M, decision 0131).
  if (args.includes('--only-large')) {
    const run = runOnce(max, reports);
    console.log(JSON.stringify({ ...run, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    return;
  }
  const small = runOnce(100_000, reports);
  const large = max >= 1_000_000 ? runOnce(1_000_000, reports) : null;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({
      reportsPerSecond100k: small.reportsPerSecond,
      seconds10kx100k: small.linkSeconds,
      seconds10kx1M: large?.linkSeconds ?? null,
      reportsPerSecond1M: large?.reportsPerSecond ?? null,
      growthRatio100kTo1M: large ? round(large.linkSeconds / small.linkSeconds) : null,
      peakRssMb,
      runs: large ? [small, large] : [small],
    }),
  );
}

main();
