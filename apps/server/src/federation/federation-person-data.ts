// A person's cross-border pairs in their export and their erasure (decisions 0118 and 0151). The
// export lists each pair of the person's record with a peered deployment: the partner, the score,
// both decisions and what was exchanged (the fields received, decrypted). Erasure deletes the
// person's encodings under every agreement, closes their open pairs, forgets the fields a partner
// sent about them, and queues to each partner the withdrawal of the person's opaque reference.
import { registerPersonDataHandler } from '../people/person-data-registry.ts';
import { openTextFor } from './federation-crypto.ts';

interface PairRow {
  id: string;
  peer_id: string;
  peer_name: string;
  record_ref: string;
  score: number;
  status: string;
  our_decision: string | null;
  their_decision: string | null;
  tracing_sent_fields: string[] | null;
  tracing_received: unknown;
  proposed_at: Date | string;
}

registerPersonDataHandler({
  section: 'federation',
  async exportFor({ db, keyring }, orgId, personId) {
    const { rows } = await db.query<PairRow>(
      `SELECT c.id::text AS id, c.peer_id::text AS peer_id, p.name AS peer_name, c.record_ref, c.score, c.status,
              c.our_decision, c.their_decision, c.tracing_sent_fields, c.tracing_received, c.proposed_at
         FROM federation_candidates c JOIN federation_peers p ON p.id = c.peer_id
        WHERE c.org_id = $1 AND c.local_kind = 'person' AND c.local_id = $2 ORDER BY c.proposed_at, c.id`,
      [orgId, personId],
    );
    const out = [];
    for (const r of rows)
      out.push({
        partner: r.peer_name,
        proposedAt: new Date(r.proposed_at).toISOString(),
        score: Number(r.score),
        status: r.status,
        ourDecision: r.our_decision,
        theirDecision: r.their_decision,
        fieldsSent: r.tracing_sent_fields ?? [],
        fieldsReceived: r.tracing_received
          ? (JSON.parse(
              await openTextFor(keyring, orgId, 'federation_candidates', 'tracing_received', r.tracing_received),
            ) as unknown)
          : null,
      });
    return out;
  },
  async eraseIn({ tx, orgId, personId, at }) {
    const { rows: encodings } = await tx.query<{ peer_id: string; ref: string }>(
      `DELETE FROM federation_encodings WHERE org_id = $1 AND record_kind = 'person' AND record_id = $2
       RETURNING peer_id::text AS peer_id, ref`,
      [orgId, personId],
    );
    for (const e of encodings)
      await tx.query(
        `INSERT INTO federation_outbox (peer_id, kind, payload, next_attempt_at, created_at)
         SELECT id, 'withdraw', $2, $3, $3 FROM federation_peers WHERE id = $1 AND status = 'active'`,
        [e.peer_id, JSON.stringify({ recordRefs: [e.ref] }), at],
      );
    const closed = await tx.query(
      `UPDATE federation_candidates SET status = CASE WHEN status = 'open' THEN 'closed' ELSE status END,
              closed_reason = CASE WHEN status = 'open' THEN 'erased' ELSE closed_reason END,
              tracing_received = NULL
        WHERE org_id = $1 AND local_kind = 'person' AND local_id = $2`,
      [orgId, personId],
    );
    return { encodings: encodings.length, pairs: closed.rowCount };
  },
});
