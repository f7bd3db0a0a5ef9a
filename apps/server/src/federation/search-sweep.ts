// The sweep of the transnational search (decision 0151), on the job queue every minute: for each
// agreement in force with the search purpose, this side's reports whose family consented to a
// search with others are encoded under the agreement's secret and queued to the partner as a
// search; this side's searchable records (people who consented to sharing, unidentified found
// records and remains) are encoded into the agreement's index and compared with what the partner
// asked, and new pairs are queued to it; records that left the search are withdrawn on both sides.
// It works on what changed since it last ran (record versions against the encodings kept), so a
// deployment that was offline catches up on its first run.
import { serializeEncoded } from '@acompana/core';
import { sealBytesFor } from './federation-crypto.ts';
import { compareEncodings, encodedReferenceModel, encodeLocalRecords } from './search-encoding.ts';
import { INDEXED, type PeerKeys, type SearchDeps, type SearchStore } from './search-store.ts';
import * as sq from './search.queries.ts';

/** Reports per search message; records encoded per batch. */
const REPORTS_PER_MESSAGE = 100;
const RECORDS_PER_BATCH = 500;

export function createSearchSweep(deps: SearchDeps, store: SearchStore) {
  const { db, keyring, audit, clock } = deps;
  const { keysOf, loadIndex, loadReceivedQueries, storePairs } = store;
  const today = () => clock().toISOString().slice(0, 10);

  /** Encodes what changed among `kind` records and stores the encodings; returns what was encoded. */
  async function encodeChanged(
    peer: { id: string; org_id: string },
    keys: PeerKeys,
    kind: sq.RecordKind,
    limit: number,
  ) {
    const ids = await sq.recordsToEncode(db, peer.id, peer.org_id, kind, limit);
    if (ids.length === 0) return null;
    const encoded = await encodeLocalRecords({ db, keyring }, keys, kind, ids);
    const sealed: Buffer[] = [];
    for (const r of encoded.records)
      sealed.push(await sealBytesFor(keyring, peer.org_id, 'federation_encodings', 'encoding', r.wire));
    return { ...encoded, sealed };
  }

  /** Withdraws encodings of records that may no longer be searched, here and at the partner. */
  async function withdrawStale(peer: { id: string; org_id: string }, kind: sq.RecordKind): Promise<number> {
    const stale = await sq.encodingsNoLongerSearchable(db, peer.id, kind);
    if (stale.length === 0) return 0;
    const refs = stale.map((s) => s.ref);
    const isReport = kind === 'missing_report';
    await db.transaction(async (tx) => {
      await sq.deleteEncodings(tx, peer.id, refs);
      await sq.closePairs(tx, peer.id, isReport ? { reportRefs: refs } : { recordRefs: refs }, 'withdrawn');
      await sq.enqueueMessage(tx, peer.id, 'withdraw', isReport ? { reportRefs: refs } : { recordRefs: refs }, clock());
      await audit.append(tx, {
        action: 'federation.search_withdrawn',
        recordType: 'federation_peer',
        recordId: peer.id,
        orgId: peer.org_id,
        details: { kind, records: refs.length },
      });
    });
    return refs.length;
  }

  async function sweepPeer(peer: { id: string; org_id: string; search_secret: unknown; owner_key: unknown }) {
    // The encoded model is estimated here, on the job queue, rather than inside a partner's
    // request (about a second, once per process).
    encodedReferenceModel();
    const keys = await keysOf(peer);
    const report = { searchesQueued: 0, recordsIndexed: 0, pairsQueued: 0, withdrawn: 0 };
    // This side's reports: each batch is one search message to the partner.
    for (let round = 0; round < 20; round++) {
      const batch = await encodeChanged(peer, keys, 'missing_report', REPORTS_PER_MESSAGE);
      if (!batch) break;
      await db.transaction(async (tx) => {
        for (const [i, r] of batch.records.entries())
          await sq.upsertEncoding(tx, {
            peerId: peer.id,
            orgId: peer.org_id,
            kind: r.kind,
            recordId: r.recordId,
            ref: r.ref,
            version: r.version,
            encoding: batch.sealed[i] as Buffer,
            at: clock(),
          });
        await sq.enqueueMessage(
          tx,
          peer.id,
          'search',
          { queries: serializeEncoded(batch.collection).toString('base64') },
          clock(),
        );
        await audit.append(tx, {
          action: 'federation.search_queued',
          recordType: 'federation_peer',
          recordId: peer.id,
          orgId: peer.org_id,
          details: { reports: batch.records.length },
        });
      });
      report.searchesQueued += batch.records.length;
    }
    report.withdrawn += await withdrawStale(peer, 'missing_report');

    // This side's searchable records: into the index, and against what the partner asked.
    for (const kind of INDEXED) {
      for (let round = 0; round < 20; round++) {
        const batch = await encodeChanged(peer, keys, kind, RECORDS_PER_BATCH);
        if (!batch) break;
        await db.transaction(async (tx) => {
          for (const [i, r] of batch.records.entries())
            await sq.upsertEncoding(tx, {
              peerId: peer.id,
              orgId: peer.org_id,
              kind: r.kind,
              recordId: r.recordId,
              ref: r.ref,
              version: r.version,
              encoding: batch.sealed[i] as Buffer,
              at: clock(),
            });
        });
        report.recordsIndexed += batch.records.length;
        const queries = await loadReceivedQueries(peer.id, peer.org_id);
        const index = await loadIndex(peer.id, peer.org_id);
        const found = compareEncodings(queries, batch.collection, index.size);
        if (found.length === 0) continue;
        const local = new Map(batch.records.map((r) => [r.ref, { kind: r.kind, id: r.recordId }]));
        await db.transaction(async (tx) => {
          await storePairs(tx, peer, 'record', found, local);
          await sq.enqueueMessage(tx, peer.id, 'candidates', { candidates: found }, clock());
          await audit.append(tx, {
            action: 'federation.search_compared',
            recordType: 'federation_peer',
            recordId: peer.id,
            orgId: peer.org_id,
            details: { records: batch.records.length, queries: queries.size, pairs: found.length },
          });
        });
        report.pairsQueued += found.length;
      }
      report.withdrawn += await withdrawStale(peer, kind);
    }
    return report;
  }

  /** One pass over every agreement in force with the search purpose. */
  async function sweep() {
    const totals = { searchesQueued: 0, recordsIndexed: 0, pairsQueued: 0, withdrawn: 0 };
    for (const peer of await sq.searchPeers(db, today())) {
      const r = await sweepPeer(peer);
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
    }
    return totals;
  }

  return { sweep };
}
