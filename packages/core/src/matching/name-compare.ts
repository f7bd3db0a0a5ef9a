// Comparison levels for given names and surnames. Names are compared as sets of tokens, because the
// same person appears as "Enrique Wilson" and "Enrique", "González Morales" and "Morales González",
// or "Tzoc Ramírez" and "Toc"; within a token, equality is tried exactly, through nicknames, by the
// Spanish phonetic key and finally by Jaro–Winkler for typos.
import { jaroWinkler } from './jaro-winkler.ts';
import { nicknameEquivalent } from './nicknames.ts';

/** Given-name levels (0 = one side has no given name). */
export const GIVEN_LEVELS = [
  'missing',
  'exact',
  'same names, one side has fewer or a nickname',
  'sounds alike',
  'similar spelling',
  'one name in common, another differs',
  'different',
] as const;
/** Surname levels (0 = one side has no surname). */
export const SURNAME_LEVELS = [
  'missing',
  'both surnames exact (any order)',
  'exact, one side has a single surname',
  'both surnames alike (spelling)',
  'alike, one side has a single surname',
  'one surname in common, the other differs',
  'different',
] as const;

const TOKEN_EXACT = 3;
const TOKEN_PHONETIC = 2;
const TOKEN_FUZZY = 1;

// Token-pair results are cached: a collection has a few thousand distinct names but millions of
// candidate pairs, and Jaro–Winkler would otherwise dominate the running time. The cache is
// direct-mapped over typed arrays (a colliding pair simply replaces the previous one): no
// allocation and no hashing of strings on the hot path.
const CACHE_BITS = 22;

function makeCache(): { a: Int32Array; b: Int32Array; v: Int8Array } {
  return {
    a: new Int32Array(1 << CACHE_BITS).fill(-1),
    b: new Int32Array(1 << CACHE_BITS),
    v: new Int8Array(1 << CACHE_BITS),
  };
}

const givenCache = makeCache();
const surnameCache = makeCache();

function tokenMatch(
  a: string,
  aPh: string,
  ia: number,
  b: string,
  bPh: string,
  ib: number,
  fuzzy: number,
  given: boolean,
): number {
  if (ia === ib) return TOKEN_EXACT;
  const lo = ia < ib ? ia : ib;
  const hi = ia < ib ? ib : ia;
  const slot = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca6b)) >>> (32 - CACHE_BITS);
  const cache = given ? givenCache : surnameCache;
  if (cache.a[slot] === lo && cache.b[slot] === hi) return cache.v[slot] as number;
  const level = computeTokenMatch(a, aPh, b, bPh, fuzzy, given);
  cache.a[slot] = lo;
  cache.b[slot] = hi;
  cache.v[slot] = level;
  return level;
}

/** How well one token matches: 3 exact (or nickname), 2 phonetic or near-identical, 1 typo, 0 no. */
function computeTokenMatch(a: string, aPh: string, b: string, bPh: string, fuzzy: number, given: boolean): number {
  if (given && nicknameEquivalent(a, b)) return TOKEN_EXACT;
  if (aPh === bPh && aPh.length > 1) return TOKEN_PHONETIC;
  // Very short tokens ("Gil", "Luz") are too easy to confuse by one letter.
  if (a.length < 3 || b.length < 3) return 0;
  // Cheap rejection before Jaro–Winkler: names sharing no first or second letter rarely match.
  if (
    a.charCodeAt(0) !== b.charCodeAt(0) &&
    a.charCodeAt(1) !== b.charCodeAt(1) &&
    a.charCodeAt(0) !== b.charCodeAt(1) &&
    a.charCodeAt(1) !== b.charCodeAt(0)
  )
    return 0;
  const jw = jaroWinkler(aPh, bPh);
  if (jw >= 0.94) return TOKEN_PHONETIC;
  if (jw >= fuzzy || jaroWinkler(a, b) >= fuzzy) return TOKEN_FUZZY;
  return 0;
}

/** Scratch result telling the caller which token agreed exactly, for term-frequency adjustment. */
export const nameScratch = { exactToken: '' };

/**
 * Best match of each token of the shorter list in the longer one (each token of the longer used
 * once). Returns counts packed as exact*100 + phonetic*10 + fuzzy and records the first exactly
 * matched token in `nameScratch.exactToken`.
 */
function matchSets(
  sa: string[],
  pa: string[],
  ia: number[],
  sb: string[],
  pb: string[],
  ib: number[],
  fuzzy: number,
  given: boolean,
): number {
  let short = sa;
  let shortPh = pa;
  let shortId = ia;
  let long = sb;
  let longPh = pb;
  let longId = ib;
  if (sa.length > sb.length) {
    short = sb;
    shortPh = pb;
    shortId = ib;
    long = sa;
    longPh = pa;
    longId = ia;
  }
  let used = 0;
  let exact = 0;
  let phonetic = 0;
  let fz = 0;
  nameScratch.exactToken = '';
  for (let i = 0; i < short.length; i++) {
    let best = 0;
    let bestJ = -1;
    for (let j = 0; j < long.length; j++) {
      if (used & (1 << j)) continue;
      const m = tokenMatch(
        short[i] as string,
        shortPh[i] as string,
        shortId[i] as number,
        long[j] as string,
        longPh[j] as string,
        longId[j] as number,
        fuzzy,
        given,
      );
      if (m > best) {
        best = m;
        bestJ = j;
        if (m === TOKEN_EXACT) break;
      }
    }
    if (bestJ >= 0) used |= 1 << bestJ;
    if (best === TOKEN_EXACT) {
      exact++;
      if (!nameScratch.exactToken) nameScratch.exactToken = short[i] as string;
    } else if (best === TOKEN_PHONETIC) phonetic++;
    else if (best === TOKEN_FUZZY) fz++;
  }
  return exact * 100 + phonetic * 10 + fz;
}

/** Level of agreement between two given-name lists (see GIVEN_LEVELS). */
export function compareGiven(
  a: string[],
  aPh: string[],
  aId: number[],
  b: string[],
  bPh: string[],
  bId: number[],
): number {
  if (a.length === 0 || b.length === 0) return 0;
  const packed = matchSets(a, aPh, aId, b, bPh, bId, 0.84, true);
  const exact = Math.floor(packed / 100);
  const phonetic = Math.floor(packed / 10) % 10;
  const fuzzy = packed % 10;
  const n = Math.min(a.length, b.length);
  if (exact === n) {
    if (a.length === b.length && aId.every((t, i) => t === bId[i])) return 1;
    return 2;
  }
  if (exact + phonetic === n) return 3;
  if (exact + phonetic + fuzzy === n) return 4;
  if (exact + phonetic + fuzzy > 0) return 5;
  return 6;
}

/** Level of agreement between two surname lists (see SURNAME_LEVELS). */
export function compareSurnames(
  a: string[],
  aPh: string[],
  aId: number[],
  b: string[],
  bPh: string[],
  bId: number[],
): number {
  if (a.length === 0 || b.length === 0) return 0;
  const packed = matchSets(a, aPh, aId, b, bPh, bId, 0.86, false);
  const exact = Math.floor(packed / 100);
  const phonetic = Math.floor(packed / 10) % 10;
  const fuzzy = packed % 10;
  const n = Math.min(a.length, b.length);
  const single = n === 1 && a.length !== b.length;
  if (exact === n) return single ? 2 : 1;
  if (exact + phonetic + fuzzy === n) return single ? 4 : 3;
  if (exact + phonetic + fuzzy > 0) return 5;
  return 6;
}
