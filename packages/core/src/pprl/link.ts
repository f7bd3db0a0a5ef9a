// The match step of privacy-preserving linkage: sees only encoded collections (opaque references,
// field filters, keyed tokens) and produces the same candidate rows, calibrated scores and review
// decisions as clear-text linking. The model is estimated exactly as in clear text (u from random
// pairs, m by EM in two sessions, then λ; docs/decisions/0101), on the encoded comparison vectors.
import {
  FIELD_COUNT,
  F_BIRTH,
  F_GIVEN,
  F_NATIONALITY,
  F_ORIGIN,
  F_SEX,
  F_SURNAME,
} from '../matching/comparison-vector.ts';
import {
  defaultM,
  estimateLambda,
  estimateM,
  estimateU,
  packLevels,
  type PatternCounts,
} from '../matching/em-estimate.ts';
import {
  maxCostlyWeight,
  partialWeight,
  probabilityFromWeight,
  totalWeight,
  type MatchModel,
} from '../matching/fellegi-sunter.ts';
import { MATCH_THRESHOLD, POSSIBLE_THRESHOLD, type MatchDecision } from '../matching/linker.ts';
import { emptyTermFrequencies } from '../matching/term-frequency.ts';
import {
  compareCheapEncoded,
  compareCostlyEncoded,
  compareEncoded,
  countBits,
  type CountedCollection,
} from './compare.ts';
import type { EncodedCollection } from './encode.ts';
import { TOKEN_DATE, TOKEN_NAMES } from './layout.ts';
import { buildTokenIndex, collectEncodedCandidates, type TokenIndex } from './token-index.ts';

/** One candidate pair by opaque references, best first within each left record. */
export interface EncodedLinkRow {
  leftRef: string;
  rightRef: string;
  leftIndex: number;
  rightIndex: number;
  score: number;
  decision: MatchDecision;
}

export interface EncodedLinkOptions {
  top?: number;
  onProgress?: (done: number, total: number) => void;
  model?: MatchModel;
}

const MAX_CANDIDATES = 20_000;
const CHEAP_FIELDS = [2, 3, 4, 6, 8];
const COSTLY_FIELDS = [0, 1, 5, 7, 9];
const BIRTH_FAR_APART = 7;
const MIN_SESSION_PAIRS = 200;

function randomPairs(L: CountedCollection, R: CountedCollection, same: boolean, count: number): PatternCounts {
  const patterns: PatternCounts = new Map();
  const levels = new Uint8Array(FIELD_COUNT);
  let seed = 0x2545f491;
  const next = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  for (let k = 0; k < count; k++) {
    const a = next(L.size);
    const b = next(R.size);
    if (same && a === b) continue;
    compareEncoded(L, a, R, b, levels);
    const key = packLevels(levels);
    patterns.set(key, (patterns.get(key) ?? 0) + 1);
  }
  return patterns;
}

function blockedPairs(
  L: CountedCollection,
  R: CountedCollection,
  index: TokenIndex,
  same: boolean,
  kindMask: number,
  maxQueries: number,
  maxPairs = 150_000,
): { patterns: PatternCounts; pairs: number; queries: number } {
  const every = Math.max(1, Math.floor(L.size / maxQueries));
  const seen = new Uint32Array(R.size);
  const cand = new Uint32Array(MAX_CANDIDATES);
  const levels = new Uint8Array(FIELD_COUNT);
  const patterns: PatternCounts = new Map();
  let queries = 0;
  let pairs = 0;
  for (let i = 0; i < L.size && pairs < maxPairs; i += every) {
    queries++;
    const n = collectEncodedCandidates(index, L, i, seen, queries, cand, kindMask);
    for (let c = 0; c < n; c++) {
      const b = cand[c] as number;
      if (same && b === i) continue;
      compareEncoded(L, i, R, b, levels);
      const key = packLevels(levels);
      patterns.set(key, (patterns.get(key) ?? 0) + 1);
      pairs++;
    }
  }
  return { patterns, pairs, queries };
}

/** Estimates the Fellegi–Sunter model from encodings alone, without labels (as trainModel does). */
export function trainEncodedModel(
  L: CountedCollection,
  R: CountedCollection,
  index: TokenIndex,
  same: boolean,
): MatchModel {
  const u = estimateU(randomPairs(L, R, same, Math.min(120_000, L.size * R.size * 2)));
  const byNames = blockedPairs(L, R, index, same, 1 << TOKEN_NAMES, 4000);
  const byDate = blockedPairs(L, R, index, same, 1 << TOKEN_DATE, 4000);
  const nameFields = [F_GIVEN, F_SURNAME];
  const fromNames =
    byNames.pairs >= MIN_SESSION_PAIRS
      ? estimateM(byNames.patterns, u, { fixed: [...nameFields, F_SEX, F_NATIONALITY, F_ORIGIN] }).m
      : null;
  const fromDates =
    byDate.pairs >= MIN_SESSION_PAIRS
      ? estimateM(byDate.patterns, u, { fixed: [F_BIRTH], start: fromNames ?? undefined }).m
      : null;
  const m = defaultM().map((row, f) => {
    const a = fromNames && !nameFields.includes(f) ? fromNames[f] : undefined;
    const b = fromDates && f !== F_BIRTH ? fromDates[f] : undefined;
    if (a && b) return row.map((_, l) => ((a[l] as number) + (b[l] as number)) / 2);
    return (a ?? b ?? row).slice();
  });
  // As in clear text: birth years more than ten years apart get a fixed, tiny m (docs/decisions/0101).
  const birth = m[F_BIRTH] as number[];
  birth[BIRTH_FAR_APART] = Math.min(birth[BIRTH_FAR_APART] as number, 1e-5);
  const all = blockedPairs(L, R, index, same, 0xff, 4000);
  const lambda = estimateLambda(all.patterns, m, u);
  const matchesPerQuery = (lambda * all.pairs) / Math.max(all.queries, 1);
  const others = same ? R.size - 1 : R.size;
  const pairPrior = Math.min(0.5, Math.max(1e-12, matchesPerQuery / Math.max(others, 1)));
  // Term frequencies are not available: the record noise makes equal names encode differently.
  return {
    m,
    u,
    pairPrior,
    matchThreshold: MATCH_THRESHOLD,
    possibleThreshold: POSSIBLE_THRESHOLD,
    tf: emptyTermFrequencies(),
  };
}

/** A prepared match side: the other party's collection, counted, indexed and with its model. */
export interface EncodedMatcher {
  readonly right: CountedCollection;
  readonly index: TokenIndex;
  readonly model: MatchModel;
}

export function scoreEncodedQuery(
  m: EncodedMatcher,
  L: CountedCollection,
  qi: number,
  top: number,
  scratch: { seen: Uint32Array; stamp: number; candidates: Uint32Array; levels: Uint8Array },
  minRightIndex = -1,
): { index: number; score: number }[] {
  const { model, right: R } = m;
  scratch.stamp++;
  const n = collectEncodedCandidates(m.index, L, qi, scratch.seen, scratch.stamp, scratch.candidates);
  const prior = Math.min(Math.max(model.pairPrior, 1e-12), 0.5);
  const needed =
    Math.log2(model.possibleThreshold / (1 - model.possibleThreshold)) -
    Math.log2(prior / (1 - prior)) -
    maxCostlyWeight(model, COSTLY_FIELDS);
  const best: { index: number; score: number }[] = [];
  const levels = scratch.levels;
  for (let c = 0; c < n; c++) {
    const ri = scratch.candidates[c] as number;
    if (ri <= minRightIndex) continue;
    compareCheapEncoded(L, qi, R, ri, levels);
    if (partialWeight(model, levels, CHEAP_FIELDS) < needed) continue;
    compareCostlyEncoded(L, qi, R, ri, levels);
    const score = probabilityFromWeight(model, totalWeight(model, levels, null));
    if (score < model.possibleThreshold) continue;
    if (best.length === top && score <= (best[top - 1] as { score: number }).score) continue;
    let pos = best.length < top ? best.length : top - 1;
    while (pos > 0 && (best[pos - 1] as { score: number }).score < score) pos--;
    best.splice(pos, 0, { index: ri, score });
    if (best.length > top) best.pop();
  }
  return best;
}

/**
 * Links each encoded left record to the encoded right records most likely the same person (or,
 * with `right` null, finds duplicates inside `left`, each pair once). Sees encodings only.
 */
export function linkEncoded(
  left: EncodedCollection,
  right: EncodedCollection | null,
  options: EncodedLinkOptions = {},
): EncodedLinkRow[] {
  const top = options.top ?? 10;
  const same = right === null;
  const L = countBits(left);
  const R = right ? countBits(right) : L;
  const index = buildTokenIndex(R);
  const model = options.model ?? trainEncodedModel(L, R, index, same);
  const matcher: EncodedMatcher = { right: R, index, model };
  const scratch = {
    seen: new Uint32Array(R.size),
    stamp: 0,
    candidates: new Uint32Array(MAX_CANDIDATES),
    levels: new Uint8Array(FIELD_COUNT),
  };
  const rows: EncodedLinkRow[] = [];
  for (let i = 0; i < L.size; i++) {
    const best = scoreEncodedQuery(matcher, L, i, top, scratch, same ? i : -1);
    for (const b of best)
      rows.push({
        leftRef: L.refs[i] as string,
        rightRef: R.refs[b.index] as string,
        leftIndex: i,
        rightIndex: b.index,
        score: b.score,
        decision: b.score >= model.matchThreshold ? 'match' : 'possible',
      });
    if (options.onProgress && ((i + 1) % 1000 === 0 || i + 1 === L.size)) options.onProgress(i + 1, L.size);
  }
  return rows;
}
