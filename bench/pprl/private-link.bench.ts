// Speed of privacy-preserving linkage on synthetic records (bench/matching/generate.ts): 10,000
// encoded reports against 1,000,000 encoded records. The encode step (each owner, clear records
// in) and the match step (encodings only: token index, model estimation, blocking and Dice
// comparisons) are timed apart. Prints ONE JSON line.
// Run: npm run bench -- private-link [--size 1000000] [--reports 10000]
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createEncoder, linkEncoded, parseEncoded, serializeEncoded, type PersonRecord } from '@acompana/core';
import { generateStream } from '../matching/generate.ts';

const round = (x: number): number => Math.round(x * 1000) / 1000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function main(): void {
  const size = arg('--size', 1_000_000);
  const reportCount = arg('--reports', 10_000);
  const secret = randomBytes(32);
  const t0 = performance.now();
  const rightEncoder = createEncoder({ secret, ownerKey: randomBytes(32) });
  const rightIds: string[] = [];
  const gen = generateStream(size, reportCount, (p: PersonRecord) => {
    rightIds.push(p.id);
    rightEncoder.add(p);
  });
  const right = rightEncoder.finish();
  const leftEncoder = createEncoder({ secret, ownerKey: randomBytes(32) });
  for (const r of gen.reports) leftEncoder.add(r);
  const left = leftEncoder.finish();
  const t1 = performance.now();
  // What travels: the wire form of the reports (the records' side is indexed where it lives).
  const wire = serializeEncoded(left);
  const received = parseEncoded(wire);
  const t2 = performance.now();
  const cpu0 = process.cpuUsage();
  const rows = linkEncoded(received, right, { top: 10 });
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  let listed = 0;
  let tp = 0;
  let predicted = 0;
  for (const row of rows) {
    const ok = gen.truth.get((gen.reports[row.leftIndex] as PersonRecord).id) === rightIds[row.rightIndex];
    if (ok) listed++;
    if (row.decision === 'match') {
      predicted++;
      if (ok) tp++;
    }
  }
  console.log(
    JSON.stringify({
      records: size,
      reports: reportCount,
      encodeSeconds: round((t1 - t0) / 1000),
      wireBytesPerRecord: Math.round(wire.length / Math.max(1, left.size)),
      matchSeconds: round((t3 - t2) / 1000),
      // On a machine shared with other work, CPU time says what the match step itself costs.
      matchCpuSeconds: round((cpu.user + cpu.system) / 1e6),
      underTarget: (t3 - t2) / 1000 < 120,
      loadAverage: os.loadavg().map((x) => round(x)),
      candidateRows: rows.length,
      recallAt10: round(listed / gen.truth.size),
      matchPrecision: round(predicted ? tp / predicted : 0),
      matchRecall: round(tp / gen.truth.size),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main();
