// The encode step: runs where the clear records live (the deployment that owns them) and turns
// each record into an opaque encoded record — a reference that means nothing outside the owner,
// one bit vector of field-level Bloom filters, and keyed blocking tokens. Nothing in the output is
// clear text or a public hash of clear text. See docs/decisions/0132-privacy-preserving-linkage.md.
import { createHmac } from 'node:crypto';
import { ALL_KEYS, blockingKeys, KEY_DATE, KEY_NAMES } from '../matching/blocking.ts';
import type { PersonRecord, PreparedRecord } from '../matching/person-record.types.ts';
import { prepareRecord } from '../matching/record-prepare.ts';
import { spanishPhonetic } from '../matching/spanish-phonetic.ts';
import { deriveKey, GramHasher, KeyedStream, keyedPermutation, keyedTokens } from './keys.ts';
import { LAYOUT, RECORD_WORDS, TOKEN_DATE, TOKEN_NAMES, TOKEN_OTHER, type Segment } from './layout.ts';

/** Encoded records as the match step receives them: no clear text anywhere. */
export interface EncodedCollection {
  size: number;
  /** Opaque references; only the owner can map them back to its records. */
  refs: string[];
  /** `size` × RECORD_WORDS words: each record's field-level Bloom filters (see LAYOUT). */
  words: Uint32Array;
  /** Tokens of record i are tokens[tokenStart[i] .. tokenStart[i+1]). */
  tokenStart: Uint32Array;
  tokens: Uint32Array;
  /** TOKEN_NAMES, TOKEN_DATE or TOKEN_OTHER for each token (the layout of blocking, not its values). */
  tokenKinds: Uint8Array;
}

export interface EncoderOptions {
  /** The secret of the agreement, shared by the parties that link (at least 128 bits). */
  secret: Uint8Array;
  /**
   * The owner's own secret, never shared: derives the opaque references and the seed of each
   * record's noise, so the partner can neither map references back nor subtract the noise.
   */
  ownerKey: Uint8Array;
}

/** Share of each q-gram filter's bits flipped by record-specific noise (BLIP, Schnell & Borgs 2016). */
export const FLIP_SHARE = 0.01;
const BIRTH_BASE_YEAR = 1880;
const EVENT_BASE_YEAR = 1960;

// Place words that begin many place names and say nothing on their own.
const GENERIC_PLACE = new Set(['san', 'santa', 'santo', 'ciudad', 'villa', 'puerto', 'el', 'los', 'las', 'county']);

interface Hashers {
  document: GramHasher;
  nationality: GramHasher;
  birthDate: GramHasher;
  birthDigits: GramHasher;
  birthYears: Uint16Array;
  eventHalves: Uint16Array;
  sex: Uint16Array;
  tokenKey: Buffer;
  ownerKey: Buffer;
  birthCache: Map<string, Uint32Array>;
  nameTokens: TokenPositions;
  originTokens: TokenPositions;
  eventPlaceTokens: TokenPositions;
  addressTokens: TokenPositions;
}

function hashers(options: EncoderOptions): Hashers {
  const k = (label: string): Buffer => deriveKey(options.secret, label);
  const names = new GramHasher(k('names'), 1024, 4);
  const origin = new GramHasher(k('origin'), 256, 4);
  const eventPlace = new GramHasher(k('event-place'), 256, 4);
  const address = new GramHasher(k('address'), 256, 3);
  const place = (t: string): Iterable<string> => (GENERIC_PLACE.has(t) ? [] : bigrams('w', t));
  return {
    // Given names and surnames share one key so that names typed in each other's box still meet.
    document: new GramHasher(k('document'), 256, 4),
    nationality: new GramHasher(k('nationality'), 64, 2),
    birthDate: new GramHasher(k('birth-date'), 64, 2),
    birthDigits: new GramHasher(k('birth-digits'), 128, 2),
    birthYears: keyedPermutation(k('birth-years'), 256),
    eventHalves: keyedPermutation(k('event-halves'), 256),
    sex: keyedPermutation(k('sex'), 32),
    tokenKey: k('blocking'),
    ownerKey: deriveKey(options.ownerKey, 'references-and-noise'),
    birthCache: new Map(),
    nameTokens: new TokenPositions(names, (t) => nameGrams([t])),
    originTokens: new TokenPositions(origin, place),
    eventPlaceTokens: new TokenPositions(eventPlace, place),
    addressTokens: new TokenPositions(address, (t) => bigrams('w', t)),
  };
}

function setBit(words: Uint32Array, base: number, seg: Segment, bit: number): void {
  const w = base + seg.word + (bit >>> 5);
  words[w] = ((words[w] as number) | (1 << (bit & 31))) >>> 0;
}

function addGrams(words: Uint32Array, base: number, seg: Segment, h: GramHasher, grams: Iterable<string>): void {
  for (const g of grams) for (const p of h.positions(g)) setBit(words, base, seg, p);
}

/** Padded bigrams of a token, prefixed by what they come from ("g" spelling, "p" sound…). */
function* bigrams(prefix: string, token: string): Generator<string> {
  const t = `_${token}_`;
  for (let i = 0; i + 1 < t.length; i++) yield prefix + t.slice(i, i + 2);
}

function* nameGrams(tokens: readonly string[]): Generator<string> {
  for (const t of tokens) {
    yield* bigrams('g', t);
    yield* bigrams('p', spanishPhonetic(t));
    // Letters counted without their order ("a1", "a2"…): two neighbouring letters swapped
    // ("Jauna", "Drawin") keep them all, where bigrams lose three of six.
    const seen = new Map<string, number>();
    for (const ch of t) {
      const n = (seen.get(ch) ?? 0) + 1;
      seen.set(ch, n);
      yield `l${ch}${n}`;
    }
  }
}

/**
 * All bit positions of one token's q-grams, cached per token: names and places repeat (a few
 * thousand distinct values for a million records), so each is hashed once per encoder.
 */
class TokenPositions {
  private readonly cache = new Map<string, Uint16Array>();
  constructor(
    private readonly hasher: GramHasher,
    private readonly grams: (token: string) => Iterable<string>,
  ) {}

  set(words: Uint32Array, base: number, seg: Segment, tokens: readonly string[]): void {
    for (const t of tokens) {
      let p = this.cache.get(t);
      if (!p) {
        const all: number[] = [];
        for (const g of this.grams(t)) for (const x of this.hasher.positions(g)) all.push(x);
        p = Uint16Array.from(all);
        if (this.cache.size > 500_000) this.cache.clear();
        this.cache.set(t, p);
      }
      for (let i = 0; i < p.length; i++) setBit(words, base, seg, p[i] as number);
    }
  }
}

function setOneHot(words: Uint32Array, base: number, seg: Segment, perm: Uint16Array, lo: number, hi: number): void {
  const size = seg.words * 32;
  for (let v = Math.max(0, lo); v <= Math.min(size - 1, hi); v++) setBit(words, base, seg, perm[v] as number);
}

function birthYearRange(r: PreparedRecord): [number, number] | null {
  if (r.birthYear) return [r.birthYear, r.birthYear];
  if (Number.isNaN(r.ageMin) || Number.isNaN(r.eventDay)) return null;
  const year = new Date(r.eventDay * 86_400_000).getUTCFullYear();
  return [year - r.ageMax - 1, year - r.ageMin];
}

/** A number with one digit masked in turn ("1986" → "*986", "1*86"…): one-digit slips share one. */
function masked(prefix: string, value: number, width: number): string[] {
  const text = String(value).padStart(width, '0');
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) out.push(`${prefix}${i}${text.slice(0, i)}*${text.slice(i + 1)}`);
  return out;
}

function writeBirth(words: Uint32Array, base: number, r: PreparedRecord, h: Hashers): void {
  if (r.birthYear) {
    const { birthYear: y, birthMonth: m, birthDay: d } = r;
    const b = h.birthDate;
    addGrams(words, base, LAYOUT.birthYear, b, [`y${y}`]);
    addGrams(words, base, LAYOUT.birthYearDigits, h.birthDigits, masked('Y', y, 4));
    if (m) {
      addGrams(words, base, LAYOUT.birthYearMonth, b, [`ym${y}-${m}`]);
      addGrams(words, base, LAYOUT.birthMonthDigits, h.birthDigits, masked('M', m, 2));
    }
    if (d) {
      addGrams(words, base, LAYOUT.birthYearDay, b, [`yd${y}-${d}`]);
      addGrams(words, base, LAYOUT.birthDayDigits, h.birthDigits, masked('D', d, 2));
    }
    if (m && d) {
      addGrams(words, base, LAYOUT.birthFull, b, [`f${y}-${m}-${d}`]);
      addGrams(words, base, LAYOUT.birthSorted, b, [`s${y}-${Math.min(m, d)}-${Math.max(m, d)}`]);
      addGrams(words, base, LAYOUT.birthMonthDay, b, [`md${m}-${d}`]);
    }
  }
  const range = birthYearRange(r);
  if (!range) return;
  const [lo, hi] = [range[0] - BIRTH_BASE_YEAR, range[1] - BIRTH_BASE_YEAR];
  // Windows sized so that two windows meet exactly when the years are close enough: a known year
  // spreads ±1 (two dates meet within two years) and ±5 (within ten); an age range is used as it is.
  const exact = r.birthYear > 0;
  setOneHot(words, base, LAYOUT.birthNear, h.birthYears, exact ? lo - 1 : lo, exact ? hi + 1 : hi);
  setOneHot(words, base, LAYOUT.birthFar, h.birthYears, lo - 5, hi + 5);
}

const birthScratch = new Uint32Array(RECORD_WORDS);

/**
 * Birth parts and windows, cached per (date, age range) as (word, mask) pairs: a million records
 * share some tens of thousands of birth dates, so each is hashed once.
 */
function encodeBirth(words: Uint32Array, base: number, r: PreparedRecord, h: Hashers): void {
  const range = r.birthYear ? '' : (birthYearRange(r) ?? []).join('-');
  const key = `${r.birthYear}-${r.birthMonth}-${r.birthDay}|${range}`;
  let pairs = h.birthCache.get(key);
  if (!pairs) {
    birthScratch.fill(0);
    writeBirth(birthScratch, 0, r, h);
    const out: number[] = [];
    for (let w = 0; w < RECORD_WORDS; w++) if (birthScratch[w]) out.push(w, birthScratch[w] as number);
    pairs = Uint32Array.from(out);
    if (h.birthCache.size > 500_000) h.birthCache.clear();
    h.birthCache.set(key, pairs);
  }
  for (let i = 0; i < pairs.length; i += 2) {
    const w = base + (pairs[i] as number);
    words[w] = ((words[w] as number) | (pairs[i + 1] as number)) >>> 0;
  }
}

function encodeEventDate(words: Uint32Array, base: number, r: PreparedRecord, h: Hashers): void {
  if (Number.isNaN(r.eventDay)) return;
  const date = new Date(r.eventDay * 86_400_000);
  const half = (date.getUTCFullYear() - EVENT_BASE_YEAR) * 2 + (date.getUTCMonth() >= 6 ? 1 : 0);
  setOneHot(words, base, LAYOUT.eventNear, h.eventHalves, half - 1, half + 1);
  setOneHot(words, base, LAYOUT.eventFar, h.eventHalves, half - 3, half + 3);
}

const NOISY: readonly Segment[] = [
  LAYOUT.given,
  LAYOUT.surnames,
  LAYOUT.origin,
  LAYOUT.document,
  LAYOUT.address,
  LAYOUT.eventPlace,
];

/** Record-specific random bit flips in the q-gram filters (an empty filter stays empty: "missing"). */
function addNoise(words: Uint32Array, base: number, stream: KeyedStream): void {
  for (const seg of NOISY) {
    let any = 0;
    for (let i = 0; i < seg.words; i++) any |= words[base + seg.word + i] as number;
    if (!any) continue;
    const bits = seg.words * 32;
    const flips = Math.round(bits * FLIP_SHARE);
    for (let f = 0; f < flips; f++) {
      const bit = stream.next() & (bits - 1);
      const w = base + seg.word + (bit >>> 5);
      words[w] = ((words[w] as number) ^ (1 << (bit & 31))) >>> 0;
    }
  }
}

function encodeOne(words: Uint32Array, base: number, r: PreparedRecord, h: Hashers, noiseSeed: Buffer): void {
  h.nameTokens.set(words, base, LAYOUT.given, r.given);
  h.nameTokens.set(words, base, LAYOUT.surnames, r.sur);
  encodeBirth(words, base, r, h);
  if (r.sex) setBit(words, base, LAYOUT.sex, h.sex[r.sex] as number);
  if (r.nationality) addGrams(words, base, LAYOUT.nationality, h.nationality, [`n${r.nationality}`]);
  h.originTokens.set(words, base, LAYOUT.origin, r.origin);
  if (r.document) addGrams(words, base, LAYOUT.document, h.document, bigrams('d', r.document.toLowerCase()));
  h.addressTokens.set(words, base, LAYOUT.address, r.address);
  encodeEventDate(words, base, r, h);
  h.eventPlaceTokens.set(words, base, LAYOUT.eventPlace, r.eventPlace);
  addNoise(words, base, new KeyedStream(noiseSeed));
}

/** An encoder for one owner under one agreement: add records, then take the encoded collection. */
export interface Encoder {
  add(record: PersonRecord): void;
  finish(): EncodedCollection;
}

const CHUNK = 4096;

export function createEncoder(options: EncoderOptions): Encoder {
  const h = hashers(options);
  const refs: string[] = [];
  let words = new Uint32Array(CHUNK * RECORD_WORDS);
  const tokenStart: number[] = [0];
  const tokenParts: Uint32Array[] = [];
  const kindParts: Uint8Array[] = [];
  let pendingValues: number[] = [];
  let pendingKinds: number[] = [];
  let flushed = 0;
  const flush = (): void => {
    if (!pendingValues.length) return;
    tokenParts.push(keyedTokens(h.tokenKey, Uint32Array.from(pendingValues), Uint8Array.from(pendingKinds)));
    flushed += pendingValues.length;
    kindParts.push(Uint8Array.from(pendingKinds));
    pendingValues = [];
    pendingKinds = [];
  };
  return {
    add(record) {
      const i = refs.length;
      if ((i + 1) * RECORD_WORDS > words.length) {
        const grown = new Uint32Array(words.length * 2);
        grown.set(words);
        words = grown;
      }
      const r = prepareRecord(record, i);
      // One keyed digest per record: its first half is the opaque reference, its second the seed
      // of the record's noise (both under the owner's key, which the partner never has).
      const digest = createHmac('sha256', h.ownerKey).update(record.id).digest();
      refs.push(digest.subarray(0, 16).toString('base64url'));
      encodeOne(words, i * RECORD_WORDS, r, h, digest.subarray(16));
      const emit = (kind: number) => (key: number) => {
        pendingValues.push(key);
        pendingKinds.push(kind);
      };
      blockingKeys(r, emit(TOKEN_NAMES), KEY_NAMES);
      blockingKeys(r, emit(TOKEN_DATE), KEY_DATE);
      blockingKeys(r, emit(TOKEN_OTHER), ALL_KEYS & ~(KEY_NAMES | KEY_DATE));
      tokenStart.push(flushed + pendingValues.length);
      if (pendingValues.length >= CHUNK * 8) flush();
    },
    finish() {
      flush();
      const total = tokenStart[tokenStart.length - 1] as number;
      const tokens = new Uint32Array(total);
      const tokenKinds = new Uint8Array(total);
      let at = 0;
      for (let p = 0; p < tokenParts.length; p++) {
        tokens.set(tokenParts[p] as Uint32Array, at);
        tokenKinds.set(kindParts[p] as Uint8Array, at);
        at += (tokenParts[p] as Uint32Array).length;
      }
      return {
        size: refs.length,
        refs,
        words: words.slice(0, refs.length * RECORD_WORDS),
        tokenStart: Uint32Array.from(tokenStart),
        tokens,
        tokenKinds,
      };
    },
  };
}

/** Encodes a whole collection at once. */
export function encodeRecords(records: readonly PersonRecord[], options: EncoderOptions): EncodedCollection {
  const encoder = createEncoder(options);
  for (const r of records) encoder.add(r);
  return encoder.finish();
}
