// The wire form of an encoded collection: what one deployment sends another (and what the `link
// --private` command passes from its encode step to its match step). A versioned binary layout;
// parsing checks every length, so a truncated or forged payload is refused, never half-read.
import { RECORD_WORDS } from './layout.ts';
import type { EncodedCollection } from './encode.ts';

const MAGIC = 0x4c525050; // "PPRL"
const VERSION = 1;

export function serializeEncoded(c: EncodedCollection): Buffer {
  const refs = Buffer.from(c.refs.join('\n'), 'utf8');
  const header = Buffer.alloc(24);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(VERSION, 4);
  header.writeUInt32LE(c.size, 8);
  header.writeUInt32LE(RECORD_WORDS, 12);
  header.writeUInt32LE(c.tokens.length, 16);
  header.writeUInt32LE(refs.length, 20);
  const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return Buffer.concat([header, bytes(c.words), bytes(c.tokenStart), bytes(c.tokens), bytes(c.tokenKinds), refs]);
}

export class EncodedFormatError extends Error {}

export function parseEncoded(payload: Uint8Array): EncodedCollection {
  const buf = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  if (buf.length < 24 || buf.readUInt32LE(0) !== MAGIC) throw new EncodedFormatError('not an encoded collection');
  if (buf.readUInt32LE(4) !== VERSION) throw new EncodedFormatError('unsupported encoding version');
  const size = buf.readUInt32LE(8);
  if (buf.readUInt32LE(12) !== RECORD_WORDS) throw new EncodedFormatError('encoded with another record layout');
  const tokenCount = buf.readUInt32LE(16);
  const refBytes = buf.readUInt32LE(20);
  const wordBytes = size * RECORD_WORDS * 4;
  const startBytes = (size + 1) * 4;
  const expected = 24 + wordBytes + startBytes + tokenCount * 5 + refBytes;
  if (buf.length !== expected) throw new EncodedFormatError('encoded collection has the wrong length');
  // Copies, so the typed arrays are aligned whatever the payload's offset.
  let at = 24;
  const take = (n: number): ArrayBuffer => {
    const out = new Uint8Array(n);
    out.set(buf.subarray(at, at + n));
    at += n;
    return out.buffer;
  };
  const words = new Uint32Array(take(wordBytes));
  const tokenStart = new Uint32Array(take(startBytes));
  const tokens = new Uint32Array(take(tokenCount * 4));
  const tokenKinds = new Uint8Array(take(tokenCount));
  const refs = size
    ? buf
        .subarray(at, at + refBytes)
        .toString('utf8')
        .split('\n')
    : [];
  if (refs.length !== size || tokenStart[0] !== 0 || tokenStart[size] !== tokenCount)
    throw new EncodedFormatError('encoded collection is inconsistent');
  for (let i = 0; i < size; i++)
    if ((tokenStart[i + 1] as number) < (tokenStart[i] as number))
      throw new EncodedFormatError('encoded collection is inconsistent');
  return { size, refs, words, tokenStart, tokens, tokenKinds };
}
