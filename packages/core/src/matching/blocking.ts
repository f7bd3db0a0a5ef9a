// Blocking: only pairs that share at least one key are compared, so cost grows with the number of
// records times the (small) size of their blocks instead of with the product of the two files.
// Several keys are used and their candidates united, so typos in one or two fields cannot hide a
// match (each key is built from a different pair of fields):
//   - a surname sound + a given-name sound (unordered, so given names and surnames typed in each
//     other's box still meet),
//   - both surname sounds, and the first two given-name sounds (compound names are distinctive),
//   - a surname sound + birth year; a given-name sound + birth year,
//   - the first two letters of a given-name sound + day and month of birth (unordered, so a
//     swapped day/month or a mistyped year still meet), and the full birth date alone,
//   - a surname's consonant skeleton + a given name's (vowel slips and doubled letters do not
//     change it: "Hrerera" and "Herrera" meet),
//   - the identity document number.
// Keys are 32-bit hashes stored in a flat bucketed array (no per-key objects): a million records
// produce some fifteen million keys, which fit in under 150 MB.
import { nicknameTargets } from './nicknames.ts';
import type { PreparedRecord } from './person-record.types.ts';
import { consonantSkeleton, spanishPhonetic } from './spanish-phonetic.ts';

function fnv(seed: number, text: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

function mix(h: number, n: number): number {
  let x = (h ^ Math.imul(n + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

const SEED_NAMES = 2166136261;
const SEED_SUR_YEAR = 0x1b873593;
const SEED_GIVEN_YEAR = 0x27d4eb2d;
const SEED_GIVEN_MONTHDAY = 0x3c6ef372;
const SEED_DATE = 0x165667b1;
const SEED_DOC = 0x61c88647;
const SEED_SURNAMES = 0x5bd1e995;
const SEED_GIVEN_PAIR = 0x7f4a7c15;
const SEED_SKELETON = 0x4cf5ad43;

function givenSounds(r: PreparedRecord): string[] {
  // The first three given names, plus what an ambiguous nickname may stand for ("beto" → roberto…).
  const out: string[] = [];
  for (let i = 0; i < r.given.length && i < 3; i++) {
    out.push(r.givenPhon[i] as string);
    const targets = nicknameTargets(r.given[i] as string);
    if (targets) for (const t of targets) out.push(spanishPhonetic(t));
  }
  return out;
}

/** Kinds of blocking key, combinable as a bit mask. */
export const KEY_NAMES = 1;
export const KEY_SURNAME_YEAR = 2;
export const KEY_GIVEN_YEAR = 4;
export const KEY_DATE = 8;
export const KEY_DOCUMENT = 16;
export const KEY_GIVEN_MONTHDAY = 32;
export const KEY_SURNAMES = 64;
export const KEY_GIVEN_PAIR = 128;
export const KEY_SKELETON = 256;
export const ALL_KEYS = 511;

function pairKey(seed: number, a: string, b: string): number {
  return a < b ? fnv(fnv(seed, a), b) : fnv(fnv(seed, b), a);
}

/** Calls `emit` with every blocking key of a record (only the kinds in `kinds`). */
export function blockingKeys(r: PreparedRecord, emit: (key: number) => void, kinds = ALL_KEYS): void {
  const given = givenSounds(r);
  // Without surnames the given-names box may hold a full name: its later words may be surnames.
  const surs = r.surPhon.length ? r.surPhon : r.givenPhon.slice(1);
  // With only surnames (no given names), the first surname may be a given name in the wrong box.
  const firsts = given.length ? given : r.surPhon.slice(0, 1);
  if (kinds & KEY_NAMES) {
    for (const s of surs) {
      if (s.length < 2) continue;
      for (const g of firsts) {
        if (g === s || g.length < 2) continue;
        emit(pairKey(SEED_NAMES, s, g));
      }
    }
  }
  if (kinds & KEY_SKELETON) {
    // Typo-tolerant twin of the names key: surname skeleton × given-name skeleton.
    const gs = (r.given.length ? r.given : r.sur.slice(0, 1)).slice(0, 2);
    const ss = r.sur.length ? r.sur : r.given.slice(1);
    for (const s of ss) {
      const sk = consonantSkeleton(s);
      for (const g of gs) if (g !== s) emit(pairKey(SEED_SKELETON, sk, consonantSkeleton(g)));
    }
  }
  if (kinds & KEY_SURNAMES && surs.length >= 2) emit(pairKey(SEED_SURNAMES, surs[0] as string, surs[1] as string));
  if (kinds & KEY_GIVEN_PAIR && r.givenPhon.length >= 2)
    emit(pairKey(SEED_GIVEN_PAIR, r.givenPhon[0] as string, r.givenPhon[1] as string));
  if (r.birthYear) {
    if (kinds & KEY_SURNAME_YEAR)
      for (const s of surs) if (s.length >= 2) emit(mix(fnv(SEED_SUR_YEAR, s), r.birthYear));
    if (kinds & KEY_GIVEN_YEAR)
      for (const g of firsts) if (g.length >= 2) emit(mix(fnv(SEED_GIVEN_YEAR, g), r.birthYear));
  }
  if (r.birthYear && r.birthMonth && r.birthDay) {
    const lo = Math.min(r.birthMonth, r.birthDay);
    const hi = Math.max(r.birthMonth, r.birthDay);
    if (kinds & KEY_DATE) emit(mix(SEED_DATE, r.birthYear * 10000 + lo * 100 + hi));
    if (kinds & KEY_GIVEN_MONTHDAY)
      for (const g of firsts) if (g.length >= 2) emit(mix(fnv(SEED_GIVEN_MONTHDAY, g.slice(0, 2)), lo * 100 + hi));
  }
  if (r.document && kinds & KEY_DOCUMENT) emit(fnv(SEED_DOC, r.document));
}

/** Bucketed index of blocking keys: bucket → (key hash, record index) entries. */
export interface BlockingIndex {
  mask: number;
  offsets: Uint32Array;
  hashes: Uint32Array;
  records: Uint32Array;
  size: number;
}

/** Builds the index over prepared records in two passes (count, then fill). */
export function buildBlockingIndex(records: readonly PreparedRecord[]): BlockingIndex {
  let hashes = new Uint32Array(Math.max(16, records.length * 8));
  let recs = new Uint32Array(hashes.length);
  let n = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as PreparedRecord;
    blockingKeys(r, (key) => {
      if (n === hashes.length) {
        const h2 = new Uint32Array(hashes.length * 2);
        h2.set(hashes);
        hashes = h2;
        const r2 = new Uint32Array(recs.length * 2);
        r2.set(recs);
        recs = r2;
      }
      hashes[n] = key;
      recs[n] = i;
      n++;
    });
  }
  let bits = 10;
  while (1 << bits < n && bits < 26) bits++;
  const mask = (1 << bits) - 1;
  const offsets = new Uint32Array((1 << bits) + 1);
  for (let k = 0; k < n; k++) {
    const b = ((hashes[k] as number) & mask) + 1;
    offsets[b] = (offsets[b] as number) + 1;
  }
  for (let b = 0; b < 1 << bits; b++) offsets[b + 1] = (offsets[b + 1] as number) + (offsets[b] as number);
  const fill = offsets.slice(0, 1 << bits);
  const outHashes = new Uint32Array(n);
  const outRecs = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const h = hashes[k] as number;
    const pos = fill[h & mask] as number;
    fill[h & mask] = pos + 1;
    outHashes[pos] = h;
    outRecs[pos] = recs[k] as number;
  }
  return { mask, offsets, hashes: outHashes, records: outRecs, size: records.length };
}

/**
 * Collects the candidates of a query record into `out` (deduplicated with `seen`, a stamp array
 * the size of the index, and `stamp`, a number unique to this query). Returns the count.
 */
export function collectCandidates(
  index: BlockingIndex,
  query: PreparedRecord,
  seen: Uint32Array,
  stamp: number,
  out: Uint32Array,
  kinds = ALL_KEYS,
): number {
  let count = 0;
  blockingKeys(
    query,
    (key) => {
      const b = key & index.mask;
      const end = index.offsets[b + 1] as number;
      for (let p = index.offsets[b] as number; p < end; p++) {
        if (index.hashes[p] !== key) continue;
        const r = index.records[p] as number;
        if (seen[r] === stamp) continue;
        seen[r] = stamp;
        if (count < out.length) out[count++] = r;
      }
    },
    kinds,
  );
  return count;
}
