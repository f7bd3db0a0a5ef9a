// The engine's entry points: train a model on the data at hand, then link reports to records,
// find duplicates inside one collection, or search one person interactively.
import {
  buildBlockingIndex,
  collectCandidates,
  ALL_KEYS,
  KEY_DATE,
  KEY_NAMES,
  type BlockingIndex,
} from './blocking.ts';
import {
  compareCheapFields,
  compareCostlyFields,
  compareRecords,
  CHEAP_FIELDS,
  FIELD_COUNT,
  F_BIRTH,
  F_GIVEN,
  F_NATIONALITY,
  F_ORIGIN,
  F_SEX,
  F_SURNAME,
  type NameAgreement,
} from './comparison-vector.ts';
import { defaultM, estimateLambda, estimateM, estimateU, packLevels, type PatternCounts } from './em-estimate.ts';
import {
  maxCostlyWeight,
  partialWeight,
  probabilityFromWeight,
  totalWeight,
  type MatchModel,
} from './fellegi-sunter.ts';
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
/**
 * Linking reports to records: a wrong `match` tells a family about the wrong person, which costs
 * far more than a missed one left `possible` for review; at a 9:1 cost ratio the Bayes decision is a
 * posterior of 0.9 (docs/decisions/0131). Duplicates within one file keep MATCH_THRESHOLD.
 */
export const LINK_MATCH_THRESHOLD = 0.9;

// A block this large is a key that says nothing (e.g. only a very common surname): cap the work.
const MAX_CANDIDATES = 20_000;

/** Prepares every record of a collection (indexes are positions in the array). */
export function prepareRecords(records: readonly PersonRecord[]): PreparedRecord[] {
  return records.map((r, i) => prepareRecord(r, i));
}

function randomPairs(
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[],
  sameCollection: boolean,
  count: number,
): PatternCounts {
  const patterns: PatternCounts = new Map();
  const levels = new Uint8Array(FIELD_COUNT);
  const names: NameAgreement = {
    givenValue: '',
    surnameValue: '',
    givenFull: false,
    surnameFull: false,
    rearranged: false,
  };
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

interface PairSample {
  patterns: PatternCounts;
  pairs: number;
  queries: number;
}

/** Comparison patterns of the blocked pairs of a sample of queries (only the key kinds given). */
function blockedPairs(
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[],
  index: BlockingIndex,
  sameCollection: boolean,
  kinds: number,
  maxQueries: number,
  maxPairs = 150_000,
): PairSample {
  const sampleEvery = Math.max(1, Math.floor(left.length / maxQueries));
  const seen = new Uint32Array(right.length);
  const cand = new Uint32Array(MAX_CANDIDATES);
  const levels = new Uint8Array(FIELD_COUNT);
  const names: NameAgreement = {
    givenValue: '',
    surnameValue: '',
    givenFull: false,
    surnameFull: false,
    rearranged: false,
  };
  const patterns: PatternCounts = new Map();
  let queries = 0;
  let pairs = 0;
  for (let i = 0; i < left.length && pairs < maxPairs; i += sampleEvery) {
    const a = left[i] as PreparedRecord;
    queries++;
    const n = collectCandidates(index, a, seen, queries, cand, kinds);
    for (let c = 0; c < n; c++) {
      const b = right[cand[c] as number] as PreparedRecord;
      if (sameCollection && b.index === a.index) continue;
      compareRecords(a, b, levels, names);
      const key = packLevels(levels);
      patterns.set(key, (patterns.get(key) ?? 0) + 1);
      pairs++;
    }
  }
  return { patterns, pairs, queries };
}

const BIRTH_FAR_APART = 7;
const COSTLY_FIELDS = [0, 1, 5, 7, 9];

// Below this many candidate pairs a training session has too little to learn from.
const MIN_SESSION_PAIRS = 200;

/**
 * Estimates the model from two collections (or one, for duplicates) without labelled data, the way
 * Splink does: u from random pairs; m by EM in two sessions, one over pairs that share a name
 * sound (which cannot teach anything about names, so name m values are not estimated there) and
 * one over pairs that share a birth date (which teaches the name m values); then the share of
 * matches among all candidate pairs with m and u fixed. A single EM over all candidates would
 * learn "same family" (shared surnames, origin) instead of "same person".
 */
export function trainModel(
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[],
  index: BlockingIndex,
  sameCollection: boolean,
): MatchModel {
  const tf = emptyTermFrequencies();
  addTermFrequencies(tf, right);
  if (!sameCollection) addTermFrequencies(tf, left);
  const u = estimateU(randomPairs(left, right, sameCollection, Math.min(120_000, left.length * right.length * 2)));
  const byNames = blockedPairs(left, right, index, sameCollection, KEY_NAMES, 4000);
  const byDate = blockedPairs(left, right, index, sameCollection, KEY_DATE, 4000);
  const nameFields = [F_GIVEN, F_SURNAME];
  const fromNames =
    byNames.pairs >= MIN_SESSION_PAIRS
      ? estimateM(byNames.patterns, u, { fixed: [...nameFields, F_SEX, F_NATIONALITY, F_ORIGIN] }).m
      : null;
  const fromDates =
    byDate.pairs >= MIN_SESSION_PAIRS
      ? estimateM(byDate.patterns, u, { fixed: [F_BIRTH], start: fromNames ?? undefined }).m
      : null;
  const fallback = defaultM();
  const m = fallback.map((row, f) => {
    const a = fromNames && !nameFields.includes(f) ? fromNames[f] : undefined;
    const b = fromDates && f !== F_BIRTH ? fromDates[f] : undefined;
    if (a && b) return row.map((_, l) => ((a[l] as number) + (b[l] as number)) / 2);
    return (a ?? b ?? row).slice();
  });
  // Birth dates more than ten years apart: no slip of the pen explains that, but EM cannot tell it
  // from the rare namesake it saw among candidates, so its m is set, not estimated (as Splink lets
  // one fix an m by hand): about one true pair in 100,000.
  const birth = m[F_BIRTH] as number[];
  birth[BIRTH_FAR_APART] = Math.min(birth[BIRTH_FAR_APART] as number, 1e-5);
  const all = blockedPairs(left, right, index, sameCollection, ALL_KEYS, 4000);
  const lambda = estimateLambda(all.patterns, m, u);
  // λ is the match rate among candidate pairs; the prior of any one pair is the expected number
  // of matches per query spread over the whole other collection.
  const matchesPerQuery = (lambda * all.pairs) / Math.max(all.queries, 1);
  const others = sameCollection ? right.length - 1 : right.length;
  const pairPrior = Math.min(0.5, Math.max(1e-12, matchesPerQuery / Math.max(others, 1)));
  return { m, u, pairPrior, matchThreshold: MATCH_THRESHOLD, possibleThreshold: POSSIBLE_THRESHOLD, tf };
}

/** Scores all blocked candidates of one query; returns the best `top` above the review threshold. */
export function scoreQuery(
  model: MatchModel,
  index: BlockingIndex,
  right: readonly PreparedRecord[],
  query: PreparedRecord,
  top: number,
  scratch: QueryScratch,
  minRightIndex = -1,
): { index: number; score: number }[] {
  scratch.stamp++;
  scratch.oddsSum = 0;
  const n = collectCandidates(index, query, scratch.seen, scratch.stamp, scratch.candidates);
  const best: { index: number; score: number }[] = [];
  // A candidate whose cheap fields (birth, sex, nationality, document, event date) leave it below
  // the review threshold even if names and places agreed perfectly is not compared further.
  const prior = Math.min(Math.max(model.pairPrior, 1e-12), 0.5);
  const needed =
    Math.log2(model.possibleThreshold / (1 - model.possibleThreshold)) -
    Math.log2(prior / (1 - prior)) -
    maxCostlyWeight(model, COSTLY_FIELDS);
  for (let c = 0; c < n; c++) {
    const ri = scratch.candidates[c] as number;
    if (ri <= minRightIndex) continue;
    const b = right[ri] as PreparedRecord;
    compareCheapFields(query, b, scratch.levels);
    if (partialWeight(model, scratch.levels, CHEAP_FIELDS) < needed) continue;
    compareCostlyFields(query, b, scratch.levels, scratch.names);
    const score = probabilityFromWeight(model, totalWeight(model, scratch.levels, scratch.names));
    scratch.oddsSum += score / Math.max(1 - score, 1e-300);
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
  /** Sum of the posterior odds of every candidate scored by the last `scoreQuery`. */
  oddsSum: number;
}

export function createScratch(size: number): QueryScratch {
  return {
    seen: new Uint32Array(size),
    stamp: 0,
    candidates: new Uint32Array(MAX_CANDIDATES),
    levels: new Uint8Array(FIELD_COUNT),
    names: { givenValue: '', surnameValue: '', givenFull: false, surnameFull: false, rearranged: false },
    oddsSum: 0,
  };
}

/**
 * A report refers to at most one person: its candidates compete for the same posterior mass
 * (docs/decisions/0131). With per-pair odds o_j = prior odds × likelihood ratio and the expected
 * number of matches per report π (= prior × records compared against), candidate j is the person
 * with probability o_j / (1 − π + Σ o_k). The more records a report is compared with, the more
 * namesakes share that mass, so `match` keeps its meaning at any file size, and two close
 * candidates both fall to `possible`. Duplicates inside one file are not normalised: a record may
 * have several.
 */
export function competingPosterior(score: number, oddsSum: number, matchesPerReport: number): number {
  const odds = score / Math.max(1 - score, 1e-300);
  const none = Math.max(0.05, 1 - Math.min(matchesPerReport, 1));
  return odds / (none + oddsSum);
}

function run(
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[],
  sameCollection: boolean,
  options: LinkOptions,
): LinkRow[] {
  const top = options.top ?? 10;
  const index = buildBlockingIndex(right);
  const model = options.model ?? trainModel(left, right, index, sameCollection);
  const scratch = createScratch(right.length);
  const matchesPerReport = model.pairPrior * right.length;
  const threshold = sameCollection ? model.matchThreshold : Math.max(model.matchThreshold, LINK_MATCH_THRESHOLD);
  const rows: LinkRow[] = [];
  for (let i = 0; i < left.length; i++) {
    const a = left[i] as PreparedRecord;
    // In one collection each pair is scored once, from its earlier record.
    const best = scoreQuery(model, index, right, a, top, scratch, sameCollection ? i : -1);
    for (const b of best) {
      const r = right[b.index] as PreparedRecord;
      const score = sameCollection ? b.score : competingPosterior(b.score, scratch.oddsSum, matchesPerReport);
      rows.push({
        leftId: a.id,
        rightId: r.id,
        leftIndex: i,
        rightIndex: b.index,
        score,
        decision: score >= threshold ? 'match' : 'possible',
      });
    }
    if (options.onProgress && ((i + 1) % 1000 === 0 || i + 1 === left.length)) options.onProgress(i + 1, left.length);
  }
  return rows;
}

/** Links each left record (e.g. family reports) to the right records most likely the same person. */
export function linkRecords(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
  options: LinkOptions = {},
): LinkRow[] {
  return run(prepareRecords(left), prepareRecords(right), false, options);
}

/** Finds likely duplicates inside one collection; each pair appears once. */
export function findDuplicates(records: readonly PersonRecord[], options: LinkOptions = {}): LinkRow[] {
  const prepared = prepareRecords(records);
  return run(prepared, prepared, true, options);
}

/** Same as the two functions above, on records already prepared (for large runs and benchmarks). */
export function linkPrepared(
  left: readonly PreparedRecord[],
  right: readonly PreparedRecord[] | null,
  options: LinkOptions = {},
): LinkRow[] {
  return right ? run(left, right, false, options) : run(left, left, true, options);
}
