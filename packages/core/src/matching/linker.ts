// The engine's entry points: train a model on the data at hand, then link reports to records,
// find duplicates inside one collection, or search one person interactively.
import { buildBlockingIndex, collectCandidates, type BlockingIndex } from './blocking.ts';
import { compareRecords, FIELD_COUNT, type NameAgreement } from './comparison-vector.ts';
import { estimateM, estimateU, packLevels, type PatternCounts } from './em-estimate.ts';
import { probabilityFromWeight, totalWeight, type MatchModel } from './fellegi-sunter.ts';
import type { PersonRecord, PreparedRecord } from './person-record.types.ts';
import { prepareRecord } from './record-prepare.ts';
import { addTermFrequencies, emptyTermFrequencies } from './term-frequency.ts';

export type MatchDecision = 'match' | 'possible';

/** One candidate pair, best first within each left record. */
export interface LinkRow {
  leftId: string;
  rightId: string;
  leftIndex: number;
  rightIndex: number;
  /** Calibrated probability in [0, 1] that both records are the same person. */
  score: number;
  decision: MatchDecision;
}

export interface LinkOptions {
  /** At most this many candidates per left record (default 10). */
  top?: number;
  /** Called now and then with (records done, total); e.g. to print progress on stderr. */
  onProgress?: (done: number, total: number) => void;
  /** Use this model instead of estimating one from the data. */
  model?: MatchModel;
}

/** Default decision thresholds (posterior probabilities); see docs/decisions/0101. */
export const MATCH_THRESHOLD = 0.5;
export const POSSIBLE_THRESHOLD = 0.0005;

// A block this large is a key that says nothing (e.g. only a very common surname): cap the work.
const MAX_CANDIDATES = 20_000;

/** Prepares every record of a collection (indexes are positions in the array). */
export function prepareRecords(records: readonly PersonRecord[]): PreparedRecord[] {
  return records.map((r, i) => prepareRecord(r, i));
}

function randomPairs(left: readonly PreparedRecord[], right: readonly PreparedRecord[], sameCollection: boolean, count: number): PatternCounts {
  const patterns: PatternCounts = new Map();
  const levels = new Uint8Array(FIELD_COUNT);
  const names: NameAgreement = { givenValue: '', surnameValue: '', givenFull: false, surnameFull: false, rearranged: false };
  // A fixed-seed generator: the same data always gives the same model.
  let seed = 0x2545f491;
  const next = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  for (let k = 0; k < count; k++) {
    const a = left[next(left.length)] as PreparedRecord;
    const b = right[next(right.length)] as PreparedRecord;
    if (sameCollection && a === b) continue;
    compareRecords(a, b, levels, names);
    const key = packLevels(levels);
    patterns.set(key, (patterns.get(key) ?? 0) + 1);
  }
  return patterns;
}

/**
 * Estimates the model from two collections (or one, for duplicates) without labelled data:
 * u from random pairs, m and the match rate by EM over blocked candidate pairs.
 */
export function trainModel(left: readonly PreparedRecord[], right: readonly PreparedRecord[], index: BlockingIndex, sameCollection: boolean): MatchModel {
  const tf = emptyTermFrequencies();
  addTermFrequencies(tf, right);
  if (!sameCollection) addTermFrequencies(tf, left);
  const u = estimateU(randomPairs(left, right, sameCollection, Math.min(400_000, left.length * right.length * 2)));
  const sampleEvery = Math.max(1, Math.floor(left.length / 4000));
  const seen = new Uint32Array(right.length);
  const cand = new Uint32Array(MAX_CANDIDATES);
  const levels = new Uint8Array(FIELD_COUNT);
  const names: NameAgreement = { givenValue: '', surnameValue: '', givenFull: false, surnameFull: false, rearranged: false };
  const blocked: PatternCounts = new Map();
  let queries = 0;
  let pairs = 0;
  for (let i = 0; i < left.length; i += sampleEvery) {
    const a = left[i] as PreparedRecord;
    queries++;
    const n = collectCandidates(index, a, seen, queries, cand);
    for (let c = 0; c < n; c++) {
      const b = right[cand[c] as number] as PreparedRecord;
      if (sameCollection && b.index === a.index) continue;
      compareRecords(a, b, levels, names);
      const key = packLevels(levels);
      blocked.set(key, (blocked.get(key) ?? 0) + 1);
      pairs++;
    }
  }
  const em = estimateM(blocked, u);
  // λ is the match rate among candidate pairs; the prior of any one pair is the expected number
  // of matches per query spread over the whole other collection.
  const matchesPerQuery = (em.lambda * pairs) / Math.max(queries, 1);
  const others = sameCollection ? right.length - 1 : right.length;
  const pairPrior = Math.min(0.5, Math.max(1e-12, matchesPerQuery / Math.max(others, 1)));
  return { m: em.m, u, pairPrior, matchThreshold: MATCH_THRESHOLD, possibleThreshold: POSSIBLE_THRESHOLD, tf };
}

/** Scores all blocked candidates of one query; returns the best `top` above the review threshold. */
export function scoreQuery(model: MatchModel, index: BlockingIndex, right: readonly PreparedRecord[], query: PreparedRecord, top: number, scratch: QueryScratch, minRightIndex = -1): { index: number; score: number }[] {
  scratch.stamp++;
  const n = collectCandidates(index, query, scratch.seen, scratch.stamp, scratch.candidates);
  const best: { index: number; score: number }[] = [];
  for (let c = 0; c < n; c++) {
    const ri = scratch.candidates[c] as number;
    if (ri <= minRightIndex) continue;
    const b = right[ri] as PreparedRecord;
    compareRecords(query, b, scratch.levels, scratch.names);
    const score = probabilityFromWeight(model, totalWeight(model, scratch.levels, scratch.names));
    if (score < model.possibleThreshold) continue;
    if (best.length === top && score <= (best[top - 1] as { score: number }).score) continue;
    let pos = best.length < top ? best.length : top - 1;
    while (pos > 0 && (best[pos - 1] as { score: number }).score < score) pos--;
    best.splice(pos, 0, { index: ri, score });
    if (best.length > top) best.pop();
  }
  return best;
}

/** Reusable buffers for `scoreQuery`. */
export interface QueryScratch {
  seen: Uint32Array;
  stamp: number;
  candidates: Uint32Array;
  levels: Uint8Array;
  names: NameAgreement;
}

export function createScratch(size: number): QueryScratch {
  return { seen: new Uint32Array(size), stamp: 0, candidates: new Uint32Array(MAX_CANDIDATES), levels: new Uint8Array(FIELD_COUNT), names: { givenValue: '', surnameValue: '', givenFull: false, surnameFull: false, rearranged: false } };
}

function run(left: readonly PreparedRecord[], right: readonly PreparedRecord[], sameCollection: boolean, options: LinkOptions): LinkRow[] {
  const top = options.top ?? 10;
  const index = buildBlockingIndex(right);
  const model = options.model ?? trainModel(left, right, index, sameCollection);
  const scratch = createScratch(right.length);
  const rows: LinkRow[] = [];
  for (let i = 0; i < left.length; i++) {
    const a = left[i] as PreparedRecord;
    // In one collection each pair is scored once, from its earlier record.
    const best = scoreQuery(model, index, right, a, top, scratch, sameCollection ? i : -1);
    for (const b of best) {
      const r = right[b.index] as PreparedRecord;
      rows.push({ leftId: a.id, rightId: r.id, leftIndex: i, rightIndex: b.index, score: b.score, decision: b.score >= model.matchThreshold ? 'match' : 'possible' });
    }
    if (options.onProgress && (i + 1) % 1000 === 0) options.onProgress(i + 1, left.length);
  }
  options.onProgress?.(left.length, left.length);
  return rows;
}

/** Links each left record (e.g. family reports) to the right records most likely the same person. */
export function linkRecords(left: readonly PersonRecord[], right: readonly PersonRecord[], options: LinkOptions = {}): LinkRow[] {
  return run(prepareRecords(left), prepareRecords(right), false, options);
}

/** Finds likely duplicates inside one collection; each pair appears once. */
export function findDuplicates(records: readonly PersonRecord[], options: LinkOptions = {}): LinkRow[] {
  const prepared = prepareRecords(records);
  return run(prepared, prepared, true, options);
}

/** Same as the two functions above, on records already prepared (for large runs and benchmarks). */
export function linkPrepared(left: readonly PreparedRecord[], right: readonly PreparedRecord[] | null, options: LinkOptions = {}): LinkRow[] {
  return right ? run(left, right, false, options) : run(left, left, true, options);
}
