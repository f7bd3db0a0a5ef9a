// Recall and cost of each blocking key, measured separately from scoring (ARCHITECTURE: "measure
// recall of blocking separately"). Prints one JSON line: per key kind, the average number of
// candidates per report and the share of true pairs it finds; and the same for all keys together.
// Run: node --import tsx bench/matching/blocking-recall.ts [records=100000]
import { buildBlockingIndex, prepareRecord, type PreparedRecord } from '@acompana/core';
import { collectCandidates } from '../../packages/core/src/matching/blocking.ts';
import { generateStream } from './generate.ts';

const KINDS: Record<string, number> = {
  names: 1,
  surnameYear: 2,
  givenYear: 4,
  date: 8,
  document: 16,
  givenMonthDay: 32,
  surnames: 64,
  givenPair: 128,
  skeleton: 256,
  all: 511,
};

const size = Number(process.argv[2] ?? 100_000);
const population: PreparedRecord[] = [];
const gen = generateStream(size, 2000, (p) => population.push(prepareRecord(p, population.length)));
const reports = gen.reports.map((r, i) => prepareRecord(r, i));
const index = buildBlockingIndex(population);
const seen = new Uint32Array(population.length);
const out = new Uint32Array(200_000);
let stamp = 0;
const result: Record<string, { candidates: number; recall: number }> = {};
for (const [name, kind] of Object.entries(KINDS)) {
  let total = 0;
  let hit = 0;
  for (const q of reports) {
    const n = collectCandidates(index, q, seen, ++stamp, out, kind);
    total += n;
    const target = gen.truth.get(q.id);
    if (target)
      for (let i = 0; i < n; i++)
        if (population[out[i] as number]?.id === target) {
          hit++;
          break;
        }
  }
  result[name] = {
    candidates: Math.round(total / reports.length),
    recall: Math.round((hit / gen.truth.size) * 1000) / 1000,
  };
}
console.log(JSON.stringify({ records: size, reports: reports.length, keys: result }));
