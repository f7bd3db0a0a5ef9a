// Blocking over encodings: an index of the keyed blocking tokens of one encoded collection. Only
// records that share a token with the query are compared. The tokens are keyed pseudo-random
// values (see keys.ts), so the index reveals which records share a block, never what the block is.
import type { EncodedCollection } from './encode.ts';

export interface TokenIndex {
  mask: number;
  offsets: Uint32Array;
  tokens: Uint32Array;
  records: Uint32Array;
}

/** Bucketed flat index (CSR): bucket → (token, record) entries, built in two passes. */
export function buildTokenIndex(c: EncodedCollection, kindMask = 0xff): TokenIndex {
  let n = 0;
  for (let t = 0; t < c.tokens.length; t++) if ((1 << (c.tokenKinds[t] as number)) & kindMask) n++;
  let bits = 10;
  while (1 << bits < n && bits < 26) bits++;
  const mask = (1 << bits) - 1;
  const offsets = new Uint32Array((1 << bits) + 1);
  for (let t = 0; t < c.tokens.length; t++) {
    if (!((1 << (c.tokenKinds[t] as number)) & kindMask)) continue;
    const b = ((c.tokens[t] as number) & mask) + 1;
    offsets[b] = (offsets[b] as number) + 1;
  }
  for (let b = 0; b < 1 << bits; b++) offsets[b + 1] = (offsets[b + 1] as number) + (offsets[b] as number);
  const fill = offsets.slice(0, 1 << bits);
  const tokens = new Uint32Array(n);
  const records = new Uint32Array(n);
  for (let i = 0; i < c.size; i++) {
    for (let t = c.tokenStart[i] as number; t < (c.tokenStart[i + 1] as number); t++) {
      if (!((1 << (c.tokenKinds[t] as number)) & kindMask)) continue;
      const token = c.tokens[t] as number;
      const pos = fill[token & mask] as number;
      fill[token & mask] = pos + 1;
      tokens[pos] = token;
      records[pos] = i;
    }
  }
  return { mask, offsets, tokens, records };
}

/**
 * Candidates of record `qi` of collection `q` (only tokens whose kind is in `kindMask`), written to
 * `out` and deduplicated with the stamp array `seen`. Returns how many.
 */
export function collectEncodedCandidates(
  index: TokenIndex,
  q: EncodedCollection,
  qi: number,
  seen: Uint32Array,
  stamp: number,
  out: Uint32Array,
  kindMask = 0xff,
): number {
  let count = 0;
  for (let t = q.tokenStart[qi] as number; t < (q.tokenStart[qi + 1] as number); t++) {
    if (!((1 << (q.tokenKinds[t] as number)) & kindMask)) continue;
    const token = q.tokens[t] as number;
    const b = token & index.mask;
    const end = index.offsets[b + 1] as number;
    for (let p = index.offsets[b] as number; p < end; p++) {
      if (index.tokens[p] !== token) continue;
      const r = index.records[p] as number;
      if (seen[r] === stamp) continue;
      seen[r] = stamp;
      if (count < out.length) out[count++] = r;
    }
  }
  return count;
}
