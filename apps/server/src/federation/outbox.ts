// Delivering the outbox (decision 0151): messages to each peer in the order they were queued, at
// least once, each carrying its id as the idempotency key the receiver remembers. A peer that
// does not answer (network, a server error, a signature it could not check yet) keeps its
// messages: the first is retried with exponential back-off (30 s doubling, at most an hour apart)
// and the ones behind it wait, so order holds; a peer offline for a day gets everything when it
// returns. A message the peer refuses for good (4xx other than 401) is set aside with its reason
// and the next goes. While the agreement is not in force on this side nothing is sent, and a
// revocation cancels what waits.
import { publicKeyObject, type IdentityStore } from './identity.ts';
import { callPeer } from './peer-client.ts';
import { backoffSeconds } from '../jobs/job-queue.ts';
import type { Database } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import type { FederatedSearch } from './search.service.ts';
import type { EncodedCandidate } from './search-encoding.ts';
import * as pq from './peers.queries.ts';
import * as sq from './search.queries.ts';

const PER_RUN = 200;

export interface DeliveryReport {
  delivered: number;
  retried: number;
  refused: number;
  cancelled: number;
}

export function createOutbox(deps: {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
  identities: IdentityStore;
  search: FederatedSearch;
}) {
  const { db, audit, clock, identities, search } = deps;

  function inForce(peer: pq.PeerRow): boolean {
    if (peer.status !== 'active') return false;
    return !peer.valid_until || peer.valid_until >= clock().toISOString().slice(0, 10);
  }

  async function deliverTo(peerId: string, report: DeliveryReport): Promise<void> {
    const peer = await pq.peerById(db, peerId);
    if (!peer) return;
    if (!inForce(peer)) {
      if (peer.status === 'revoked') {
        await sq.cancelPending(db, peer.id);
        report.cancelled++;
      }
      return;
    }
    const me = await identities.identity();
    for (const message of await sq.pendingMessages(db, peer.id, PER_RUN)) {
      const now = clock();
      if (new Date(message.next_attempt_at) > now) return; // the head waits: order holds
      const built = await search.bodyOf(peer, message);
      if (!built) {
        // Nothing may be sent any more (the pair was closed, the record erased, a purpose ended).
        await db.query("UPDATE federation_outbox SET status = 'cancelled' WHERE id = $1", [message.id]);
        report.cancelled++;
        continue;
      }
      const answer = await callPeer<Record<string, unknown>>(
        me,
        { baseUrl: peer.base_url, publicKey: publicKeyObject(peer.public_key) },
        built.path,
        built.body,
      );
      if (answer.ok) {
        if (message.kind === 'search' && Array.isArray(answer.body?.candidates))
          await search.storeAnswer(peer, message.id, answer.body.candidates as EncodedCandidate[]);
        await db.transaction(async (tx) => {
          await sq.markDelivered(tx, message.id, clock());
          // What was sent stays countable, not readable: the encodings are not kept twice.
          if (message.kind === 'search')
            await tx.query(
              `UPDATE federation_outbox SET payload = jsonb_build_object('delivered', true) WHERE id = $1`,
              [message.id],
            );
          await built.after?.(tx);
        });
        report.delivered++;
        continue;
      }
      const transient = answer.status === 0 || answer.status === 401 || answer.status >= 500 || !answer.body;
      const reason = `${answer.problem ?? 'refused'}${answer.body && typeof answer.body.code === 'string' ? ` ${answer.body.code}` : ''}`;
      if (transient) {
        const next = new Date(now.getTime() + backoffSeconds(message.attempts + 1) * 1000);
        await sq.markRetry(db, message.id, next, reason);
        report.retried++;
        return;
      }
      await db.transaction(async (tx) => {
        await sq.markRefused(tx, message.id, reason);
        await audit.append(tx, {
          action: 'federation.message_refused',
          recordType: 'federation_peer',
          recordId: peer.id,
          orgId: peer.org_id,
          details: { messageId: message.id, kind: message.kind, reason: reason.slice(0, 200) },
        });
      });
      report.refused++;
    }
  }

  return {
    /** Sends what is due to every peer; a peer that does not answer does not hold up the others. */
    async deliverDue(): Promise<DeliveryReport> {
      const report: DeliveryReport = { delivered: 0, retried: 0, refused: 0, cancelled: 0 };
      for (const peerId of await sq.peersWithPending(db)) await deliverTo(peerId, report);
      return report;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
