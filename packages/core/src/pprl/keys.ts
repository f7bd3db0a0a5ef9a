// Everything keyed by the agreement secret. Each field gets its own key (HMAC-SHA256 of the secret
// and the field's label), so the bit a q-gram sets differs between fields and between agreements,
// and without the secret nobody can compute which bits a name would set (no dictionary attack).
// Positions come from independent HMAC output ("random hashing"), not from the double-hashing
// scheme of the original CLK, whose linear structure the cryptanalyses of Niedermeyer et al. (2014)
// and Kroll & Steinmetzer (2015) exploit. See docs/decisions/0132-privacy-preserving-linkage.md.
import { createCipheriv, createHmac } from 'node:crypto';

/** Bytes of a fresh agreement secret (256 bits). */
export const SECRET_BYTES = 32;

const VERSION_LABEL = 'acompana-pprl-v1';

export function deriveKey(secret: Uint8Array, label: string): Buffer {
  if (secret.length < 16) throw new Error('the agreement secret must be at least 128 bits');
  return createHmac('sha256', secret).update(`${VERSION_LABEL}:${label}`).digest();
}

/**
 * Bit positions of a q-gram in a segment of `bits` bits (a power of two up to 65,536): `k`
 * independent positions read from HMAC(fieldKey, gram). Cached, since a collection has a few
 * thousand distinct q-grams and millions of occurrences.
 */
export class GramHasher {
  private readonly cache = new Map<string, Uint16Array>();
  constructor(
    private readonly key: Buffer,
    private readonly bits: number,
    private readonly k: number,
  ) {
    if (k > 16) throw new Error('at most 16 positions per q-gram');
  }

  positions(gram: string): Uint16Array {
    let p = this.cache.get(gram);
    if (p) return p;
    const digest = createHmac('sha256', this.key).update(gram).digest();
    p = new Uint16Array(this.k);
    for (let i = 0; i < this.k; i++) p[i] = digest.readUInt16LE(2 * i) & (this.bits - 1);
    if (this.cache.size > 1_000_000) this.cache.clear();
    this.cache.set(gram, p);
    return p;
  }
}

/** A small, fast generator (xoshiro128**) seeded from 16 bytes of keyed output. */
export class KeyedStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: Buffer) {
    this.a = seed.readUInt32LE(0) | 1;
    this.b = seed.readUInt32LE(4);
    this.c = seed.readUInt32LE(8);
    this.d = seed.readUInt32LE(12);
  }

  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A keyed permutation of 0..size-1 (Fisher–Yates driven by the key): one-hot codes for numbers. */
export function keyedPermutation(key: Buffer, size: number): Uint16Array {
  const perm = new Uint16Array(size);
  for (let i = 0; i < size; i++) perm[i] = i;
  const stream = new KeyedStream(createHmac('sha256', key).update('permutation').digest());
  for (let i = size - 1; i > 0; i--) {
    const j = stream.next() % (i + 1);
    const t = perm[i] as number;
    perm[i] = perm[j] as number;
    perm[j] = t;
  }
  return perm;
}

/**
 * A keyed pseudo-random function over 32-bit values (AES-128 on one block per value), run over a
 * whole batch at once: the clear blocking keys become tokens that only holders of the secret can
 * compute, and equal only when the clear keys are equal.
 */
export function keyedTokens(key: Buffer, values: Uint32Array, kinds: Uint8Array): Uint32Array {
  const blocks = Buffer.alloc(values.length * 16);
  for (let i = 0; i < values.length; i++) {
    blocks.writeUInt32LE(values[i] as number, i * 16);
    blocks.writeUInt32LE(kinds[i] as number, i * 16 + 4);
  }
  const cipher = createCipheriv('aes-128-ecb', key.subarray(0, 16), null);
  cipher.setAutoPadding(false);
  const out = Buffer.concat([cipher.update(blocks), cipher.final()]);
  const tokens = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) tokens[i] = out.readUInt32LE(i * 16);
  return tokens;
}
