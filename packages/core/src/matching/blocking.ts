// Blocking: only pairs that share at least one key are compared, so cost grows with the number of
// records times the (small) size of their blocks instead of with the product of the two files.
// Several keys are used and their candidates united, so a typo in one field cannot hide a match:
//   - a surname sound + a given-name sound (unordered, so swapped name fields still meet),
//   - a surname sound + birth year,
//   - a given-name sound + full birth date (day and month unordered: swapped dates still meet),
//   - the full birth date alone (unordered day/month),
//   - the identity document number.
// Keys are 32-bit hashes stored in a flat bucketed array (no per-key objects): a million records
// produce about ten million keys, which fit in under 100 MB.
import { nicknameTargets } from './nicknames.ts';
import type { PreparedRecord } from './person-record.types.ts';
import { spanishPhonetic } from './spanish-phonetic.ts';

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
const SEED_GIVEN_DATE = 0x27d4eb2d;
const SEED_DATE = 0x165667b1;
const SEED_DOC = 0x61c88647;

function givenSounds(r: PreparedRecord): string[] {
  // The first two given names, plus what an ambiguous nickname may stand for ("beto" → roberto…).
  const out: string[] = [];
  for (let i = 0; i < r.given.length && i < 3; i++) {
    out.push(r.givenPhon[i] as string);
    const targets = nicknameTargets(r.given[i] as string);
    if (targets) for (const t of targets) out.push(spanishPhonetic(t));
  }
  return out;
}

/** Calls `emit` with every blocking key of a record. */
export function blockingKeys(r: PreparedRecord, emit: (key: number) => void): void {
  const given = givenSounds(r);
  // Without surnames the given-names box may hold a full name: its later words may be surnames.
  const surs = r.surPhon.length ? r.surPhon : r.givenPhon.slice(1);
  // With only surnames (no given names), the first surname may be a given name written in the
  // wrong box; pair surnames with each other.
  const firsts = given.length ? given : r.surPhon;
  for (const s of surs) {
    if (s.length < 2) continue;
    for (const g of firsts) {
      if (g === s || g.length < 2) continue;
      emit(s < g ? fnv(fnv(SEED_NAMES, s), g) : fnv(fnv(SEED_NAMES, g), s));
    }
    if (r.birthYear) emit(mix(fnv(SEED_SUR_YEAR, s), r.birthYear));
  }
  if (r.birthYear && r.birthMonth && r.birthDay) {
    const lo = Math.min(r.birthMonth, r.birthDay);
    const hi = Math.max(r.birthMonth, r.birthDay);
    const dateCode = r.birthYear * 10000 + lo * 100 + hi;
    emit(mix(SEED_DATE, dateCode));
    for (const g of given) if (g.length >= 2) emit(mix(fnv(SEED_GIVEN_DATE, g), dateCode));
  }
  if (r.document) emit(fnv(SEED_DOC, r.document));
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
export function collectCandidates(index: BlockingIndex, query: PreparedRecord, seen: Uint32Array, stamp: number, out: Uint32Array): number {
  let count = 0;
  blockingKeys(query, (key) => {
    const b = key & index.mask;
    const end = index.offsets[b + 1] as number;
    for (let p = index.offsets[b] as number; p < end; p++) {
      if (index.hashes[p] !== key) continue;
      const r = index.records[p] as number;
      if (seen[r] === stamp) continue;
      seen[r] = stamp;
      if (count < out.length) out[count++] = r;
    }
  });
  return count;
}
