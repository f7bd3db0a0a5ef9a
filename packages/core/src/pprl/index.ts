// Privacy-preserving record linkage: encode where the records live, match on encodings only.
// See docs/decisions/0132-privacy-preserving-linkage.md.
export { popcount32, popcount, andCount, dice, diceOf } from './bits.ts';
export { LAYOUT, RECORD_WORDS, SEGMENT_NAMES, type Segment, type SegmentName } from './layout.ts';
export { SECRET_BYTES } from './keys.ts';
export {
  createEncoder,
  encodeRecords,
  FLIP_SHARE,
  type EncodedCollection,
  type Encoder,
  type EncoderOptions,
} from './encode.ts';
export { compareEncoded, countBits, type CountedCollection } from './compare.ts';
export {
  linkEncoded,
  trainEncodedModel,
  type EncodedLinkOptions,
  type EncodedLinkRow,
  type EncodedMatcher,
} from './link.ts';
export { serializeEncoded, parseEncoded, EncodedFormatError } from './wire.ts';
export { buildTokenIndex, type TokenIndex } from './token-index.ts';
export {
  explainEncodedPair,
  type EncodedFieldReason,
  type EncodedPairExplanation,
  type ReasonLanguage,
} from './reasons.ts';
