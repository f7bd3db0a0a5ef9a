// Transnational search between peered deployments (issue 20, item 3; decision 0151; docs/federation.md §4).
//   sweep        for each agreement in force with the search purpose: this side's reports whose
//                family consented to a search with others are encoded under the agreement's
//                secret and queued to the partner as a search; this side's searchable records
//                (people who consented to sharing, unidentified found records and remains) are
//                encoded into the agreement's index and compared with what the partner asked, and
//                new pairs are queued to it; records that left the search are withdrawn on both
//                sides. It compares what changed since the last run, so a deployment that was
//                offline catches up on its first run.
//   receive*     what the partner sends (signed, search-endpoints.ts): a search is answered at once
//                with opaque references and scores; pairs, withdrawals and decisions are applied
//                once (idempotency key); a tracing exchange only for a pair both sides agreed.
//   review       both sides list the pairs in their review (this side's record in clear, the
//                partner's only as its organisation and the reasons without values), and record
//                their decision; when both said "the same person", each side sends the fields the
//                agreement allows for its own record, audited on both sides.
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import { parseEncoded, serializeEncoded, EncodedFormatError, type EncodedCollection } from '@acompana/core';
import { sealBytesFor, sealTextFor } from './federation-crypto.ts';
import type { PeerRow } from './peers.queries.ts';
import { compareEncodings, splitEncoded, type EncodedCandidate } from './search-encoding.ts';
import { createSearchStore, type SearchDeps } from './search-store.ts';
import { createSearchSweep } from './search-sweep.ts';
import { createOutgoing } from './search-outgoing.ts';
import { createSearchReview } from './search-review.ts';
import * as sq from './search.queries.ts';

export { DELIVER_JOB } from './search-review.ts';
export type { SearchDeps } from './search-store.ts';

/** Most reports a partner may send in one search. */
export const MAX_QUERIES = 200;
const REF = /^[A-Za-z0-9_-]{1,64}$/;

export function createFederatedSearch(deps: SearchDeps) {
  const { db, keyring, audit, clock } = deps;
  const store = createSearchStore(deps);
  const { loadIndex, storePairs, setStatus, queueTracing } = store;

  // What the partner sends ---------------------------------------------------------------------

  /** A search: stored as opaque encodings, compared with the index, answered with pairs. */
  async function receiveSearch(peer: PeerRow, messageId: string, queriesBase64: string) {
    let queries: EncodedCollection;
    try {
      queries = parseEncoded(Buffer.from(queriesBase64, 'base64'));
    } catch (error) {
      if (error instanceof EncodedFormatError) throw new AppError('federation.encoding_invalid');
      throw error;
    }
    if (queries.size === 0 || queries.size > MAX_QUERIES || new Set(queries.refs).size !== queries.size)
      throw new AppError('federation.encoding_invalid');
    if (!queries.refs.every((r) => REF.test(r))) throw new AppError('federation.encoding_invalid');
    const singles = splitEncoded(queries);
    const sealed: Buffer[] = [];
    for (const s of singles)
      sealed.push(
        await sealBytesFor(keyring, peer.org_id, 'federation_received_queries', 'encoding', serializeEncoded(s)),
      );
    const index = await loadIndex(peer.id, peer.org_id);
    const found = compareEncodings(queries, index, index.size);
    const local = await sq.localRecordsByRefs(
      db,
      peer.id,
      found.map((c) => c.recordRef),
    );
    await db.transaction(async (tx) => {
      for (const [i, ref] of queries.refs.entries())
        await sq.upsertReceivedQuery(tx, {
          peerId: peer.id,
          orgId: peer.org_id,
          ref,
          encoding: sealed[i] as Buffer,
          at: clock(),
        });
      const fresh = await storePairs(tx, peer, 'record', found, local);
      await audit.append(tx, {
        action: 'federation.search_received',
        recordType: 'federation_peer',
        recordId: peer.id,
        orgId: peer.org_id,
        details: { messageId, queries: queries.size, indexed: index.size, pairs: found.length, newPairs: fresh },
      });
    });
    return { candidates: found };
  }

  /** Pairs found by the partner (the answer to our search, or its new records against our reports). */
  async function receivePairs(peer: PeerRow, messageId: string, found: readonly EncodedCandidate[]) {
    const local = await sq.localRecordsByRefs(
      db,
      peer.id,
      found.map((c) => c.reportRef),
    );
    return db.transaction(async (tx) => {
      const fresh = await storePairs(tx, peer, 'report', found, local);
      await audit.append(tx, {
        action: 'federation.pairs_received',
        recordType: 'federation_peer',
        recordId: peer.id,
        orgId: peer.org_id,
        details: { messageId, pairs: found.length, newPairs: fresh },
      });
      return { stored: fresh };
    });
  }

  /** The partner's reports or records left the search: forget its encodings, close open pairs. */
  async function receiveWithdrawal(peer: PeerRow, messageId: string, reportRefs: string[], recordRefs: string[]) {
    await db.transaction(async (tx) => {
      if (!(await sq.firstDelivery(tx, peer.id, messageId, 'withdraw', clock()))) return;
      const forgotten = await sq.deleteReceivedQueries(tx, peer.id, reportRefs);
      // Their reports pair with our records (side 'record'); their records with our reports.
      const closed =
        (await closeSide(tx, peer.id, 'record', reportRefs, 'report_ref')) +
        (await closeSide(tx, peer.id, 'report', recordRefs, 'record_ref'));
      await audit.append(tx, {
        action: 'federation.search_withdrawn_by_partner',
        recordType: 'federation_peer',
        recordId: peer.id,
        orgId: peer.org_id,
        details: { messageId, queriesForgotten: forgotten, pairsClosed: closed },
      });
    });
    return { withdrawn: true };
  }

  async function closeSide(
    tx: Queryable,
    peerId: string,
    side: 'report' | 'record',
    refs: string[],
    column: 'report_ref' | 'record_ref',
  ): Promise<number> {
    if (refs.length === 0) return 0;
    const { rowCount } = await tx.query(
      `UPDATE federation_candidates SET status = 'closed', closed_reason = 'withdrawn'
        WHERE peer_id = $1 AND side = $2 AND status = 'open' AND ${column} = ANY($3::text[])`,
      [peerId, side, refs],
    );
    return rowCount;
  }

  /** The partner's reviewer decided on a pair. */
  async function receiveDecision(
    peer: PeerRow,
    messageId: string,
    input: { reportRef: string; recordRef: string; decision: 'same_person' | 'not_same'; decidedAt: string },
  ) {
    const pair = await sq.findPair(db, peer.id, input.reportRef, input.recordRef);
    if (!pair) throw new AppError('record.not_found');
    const status = await db.transaction(async (tx) => {
      if (!(await sq.firstDelivery(tx, peer.id, messageId, 'decision', clock()))) return pair.status;
      if (pair.status !== 'open') return pair.status;
      const { rows } = await tx.query<{ status: string }>(
        `UPDATE federation_candidates SET their_decision = $2, their_decided_at = $3 WHERE id = $1
         RETURNING status`,
        [pair.id, input.decision, clock()],
      );
      const next = await setStatus(tx, pair.id);
      await audit.append(tx, {
        action: 'federation.partner_decision',
        recordType: 'federation_candidate',
        recordId: pair.id,
        orgId: pair.org_id,
        details: { messageId, decision: input.decision, partnerDecidedAt: input.decidedAt, status: next },
      });
      if (rows.length && next === 'agreed') await queueTracing(tx, peer, pair.id);
      return next;
    });
    return { status };
  }

  /** The partner's fields for a pair both sides agreed on. */
  async function receiveTracing(
    peer: PeerRow,
    messageId: string,
    input: { reportRef: string; recordRef: string; fields: Record<string, unknown> },
  ) {
    const pair = await sq.findPair(db, peer.id, input.reportRef, input.recordRef);
    if (!pair) throw new AppError('record.not_found');
    if (pair.status !== 'agreed') throw new AppError('federation.pair_not_agreed');
    const names = Object.keys(input.fields);
    if (!names.every((f) => peer.tracing_fields.includes(f))) throw new AppError('validation.invalid_value');
    const sealed = await sealTextFor(
      keyring,
      pair.org_id,
      'federation_candidates',
      'tracing_received',
      JSON.stringify(input.fields),
    );
    await db.transaction(async (tx) => {
      if (!(await sq.firstDelivery(tx, peer.id, messageId, 'tracing', clock()))) return;
      await tx.query(
        `UPDATE federation_candidates SET tracing_received = $2, tracing_received_fields = $3, tracing_received_at = $4
          WHERE id = $1`,
        [pair.id, sealed, names, clock()],
      );
      await audit.append(tx, {
        action: 'federation.tracing_received',
        recordType: 'federation_candidate',
        recordId: pair.id,
        orgId: pair.org_id,
        details: {
          messageId,
          fields: names.join(','),
          ourDecisionBy: pair.our_decided_by,
          ourDecisionAt: pair.our_decided_at ? new Date(pair.our_decided_at).toISOString() : null,
          partnerDecisionAt: pair.their_decided_at ? new Date(pair.their_decided_at).toISOString() : null,
        },
      });
    });
    return { received: names };
  }

  return {
    ...createSearchSweep(deps, store),
    ...createOutgoing(deps),
    ...createSearchReview(deps, store),
    receiveSearch,
    receivePairs,
    receiveWithdrawal,
    receiveDecision,
    receiveTracing,
    /** After a search answer: the partner's pairs for our reports. */
    storeAnswer: receivePairs,
  };
}

export type FederatedSearch = ReturnType<typeof createFederatedSearch>;
