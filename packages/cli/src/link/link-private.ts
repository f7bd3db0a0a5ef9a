// `link --private`: privacy-preserving linkage through the same two steps federation uses
// (docs/decisions/0132). Each file is encoded as its owner would encode it — under a fresh random
// agreement secret and its own owner key — and only the wire form of the encodings reaches the
// match step, which never sees a name. References are mapped back to ids at the end, as each owner
// would do for its own side.
import { randomBytes } from 'node:crypto';
import {
  encodeRecords,
  linkEncoded,
  parseEncoded,
  serializeEncoded,
  SECRET_BYTES,
  type LinkRow,
  type PersonRecord,
} from '@acompana/core';

export interface PrivateLinkOptions {
  top: number;
  onProgress?: (done: number, total: number) => void;
  /** Called with the size in bytes of each encoded collection sent to the match step. */
  onEncoded?: (side: 'left' | 'right', bytes: number) => void;
}

/** Encode step of one owner: clear records in, wire bytes out; the owner keeps reference → id. */
function encodeSide(records: readonly PersonRecord[], secret: Uint8Array): { wire: Buffer; ids: Map<string, string> } {
  const encoded = encodeRecords(records, { secret, ownerKey: randomBytes(SECRET_BYTES) });
  const ids = new Map(encoded.refs.map((ref, i) => [ref, (records[i] as PersonRecord).id]));
  return { wire: serializeEncoded(encoded), ids };
}

export function linkPrivately(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[] | null,
  options: PrivateLinkOptions,
): LinkRow[] {
  const secret = randomBytes(SECRET_BYTES);
  const leftSide = encodeSide(left, secret);
  const rightSide = right ? encodeSide(right, secret) : null;
  options.onEncoded?.('left', leftSide.wire.length);
  if (rightSide) options.onEncoded?.('right', rightSide.wire.length);
  // Match step: sees the wire bytes only, answers with opaque references and scores.
  const rows = linkEncoded(parseEncoded(leftSide.wire), rightSide ? parseEncoded(rightSide.wire) : null, {
    top: options.top,
    onProgress: options.onProgress,
  });
  // Back on the owners' side: each maps its own references to its ids.
  const rightIds = (rightSide ?? leftSide).ids;
  return rows.map((r) => ({
    leftId: leftSide.ids.get(r.leftRef) as string,
    rightId: rightIds.get(r.rightRef) as string,
    leftIndex: r.leftIndex,
    rightIndex: r.rightIndex,
    score: r.score,
    decision: r.decision,
  }));
}
