// The match step's comparison: two encoded records → one agreement level per field, on the same
// fields and level scale as clear-text matching (packages/core/src/matching/comparison-vector.ts),
// so the same Fellegi–Sunter model, review thresholds and explanations apply. Every level comes
// from bit counts of the field filters (Dice, containment, or "do two keyed windows meet").
import { andCount, popcount } from './bits.ts';
import type { EncodedCollection } from './encode.ts';
import { LAYOUT, RECORD_WORDS, SEGMENT_NAMES, type Segment } from './layout.ts';

const SEGMENTS: readonly Segment[] = SEGMENT_NAMES.map((n) => LAYOUT[n]);
const SEG_COUNT = SEGMENTS.length;
const S = Object.fromEntries(SEGMENT_NAMES.map((n, i) => [n, i])) as Record<(typeof SEGMENT_NAMES)[number], number>;

/** An encoded collection with the bit count of every segment of every record, counted once. */
export interface CountedCollection extends EncodedCollection {
  counts: Uint16Array;
}

export function countBits(c: EncodedCollection): CountedCollection {
  const counts = new Uint16Array(c.size * SEG_COUNT);
  for (let i = 0; i < c.size; i++)
    for (let s = 0; s < SEG_COUNT; s++) {
      const seg = SEGMENTS[s] as Segment;
      counts[i * SEG_COUNT + s] = popcount(c.words, i * RECORD_WORDS + seg.word, seg.words);
    }
  return { ...c, counts };
}

/**
 * Thresholds on Dice and containment. Chance alone gives unrelated name filters a Dice near 0.25,
 * and the record noise takes identical names down to about 0.97 (docs/decisions/0132).
 */
const GIVEN_SAME = 0.92;
const GIVEN_SUBSET = 0.88;
const GIVEN_ALIKE = 0.8;
const GIVEN_SIMILAR = 0.6;
const GIVEN_PART = 0.5;
const SUR_SAME = 0.92;
const SUR_SUBSET = 0.88;
const SUR_ALIKE = 0.7;
const SUR_PART = 0.6;

function givenLevel(common: number, a: number, b: number): number {
  const d = (2 * common) / (a + b);
  const cont = common / Math.min(a, b);
  if (d >= GIVEN_SAME) return 1;
  if (cont >= GIVEN_SUBSET) return 2;
  if (d >= GIVEN_ALIKE) return 3;
  if (d >= GIVEN_SIMILAR) return 4;
  if (cont >= GIVEN_PART) return 5;
  return 6;
}

function surnameLevel(common: number, a: number, b: number): number {
  const d = (2 * common) / (a + b);
  const cont = common / Math.min(a, b);
  if (d >= SUR_SAME) return 1;
  if (cont >= SUR_SUBSET) return 2;
  if (d >= SUR_ALIKE) return 3;
  if (cont >= SUR_ALIKE) return 4;
  if (cont >= SUR_PART) return 5;
  return 6;
}

// Rough goodness of each level, only to choose between readings of the names (as in clear text).
const GIVEN_RANK = [0, 10, 8, 7, 5, 1, -4];
const SURNAME_RANK = [0, 10, 8, 8, 6, 2, -4];

/** Which reading of the names agreed best (for explanations). */
export const nameReading = { rearranged: false };

function compareNames(A: CountedCollection, ai: number, B: CountedCollection, bi: number, out: Uint8Array): void {
  const aw = ai * RECORD_WORDS;
  const bw = bi * RECORD_WORDS;
  const ag = A.counts[ai * SEG_COUNT + S.given] as number;
  const as = A.counts[ai * SEG_COUNT + S.surnames] as number;
  const bg = B.counts[bi * SEG_COUNT + S.given] as number;
  const bs = B.counts[bi * SEG_COUNT + S.surnames] as number;
  const G = LAYOUT.given;
  const N = LAYOUT.surnames;
  let g = ag && bg ? givenLevel(andCount(A.words, aw + G.word, B.words, bw + G.word, G.words), ag, bg) : 0;
  let s = as && bs ? surnameLevel(andCount(A.words, aw + N.word, B.words, bw + N.word, N.words), as, bs) : 0;
  nameReading.rearranged = false;
  const rank = (GIVEN_RANK[g] as number) + (SURNAME_RANK[s] as number);
  if (rank >= 16) {
    out[0] = g;
    out[1] = s;
    return;
  }
  if (ag && as && bg && bs) {
    // Given names and surnames entered in each other's box.
    const g2 = givenLevel(andCount(A.words, aw + G.word, B.words, bw + N.word, G.words), ag, bs);
    const s2 = surnameLevel(andCount(A.words, aw + N.word, B.words, bw + G.word, G.words), as, bg);
    if ((GIVEN_RANK[g2] as number) + (SURNAME_RANK[s2] as number) - 1 > rank) {
      g = g2;
      s = s2;
      nameReading.rearranged = true;
    }
  } else if (ag && !as && bg && bs) {
    // A full name typed in the given-names box: the other's given names and surnames inside it.
    [g, s] = fullName(A.words, aw, ag, B.words, bw, bg, bs);
    nameReading.rearranged = true;
  } else if (bg && !bs && ag && as) {
    [g, s] = fullName(B.words, bw, bg, A.words, aw, ag, as);
    nameReading.rearranged = true;
  }
  out[0] = g;
  out[1] = s;
}

function fullName(
  full: Uint32Array,
  fw: number,
  fCount: number,
  other: Uint32Array,
  ow: number,
  og: number,
  os: number,
): [number, number] {
  const G = LAYOUT.given;
  const N = LAYOUT.surnames;
  const cg = andCount(full, fw + G.word, other, ow + G.word, G.words);
  const cs = andCount(full, fw + G.word, other, ow + N.word, G.words);
  // The part of the full name that the other's surnames do not explain should be its given names
  // (and the reverse): each is scored as a subset, the way clear text tries every split.
  const g = level(cg / Math.max(1, Math.min(og, fCount - cs)), GIVEN_SUBSET, GIVEN_PART);
  const s = level(cs / Math.max(1, Math.min(os, fCount - cg)), SUR_SUBSET, SUR_PART);
  return fCount > 0 ? [g, s] : [0, 0];
}

function level(containment: number, subset: number, part: number): number {
  return containment >= subset ? 2 : containment >= part ? 5 : 6;
}

function meets(A: CountedCollection, ai: number, B: CountedCollection, bi: number, seg: Segment): boolean {
  return andCount(A.words, ai * RECORD_WORDS + seg.word, B.words, bi * RECORD_WORDS + seg.word, seg.words) > 0;
}

/** Whether two records' slot holds the same date part (both of its two bits in common). */
function agrees(A: CountedCollection, ai: number, B: CountedCollection, bi: number, s: number, seg: Segment): boolean {
  if (!A.counts[ai * SEG_COUNT + s] || !B.counts[bi * SEG_COUNT + s]) return false;
  return andCount(A.words, ai * RECORD_WORDS + seg.word, B.words, bi * RECORD_WORDS + seg.word, seg.words) >= 2;
}

function has(C: CountedCollection, i: number, s: number): boolean {
  return (C.counts[i * SEG_COUNT + s] as number) > 0;
}

/** Birth levels of clear text (BIRTH_LEVELS) from the date-part slots and the keyed year windows. */
function compareBirth(A: CountedCollection, ai: number, B: CountedCollection, bi: number): number {
  if (!has(A, ai, S.birthNear) || !has(B, bi, S.birthNear)) return 0;
  const L = LAYOUT;
  if (has(A, ai, S.birthYear) && has(B, bi, S.birthYear)) {
    const sameYear = agrees(A, ai, B, bi, S.birthYear, L.birthYear);
    if (has(A, ai, S.birthFull) && has(B, bi, S.birthFull)) {
      // Each slot can agree by a chance collision of its bits (about 1 in 1,000 pairs), so a full
      // date counts as the same only when its year and month-day slots agree too.
      if (
        sameYear &&
        agrees(A, ai, B, bi, S.birthFull, L.birthFull) &&
        agrees(A, ai, B, bi, S.birthMonthDay, L.birthMonthDay)
      )
        return 1;
      // Day and month swapped, or one digit of the year, month or day off.
      if (sameYear && agrees(A, ai, B, bi, S.birthSorted, L.birthSorted)) return 2;
      if (
        agrees(A, ai, B, bi, S.birthMonthDay, L.birthMonthDay) &&
        agrees(A, ai, B, bi, S.birthYearDigits, L.birthYearDigits)
      )
        return 2;
      if (
        agrees(A, ai, B, bi, S.birthYearMonth, L.birthYearMonth) &&
        agrees(A, ai, B, bi, S.birthDayDigits, L.birthDayDigits)
      )
        return 2;
      if (
        agrees(A, ai, B, bi, S.birthYearDay, L.birthYearDay) &&
        agrees(A, ai, B, bi, S.birthMonthDigits, L.birthMonthDigits)
      )
        return 2;
    } else if (sameYear && meets(A, ai, B, bi, L.birthNear)) {
      const months = has(A, ai, S.birthYearMonth) && has(B, bi, S.birthYearMonth);
      if (!months || agrees(A, ai, B, bi, S.birthYearMonth, L.birthYearMonth)) return 3;
    }
    if (meets(A, ai, B, bi, L.birthNear)) return 5;
    if (meets(A, ai, B, bi, L.birthFar)) return 6;
    // 1952 typed 1925 or 1962 is a slip of the pen, however many years it makes.
    return agrees(A, ai, B, bi, S.birthYearDigits, L.birthYearDigits) ? 6 : 7;
  }
  if (meets(A, ai, B, bi, L.birthNear)) return 4;
  return meets(A, ai, B, bi, L.birthFar) ? 6 : 7;
}

function textLevel(
  A: CountedCollection,
  ai: number,
  B: CountedCollection,
  bi: number,
  s: number,
  seg: Segment,
): number {
  const a = A.counts[ai * SEG_COUNT + s] as number;
  const b = B.counts[bi * SEG_COUNT + s] as number;
  if (!a || !b) return 0;
  const common = andCount(A.words, ai * RECORD_WORDS + seg.word, B.words, bi * RECORD_WORDS + seg.word, seg.words);
  if ((2 * common) / (a + b) >= 0.9) return 1;
  return common / Math.min(a, b) >= 0.6 ? 2 : 3;
}

function documentLevel(A: CountedCollection, ai: number, B: CountedCollection, bi: number): number {
  const a = A.counts[ai * SEG_COUNT + S.document] as number;
  const b = B.counts[bi * SEG_COUNT + S.document] as number;
  if (!a || !b) return 0;
  const seg = LAYOUT.document;
  const d =
    (2 * andCount(A.words, ai * RECORD_WORDS + seg.word, B.words, bi * RECORD_WORDS + seg.word, seg.words)) / (a + b);
  return d >= 0.9 ? 1 : d >= 0.65 ? 2 : 3;
}

function addressLevel(A: CountedCollection, ai: number, B: CountedCollection, bi: number): number {
  const a = A.counts[ai * SEG_COUNT + S.address] as number;
  const b = B.counts[bi * SEG_COUNT + S.address] as number;
  if (!a || !b) return 0;
  const seg = LAYOUT.address;
  const d =
    (2 * andCount(A.words, ai * RECORD_WORDS + seg.word, B.words, bi * RECORD_WORDS + seg.word, seg.words)) / (a + b);
  return d >= 0.85 ? 1 : d >= 0.6 ? 2 : d >= 0.4 ? 3 : 4;
}

function small(A: CountedCollection, ai: number, B: CountedCollection, bi: number, s: number, seg: Segment): number {
  if (!A.counts[ai * SEG_COUNT + s] || !B.counts[bi * SEG_COUNT + s]) return 0;
  const common = andCount(A.words, ai * RECORD_WORDS + seg.word, B.words, bi * RECORD_WORDS + seg.word, seg.words);
  return common === A.counts[ai * SEG_COUNT + s] && common === B.counts[bi * SEG_COUNT + s] ? 1 : 2;
}

/** Fields cheap to compare (one-hot windows and short codes), compared before the name filters. */
export function compareCheapEncoded(
  A: CountedCollection,
  ai: number,
  B: CountedCollection,
  bi: number,
  out: Uint8Array,
): void {
  out[2] = compareBirth(A, ai, B, bi);
  out[3] = small(A, ai, B, bi, S.sex, LAYOUT.sex);
  out[4] = small(A, ai, B, bi, S.nationality, LAYOUT.nationality);
  out[6] = documentLevel(A, ai, B, bi);
  const an = A.counts[ai * SEG_COUNT + S.eventNear];
  const bn = B.counts[bi * SEG_COUNT + S.eventNear];
  out[8] = !an || !bn ? 0 : meets(A, ai, B, bi, LAYOUT.eventNear) ? 1 : meets(A, ai, B, bi, LAYOUT.eventFar) ? 2 : 3;
}

export function compareCostlyEncoded(
  A: CountedCollection,
  ai: number,
  B: CountedCollection,
  bi: number,
  out: Uint8Array,
): void {
  compareNames(A, ai, B, bi, out);
  out[5] = textLevel(A, ai, B, bi, S.origin, LAYOUT.origin);
  out[7] = addressLevel(A, ai, B, bi);
  out[9] = textLevel(A, ai, B, bi, S.eventPlace, LAYOUT.eventPlace);
}

/** The comparison vector of two encoded records (same fields and levels as clear-text matching). */
export function compareEncoded(
  A: CountedCollection,
  ai: number,
  B: CountedCollection,
  bi: number,
  out: Uint8Array,
): void {
  compareCheapEncoded(A, ai, B, bi, out);
  compareCostlyEncoded(A, ai, B, bi, out);
}
