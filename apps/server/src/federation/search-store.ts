// What the transnational search keeps on this side (decision 0151): the agreement's keys (opened
// from their encrypted columns), the agreement's index of this side's records and what the partner
// asked (both decrypted once per change), and the pairs with their status.
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import type { EncodedCollection } from '@acompana/core';
import { openBytesFor } from './federation-crypto.ts';
import * as pq from './peers.queries.ts';
import { collectionOf, EMPTY, type EncodedCandidate } from './search-encoding.ts';
import * as sq from './search.queries.ts';

export const INDEXED: readonly sq.IndexedKind[] = ['person', 'found_record'];

export interface SearchDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  deploymentName: string;
}

export type PeerKeys = { secret: Buffer; ownerKey: Buffer };

export function createSearchStore(deps: SearchDeps) {
  const { db, keyring, clock } = deps;
  const indexCache = new Map<string, { stamp: string; collection: EncodedCollection }>();

  async function keysOf(peer: { org_id: string; search_secret: unknown; owner_key: unknown }): Promise<PeerKeys> {
    return {
      secret: await openBytesFor(keyring, peer.org_id, 'federation_peers', 'search_secret', peer.search_secret),
      ownerKey: await openBytesFor(keyring, peer.org_id, 'federation_peers', 'owner_key', peer.owner_key),
    };
  }

  /** The agreement's index on this side (people and found records), decrypted once per change. */
  async function loadIndex(peerId: string, orgId: string): Promise<EncodedCollection> {
    const stamp = await sq.indexStamp(db, peerId);
    const hit = indexCache.get(peerId);
    if (hit && hit.stamp === stamp) return hit.collection;
    const rows = await sq.encodingsOf(db, peerId, INDEXED);
    const wires = [];
    for (const r of rows)
      wires.push(await openBytesFor(keyring, orgId, 'federation_encodings', 'encoding', r.encoding));
    const collection = wires.length ? collectionOf(wires) : EMPTY;
    indexCache.set(peerId, { stamp, collection });
    return collection;
  }

  async function loadReceivedQueries(peerId: string, orgId: string): Promise<EncodedCollection> {
    const rows = await sq.receivedQueries(db, peerId);
    const wires = [];
    for (const r of rows)
      wires.push(await openBytesFor(keyring, orgId, 'federation_received_queries', 'encoding', r.encoding));
    return wires.length ? collectionOf(wires) : EMPTY;
  }

  /** Stores pairs on this side (`side` says which record is ours); returns how many are new. */
  async function storePairs(
    tx: Queryable,
    peer: { id: string; org_id: string },
    side: 'report' | 'record',
    found: readonly EncodedCandidate[],
    local: Map<string, { kind: sq.RecordKind; id: string }>,
  ): Promise<number> {
    let fresh = 0;
    for (const c of found) {
      const mine = local.get(side === 'report' ? c.reportRef : c.recordRef);
      if (!mine || (side === 'report') !== (mine.kind === 'missing_report')) continue;
      const isNew = await sq.upsertCandidate(tx, {
        peerId: peer.id,
        orgId: peer.org_id,
        side,
        localKind: mine.kind,
        localId: mine.id,
        reportRef: c.reportRef,
        recordRef: c.recordRef,
        score: c.score,
        decision: c.decision,
        explanation: c.explanation,
        at: clock(),
      });
      if (isNew) fresh++;
    }
    return fresh;
  }

  async function setStatus(tx: Queryable, id: string): Promise<string> {
    const { rows } = await tx.query<{ status: string }>(
      `UPDATE federation_candidates SET status = ${sq.PAIR_STATUS} WHERE id = $1 RETURNING status`,
      [id],
    );
    return rows[0]?.status ?? 'open';
  }

  /** Both sides agreed: this side's fields go to the partner (read when the message is sent). */
  async function queueTracing(tx: Queryable, peer: { id: string; purposes?: string[] }, candidateId: string) {
    const row = await pq.peerById(tx, peer.id);
    if (!row?.purposes.includes('tracing')) return;
    await sq.enqueueMessage(tx, peer.id, 'tracing', { candidateId }, clock());
  }

  return { keysOf, loadIndex, loadReceivedQueries, storePairs, setStatus, queueTracing };
}

export type SearchStore = ReturnType<typeof createSearchStore>;
