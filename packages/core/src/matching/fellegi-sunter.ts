// Fellegi–Sunter scoring: each field's agreement level carries a weight log2(m/u), where m is the
// probability of that level among true matches and u among non-matches; the weights add up to a
// Bayes factor, and with the prior probability of a match they give a calibrated probability.
import { FIELD_COUNT, FIELD_LEVELS, FIELDS, type FieldName, type NameAgreement } from './comparison-vector.ts';
import { termFrequency, type TermFrequencies } from './term-frequency.ts';

export interface MatchModel {
  /** m[field][level]: P(level | same person). Level 0 (missing) is unused. */
  m: number[][];
  /** u[field][level]: P(level | different people). */
  u: number[][];
  /** Prior probability that a report and one given record are the same person. */
  pairPrior: number;
  /** Probability at or above which the engine says "match". */
  matchThreshold: number;
  /** Probability at or above which a pair is shown for review as "possible". */
  possibleThreshold: number;
  tf: TermFrequencies;
}

/** One field's part in a score, for review screens. */
export interface FieldExplanation {
  field: FieldName;
  level: number;
  label: string;
  /** Evidence in bits (log2 Bayes factor): positive for the same person, negative against. */
  weight: number;
  /** True when the weight was adjusted for how common the agreeing name is. */
  frequencyAdjusted: boolean;
}

// Agreement on the rarest name in the data may not count for more than this many bits over the
// level's average: a name seen once could be a typo, and a typo is weak evidence.
const MAX_TF_BONUS_BITS = 6;

const tables = new WeakMap<MatchModel, Float64Array>();

/** log2(m/u) of every field and level, computed once per model (8 levels per field). */
function weightTable(model: MatchModel): Float64Array {
  let t = tables.get(model);
  if (t) return t;
  t = new Float64Array(FIELD_COUNT * 8);
  for (let f = 0; f < FIELD_COUNT; f++) {
    for (let l = 1; l < 8; l++) {
      const m = model.m[f]?.[l];
      const u = model.u[f]?.[l];
      t[f * 8 + l] = m !== undefined && u !== undefined && u > 0 && m > 0 ? Math.log2(m / u) : 0;
    }
  }
  tables.set(model, t);
  return t;
}

/** Weight in bits of one field at one level, with the term-frequency adjustment for names. */
export function fieldWeight(model: MatchModel, field: number, level: number, names: NameAgreement | null): number {
  if (level === 0) return 0;
  let w = weightTable(model)[field * 8 + level] as number;
  if (names && (field === 0 || field === 1) && (level === 1 || level === 2)) {
    const value = field === 0 ? names.givenValue : names.surnameValue;
    if (value) {
      const freq = termFrequency(model.tf, field, value, field === 0 ? names.givenFull : names.surnameFull);
      const u = model.u[field]?.[level] ?? 0.5;
      if (Number.isFinite(freq)) w += Math.max(-MAX_TF_BONUS_BITS, Math.min(MAX_TF_BONUS_BITS, Math.log2(u / freq)));
    }
  }
  return w;
}

/** Sum of field weights in bits (the log2 Bayes factor of the pair). */
export function totalWeight(model: MatchModel, levels: Uint8Array, names: NameAgreement | null): number {
  let w = 0;
  for (let f = 0; f < FIELD_COUNT; f++) w += fieldWeight(model, f, levels[f] as number, names);
  return w;
}

/** Posterior probability of a match from the total weight and the model's prior. */
export function probabilityFromWeight(model: MatchModel, weight: number): number {
  const prior = Math.min(Math.max(model.pairPrior, 1e-12), 0.5);
  const logit = Math.log2(prior / (1 - prior)) + weight;
  return 1 / (1 + Math.pow(2, -logit));
}

/** Per-field explanation of a comparison vector. */
export function explainLevels(model: MatchModel, levels: Uint8Array, names: NameAgreement | null): FieldExplanation[] {
  const out: FieldExplanation[] = [];
  for (let f = 0; f < FIELD_COUNT; f++) {
    const level = levels[f] as number;
    const weight = fieldWeight(model, f, level, names);
    const plain = fieldWeight(model, f, level, null);
    out.push({
      field: FIELDS[f] as FieldName,
      level,
      label: FIELD_LEVELS[f]?.[level] ?? String(level),
      weight: Math.round(weight * 100) / 100,
      frequencyAdjusted: Math.abs(weight - plain) > 1e-9,
    });
  }
  return out;
}

const costlyBound = new WeakMap<MatchModel, number>();

/**
 * The most that names and places can add to a pair's weight (each field at its best level, names
 * with the largest frequency bonus). Lets scoring skip the costly comparisons of a candidate
 * whose cheap fields already rule it out.
 */
export function maxCostlyWeight(model: MatchModel, costlyFields: readonly number[]): number {
  const known = costlyBound.get(model);
  if (known !== undefined) return known;
  let bound = 0;
  for (const f of costlyFields) {
    let best = 0;
    const levels = model.m[f]?.length ?? 0;
    for (let l = 1; l < levels; l++)
      best = Math.max(best, fieldWeight(model, f, l, null) + (f <= 1 ? MAX_TF_BONUS_BITS : 0));
    bound += best;
  }
  costlyBound.set(model, bound);
  return bound;
}

/** Weight of a subset of fields. */
export function partialWeight(model: MatchModel, levels: Uint8Array, fields: readonly number[]): number {
  let w = 0;
  for (const f of fields) w += fieldWeight(model, f, levels[f] as number, null);
  return w;
}
