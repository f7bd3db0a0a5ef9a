// Benchmark of small-cell suppression on typical bulletin tables: 20 act types × 32 states,
// counts drawn from a skewed model (a few busy states and common acts, many small or empty cells).
// Each table is protected (primary, line rule, LP attack until it fails). Prints ONE JSON line.
//   node --import tsx bench/statistics/suppression.bench.ts [TABLES]
import { performance } from 'node:perf_hooks';
import { suppressCounts } from '../../packages/core/src/statistics/index.ts';
import type { DimensionSpec } from '../../packages/core/src/statistics/index.ts';
import { seededRandom as rng } from '../../packages/core/src/util/seeded-random.ts';

const TABLES = Number(process.argv[2] ?? 200);
const ROWS = 20;
const COLS = 32;
const random = rng(106);

function poisson(mean: number): number {
  // Knuth's method is fine for the small means of a table cell; large means use a normal approximation.
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * (random() + random() + random() - 1.5) * 2));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

function table(): number[][] {
  const rowRate = Array.from({ length: ROWS }, () => Math.exp(1 + random() * 3));
  const colWeight = Array.from({ length: COLS }, () => Math.exp(random() * 2.5) / 4);
  return rowRate.map((r) => colWeight.map((w) => poisson(r * w)));
}

const dimensions: DimensionSpec[] = [
  { name: 'Act', categories: Array.from({ length: ROWS }, (_, i) => `act-${i}`), hxl: '#event+type' },
  { name: 'State', categories: Array.from({ length: COLS }, (_, i) => `MX${String(i + 1).padStart(2, '0')}`), hxl: '#adm1+code' },
];
const inputs = Array.from({ length: TABLES }, table);
for (const counts of inputs.slice(0, 5)) suppressCounts({ dimensions, counts }); // warm-up

const times: number[] = [];
let cells = 0;
let primary = 0;
let secondary = 0;
let innerHidden = 0;
let hiddenShare = 0;
const started = performance.now();
for (const counts of inputs) {
  const t0 = performance.now();
  const { report } = suppressCounts({ dimensions, counts });
  times.push(performance.now() - t0);
  cells += report.cells;
  primary += report.primary;
  secondary += report.secondary;
  innerHidden += report.informationLoss.innerCellShare;
  hiddenShare += report.informationLoss.hiddenCountShare;
}
const ms = performance.now() - started;
times.sort((a, b) => a - b);
const pct = (x: number): number => Math.round(x * 1000) / 10;
console.log(
  JSON.stringify({
    benchmark: 'statistics/suppression',
    tables: TABLES,
    shape: `${ROWS}x${COLS}`,
    tablesPerSecond: Math.round((TABLES / ms) * 1000 * 10) / 10,
    p50Ms: Math.round(times[Math.floor(TABLES / 2)]! * 10) / 10,
    p95Ms: Math.round(times[Math.floor(TABLES * 0.95)]! * 10) / 10,
    cellsSuppressedPct: pct((primary + secondary) / cells),
    primaryPct: pct(primary / cells),
    secondaryPct: pct(secondary / cells),
    innerCellsSuppressedPct: pct(innerHidden / TABLES),
    hiddenCountPct: pct(hiddenShare / TABLES),
  }),
);
