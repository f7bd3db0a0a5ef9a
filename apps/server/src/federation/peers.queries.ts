// SQL of federation peers, invitations and the nonces seen from each peer.
import type { Queryable } from '../kernel/db/database.ts';

export interface PeerRow {
  id: string;
  org_id: string;
  name: string;
  base_url: string;
  public_key: string;
  fingerprint: string;
  purposes: string[];
  valid_until: string | null;
  status: 'awaiting_confirmation' | 'active' | 'revoked';
  revoked_by: 'us' | 'them' | null;
  created_at: Date | string;
  /** Fields a tracing exchange may reveal (decision 0151). */
  tracing_fields: string[];
  /** Both sides hold the agreement's linkage secret. */
  search_ready: boolean;
}

const PEER_COLUMNS = `id::text AS id, org_id::text AS org_id, name, base_url, public_key, fingerprint, purposes,
  to_char(valid_until, 'YYYY-MM-DD') AS valid_until, status, revoked_by, created_at, tracing_fields,
  (search_secret IS NOT NULL) AS search_ready`;

export async function listPeers(db: Queryable, orgId: string): Promise<PeerRow[]> {
  const { rows } = await db.query<PeerRow>(
    `SELECT ${PEER_COLUMNS} FROM federation_peers WHERE org_id = $1 ORDER BY created_at DESC`,
    [orgId],
  );
  return rows;
}

export async function peerById(db: Queryable, id: string): Promise<PeerRow | undefined> {
  const { rows } = await db.query<PeerRow>(`SELECT ${PEER_COLUMNS} FROM federation_peers WHERE id = $1`, [id]);
  return rows[0];
}

export async function peerByFingerprint(db: Queryable, fingerprint: string): Promise<PeerRow | undefined> {
  const { rows } = await db.query<PeerRow>(`SELECT ${PEER_COLUMNS} FROM federation_peers WHERE fingerprint = $1`, [
    fingerprint,
  ]);
  return rows[0];
}

export async function insertPeer(
  tx: Queryable,
  peer: {
    orgId: string;
    name: string;
    url: string;
    publicKey: string;
    fingerprint: string;
    purposes: string[];
    validUntil: string | null;
    status: 'awaiting_confirmation' | 'active';
    confirmedBy: string | null;
    at: Date;
  },
): Promise<PeerRow> {
  const { rows } = await tx.query<PeerRow>(
    `INSERT INTO federation_peers (org_id, name, base_url, public_key, fingerprint, purposes, valid_until, status,
       fingerprint_confirmed_by, fingerprint_confirmed_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $9::uuid IS NULL THEN NULL ELSE $10::timestamptz END, $10)
     RETURNING ${PEER_COLUMNS}`,
    [
      peer.orgId,
      peer.name,
      peer.url,
      peer.publicKey,
      peer.fingerprint,
      peer.purposes,
      peer.validUntil,
      peer.status,
      peer.confirmedBy,
      peer.at,
    ],
  );
  return rows[0] as PeerRow;
}

/** The agreement's id, linkage secret and this side's own key (both encrypted), and its tracing fields. */
export async function setAgreement(
  tx: Queryable,
  peerId: string,
  agreement: { agreementId: string; searchSecret: Buffer | null; ownerKey: Buffer | null; tracingFields: string[] },
): Promise<void> {
  await tx.query(
    'UPDATE federation_peers SET agreement_id = $2, search_secret = $3, owner_key = $4, tracing_fields = $5 WHERE id = $1',
    [peerId, agreement.agreementId, agreement.searchSecret, agreement.ownerKey, agreement.tracingFields],
  );
}

/** Records a nonce from a peer; false when it was already seen (a replay). Forgets old ones. */
export async function rememberNonce(tx: Queryable, peerId: string, nonce: string, at: Date): Promise<boolean> {
  await tx.query("DELETE FROM federation_nonces WHERE seen_at < $1::timestamptz - interval '15 minutes'", [at]);
  const { rows } = await tx.query(
    'INSERT INTO federation_nonces (peer_id, nonce, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING nonce',
    [peerId, nonce, at],
  );
  return rows.length === 1;
}
