// Bit counting over Uint32Array words: every comparison of encodings is made of these (bit
// operations on typed arrays, never strings).

/** Number of set bits of a 32-bit integer (SWAR popcount). */
export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

/** Set bits in `words` words of `a` starting at word `from`. */
export function popcount(a: Uint32Array, from: number, words: number): number {
  let n = 0;
  for (let i = from, end = from + words; i < end; i++) n += popcount32(a[i] as number);
  return n;
}

/** Set bits of (a AND b) over `words` words, starting at `aFrom` in a and `bFrom` in b. */
export function andCount(a: Uint32Array, aFrom: number, b: Uint32Array, bFrom: number, words: number): number {
  let n = 0;
  for (let i = 0; i < words; i++) n += popcount32((a[aFrom + i] as number) & (b[bFrom + i] as number));
  return n;
}

/** Set bits of (a AND (b OR c)): a against the union of two filters (a full name against given names + surnames). */
export function andOrCount(
  a: Uint32Array,
  aFrom: number,
  b: Uint32Array,
  bFrom: number,
  cFrom: number,
  words: number,
): number {
  let n = 0;
  for (let i = 0; i < words; i++)
    n += popcount32((a[aFrom + i] as number) & ((b[bFrom + i] as number) | (b[cFrom + i] as number)));
  return n;
}

/** Sørensen–Dice coefficient from the two bit counts and the count of their intersection. */
export function dice(common: number, countA: number, countB: number): number {
  return countA + countB === 0 ? 0 : (2 * common) / (countA + countB);
}

/** Dice of two whole bit vectors (tests and tools; the linker uses the counted form above). */
export function diceOf(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error('bit vectors of different lengths');
  return dice(andCount(a, 0, b, 0, a.length), popcount(a, 0, a.length), popcount(b, 0, b.length));
}
