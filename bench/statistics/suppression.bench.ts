// Benchmark of small-cell suppression on typical bulletin tables, counts drawn from a skewed model
// (a few busy states and common acts, many small or empty cells):
//   - 2-way: 20 act types × 32 states;
//   - 3-way: 32 states × 12 months × 3 sexes, every margin published (4,752 cells with margins).
// Each table is protected by suppressCounts with its default options. Prints one JSON line per case.
//   node --import tsx bench/statistics/suppression.bench.ts [TABLES_2WAY] [TABLES_3WAY]
import { performance } from 'node:perf_hooks';
import { suppressCounts } from '../../packages/core/src/statistics/index.ts';
import type { DimensionSpec, NestedCounts } from '../../packages/core/src/statistics/index.ts';
import { seededRandom as rng } from '../../packages/core/src/util/seeded-random.ts';

const TABLES = Number(process.argv[2] ?? 200);
const TABLES_3WAY = Number(process.argv[3] ?? 10);
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

const labels = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);

function twoWay(): number[][] {
  const rowRate = Array.from({ length: 20 }, () => Math.exp(1 + random() * 3));
  const colWeight = Array.from({ length: 32 }, () => Math.exp(random() * 2.5) / 4);
  return rowRate.map((r) => colWeight.map((w) => poisson(r * w)));
}

/** State × month × sex: busy and quiet states, a seasonal month effect, few of the third sex. */
function threeWay(): number[][][] {
  const stateRate = Array.from({ length: 32 }, () => Math.exp(2 + random() * 3));
  const monthWeight = Array.from({ length: 12 }, (_, m) => 0.7 + 0.6 * Math.sin((m / 12) * 2 * Math.PI) ** 2);
  const sexWeight = [0.55, 0.42, 0.03];
  return stateRate.map((r) => monthWeight.map((w) => sexWeight.map((s) => poisson(r * w * s))));
}

function run(name: string, shape: string, dimensions: DimensionSpec[], inputs: NestedCounts[], warmUp: number): void {
  for (const counts of inputs.slice(0, warmUp)) suppressCounts({ dimensions, counts });
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
  const n = inputs.length;
  const pct = (x: number): number => Math.round(x * 1000) / 10;
  console.log(
    JSON.stringify({
      benchmark: name,
      tables: n,
      shape,
      tablesPerSecond: Math.round((n / ms) * 1000 * 10) / 10,
      p50Ms: Math.round(times[Math.floor(n / 2)]! * 10) / 10,
      p95Ms: Math.round(times[Math.min(n - 1, Math.floor(n * 0.95))]! * 10) / 10,
      maxMs: Math.round(times[n - 1]! * 10) / 10,
      cellsSuppressedPct: pct((primary + secondary) / cells),
      primaryPct: pct(primary / cells),
      secondaryPct: pct(secondary / cells),
      innerCellsSuppressedPct: pct(innerHidden / n),
      hiddenCountPct: pct(hiddenShare / n),
    }),
  );
}

const acts: DimensionSpec[] = [
  { name: 'Act', categories: labels('act-', 20), hxl: '#event+type' },
  { name: 'State', categories: labels('MX', 32), hxl: '#adm1+code' },
];
const twoWayInputs = Array.from({ length: TABLES }, twoWay);
const people: DimensionSpec[] = [
  { name: 'State', categories: labels('MX', 32), hxl: '#adm1+code' },
  { name: 'Month', categories: labels('2025-', 12), hxl: '#date+month' },
  { name: 'Sex', categories: ['F', 'M', 'X'], hxl: '#sex' },
];
const threeWayInputs = Array.from({ length: TABLES_3WAY }, threeWay);
if (TABLES > 0) run('statistics/suppression', '20x32', acts, twoWayInputs, 5);
if (TABLES_3WAY > 0) run('statistics/suppression-3way', '32x12x3', people, threeWayInputs, 0);
