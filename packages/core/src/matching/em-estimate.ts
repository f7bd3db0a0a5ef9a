// Estimation of the model from the data itself, as Splink does: u probabilities from random pairs
// (almost all of which are different people), then m probabilities and the share of matches by
// expectation–maximisation over the candidate pairs that blocking produced. No labelled data needed.
import { FIELD_COUNT, FIELD_LEVELS } from './comparison-vector.ts';

/** Comparison vectors counted by pattern (levels packed 3 bits per field). */
export type PatternCounts = Map<number, number>;

export function packLevels(levels: Uint8Array): number {
  let key = 0;
  for (let f = FIELD_COUNT - 1; f >= 0; f--) key = key * 8 + (levels[f] as number);
  return key;
}

function unpack(key: number, out: number[]): void {
  let k = key;
  for (let f = 0; f < FIELD_COUNT; f++) {
    out[f] = k % 8;
    k = Math.floor(k / 8);
  }
}

function levelCount(f: number): number {
  return FIELD_LEVELS[f]?.length ?? 2;
}

/** u[field][level] from the comparison patterns of random pairs, with add-one smoothing. */
export function estimateU(random: PatternCounts): number[][] {
  const counts = Array.from({ length: FIELD_COUNT }, (_, f) => new Array<number>(levelCount(f)).fill(1));
  const levels: number[] = [];
  for (const [key, n] of random) {
    unpack(key, levels);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const l = levels[f] as number;
      if (l > 0) (counts[f] as number[])[l] = ((counts[f] as number[])[l] as number) + n;
    }
  }
  return counts.map((row) => normalise(row));
}

function normalise(row: number[]): number[] {
  let total = 0;
  for (let l = 1; l < row.length; l++) total += row[l] as number;
  return row.map((v, l) => (l === 0 ? 0 : (v as number) / total));
}

/**
 * Starting m values: what a linkage practitioner would guess (most true pairs agree, a few are
 * typos). EM moves away from them; they also act as a weak prior (pseudo-counts) so that a level
 * never seen among matches keeps a small non-zero probability.
 */
export function defaultM(): number[][] {
  return Array.from({ length: FIELD_COUNT }, (_, f) => {
    const n = levelCount(f);
    const row = new Array<number>(n).fill(0);
    for (let l = 1; l < n; l++) row[l] = l === n - 1 ? 0.02 : Math.pow(0.45, l - 1);
    return normalise(row);
  });
}

export interface EmResult {
  m: number[][];
  /** Share of the candidate pairs that are matches. */
  lambda: number;
  iterations: number;
}

/**
 * Expectation–maximisation of m and λ with u held fixed. Fields listed in `fixed` were used to
 * select the pairs (blocking), so the pairs say nothing about them: they are left out of the
 * likelihood and keep their starting m (Splink's rule for training sessions).
 */
export function estimateM(
  pairs: PatternCounts,
  u: number[][],
  options: { iterations?: number; priorStrength?: number; fixed?: readonly number[]; start?: number[][] } = {},
): EmResult {
  const maxIter = options.iterations ?? 60;
  const strength = options.priorStrength ?? 5;
  const keys = [...pairs.keys()];
  const counts = keys.map((k) => pairs.get(k) as number);
  const unpacked = keys.map((k) => {
    const out: number[] = [];
    unpack(k, out);
    return out;
  });
  const fixed = new Set(options.fixed ?? []);
  let m = (options.start ?? defaultM()).map((row) => row.slice());
  const prior = defaultM();
  let lambda = 0.01;
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    iterations = it + 1;
    const acc = prior.map((row) => row.map((v) => v * strength));
    let matched = 0;
    let total = 0;
    for (let p = 0; p < keys.length; p++) {
      const lv = unpacked[p] as number[];
      let logRatio = 0;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = lv[f] as number;
        if (l > 0 && !fixed.has(f)) logRatio += Math.log((m[f]?.[l] as number) / (u[f]?.[l] as number));
      }
      const odds = (lambda / (1 - lambda)) * Math.exp(Math.min(logRatio, 700));
      const w = odds / (1 + odds);
      const n = counts[p] as number;
      matched += w * n;
      total += n;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = lv[f] as number;
        if (l > 0) (acc[f] as number[])[l] = ((acc[f] as number[])[l] as number) + w * n;
      }
    }
    const next = acc.map((row, f) => (fixed.has(f) ? (m[f] as number[]) : normalise(row)));
    const newLambda = Math.min(Math.max(matched / Math.max(total, 1), 1e-9), 0.999);
    let delta = Math.abs(newLambda - lambda) / lambda;
    for (let f = 0; f < FIELD_COUNT; f++)
      for (let l = 1; l < (next[f] as number[]).length; l++)
        delta = Math.max(delta, Math.abs((next[f]?.[l] as number) - (m[f]?.[l] as number)));
    m = next;
    lambda = newLambda;
    if (delta < 1e-5) break;
  }
  return { m, lambda, iterations };
}

/** λ alone (share of matches among candidate pairs), with m and u fixed. */
export function estimateLambda(pairs: PatternCounts, m: number[][], u: number[][], iterations = 100): number {
  const levels: number[] = [];
  const entries = [...pairs].map(([key, n]) => {
    unpack(key, levels);
    let logRatio = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const l = levels[f] as number;
      if (l > 0) logRatio += Math.log((m[f]?.[l] as number) / (u[f]?.[l] as number));
    }
    return { ratio: Math.exp(Math.min(logRatio, 700)), n };
  });
  let lambda = 0.01;
  for (let it = 0; it < iterations; it++) {
    let matched = 0;
    let total = 0;
    for (const e of entries) {
      const odds = (lambda / (1 - lambda)) * e.ratio;
      matched += (odds / (1 + odds)) * e.n;
      total += e.n;
    }
    const next = Math.min(Math.max(matched / Math.max(total, 1), 1e-9), 0.999);
    if (Math.abs(next - lambda) < 1e-9) return next;
    lambda = next;
  }
  return lambda;
}
