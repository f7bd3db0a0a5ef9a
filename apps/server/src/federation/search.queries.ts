// SQL of the transnational search (decision 0151): which records may be searched across a border,
// the encodings each side keeps, what a partner asked, the pairs in both review queues, and the
// outbox and inbox of messages. Records are read here only as ciphertext and coarse fields.
import type { Queryable } from '../kernel/db/database.ts';
import { FOUND_MATCH, PERSON_OWN, REPORT_MATCH } from '../missing/missing.queries.ts';
import type { FoundRow, PersonLiteRow, ReportRow } from '../missing/missing.queries.ts';

export type RecordKind = 'missing_report' | 'person' | 'found_record';
export type IndexedKind = Exclude<RecordKind, 'missing_report'>;

/**
 * Who may be searched abroad, kind by kind, as for partners at home (decision 0124): a report
 * whose family consented to a search with other organisations, still open; a person registered
 * with an active consent to sharing; a found record (found alive or remains) still unidentified.
 */
const SEARCHABLE: Record<RecordKind, { table: string; alias: string; where: string }> = {
  missing_report: {
    table: 'missing_reports',
    alias: 'r',
    where: `r.status = 'open' AND r.trace_consent_at IS NOT NULL AND r.trace_consent_withdrawn_at IS NULL`,
  },
  person: {
    table: 'people',
    alias: 'p',
    where: `p.deleted_at IS NULL AND EXISTS (SELECT 1 FROM person_consents c WHERE c.person_id = p.id AND c.purpose = 'sharing' AND c.withdrawn_at IS NULL)`,
  },
  found_record: { table: 'found_records', alias: 'f', where: `f.status = 'unidentified'` },
};

/** Searchable records of the organisation not encoded under this agreement at their version. */
export async function recordsToEncode(
  db: Queryable,
  peerId: string,
  orgId: string,
  kind: RecordKind,
  limit: number,
): Promise<string[]> {
  const s = SEARCHABLE[kind];
  const { rows } = await db.query<{ id: string }>(
    `SELECT ${s.alias}.id::text AS id FROM ${s.table} ${s.alias}
       LEFT JOIN federation_encodings e ON e.peer_id = $1 AND e.record_kind = $3 AND e.record_id = ${s.alias}.id
      WHERE ${s.alias}.org_id = $2 AND ${s.where} AND (e.id IS NULL OR e.version <> ${s.alias}.version)
      ORDER BY ${s.alias}.id LIMIT $4`,
    [peerId, orgId, kind, limit],
  );
  return rows.map((r) => r.id);
}

/** Encodings of records that may no longer be searched (consent withdrawn, closed, identified, erased). */
export async function encodingsNoLongerSearchable(
  db: Queryable,
  peerId: string,
  kind: RecordKind,
): Promise<{ record_id: string; ref: string }[]> {
  const s = SEARCHABLE[kind];
  const { rows } = await db.query<{ record_id: string; ref: string }>(
    `SELECT e.record_id::text AS record_id, e.ref FROM federation_encodings e
      WHERE e.peer_id = $1 AND e.record_kind = $2
        AND NOT EXISTS (SELECT 1 FROM ${s.table} ${s.alias} WHERE ${s.alias}.id = e.record_id AND ${s.where})`,
    [peerId, kind],
  );
  return rows;
}

export async function reportsForEncoding(db: Queryable, ids: readonly string[]): Promise<ReportRow[]> {
  const { rows } = await db.query<ReportRow>(
    `SELECT ${REPORT_MATCH} FROM missing_reports r WHERE r.id = ANY($1::uuid[])`,
    [ids],
  );
  return rows;
}

export async function foundForEncoding(db: Queryable, ids: readonly string[]): Promise<FoundRow[]> {
  const { rows } = await db.query<FoundRow>(`SELECT ${FOUND_MATCH} FROM found_records f WHERE f.id = ANY($1::uuid[])`, [
    ids,
  ]);
  return rows;
}

export async function peopleForEncoding(
  db: Queryable,
  ids: readonly string[],
): Promise<(PersonLiteRow & { version: number })[]> {
  const { rows } = await db.query<PersonLiteRow & { version: number }>(
    `SELECT ${PERSON_OWN}, p.version FROM people p WHERE p.id = ANY($1::uuid[]) AND p.deleted_at IS NULL`,
    [ids],
  );
  return rows;
}

export async function upsertEncoding(
  tx: Queryable,
  e: {
    peerId: string;
    orgId: string;
    kind: RecordKind;
    recordId: string;
    ref: string;
    version: number;
    encoding: Buffer;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO federation_encodings (peer_id, org_id, record_kind, record_id, ref, version, encoding, encoded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (peer_id, record_kind, record_id)
     DO UPDATE SET ref = EXCLUDED.ref, version = EXCLUDED.version, encoding = EXCLUDED.encoding, encoded_at = EXCLUDED.encoded_at`,
    [e.peerId, e.orgId, e.kind, e.recordId, e.ref, e.version, e.encoding, e.at],
  );
}

export async function deleteEncodings(tx: Queryable, peerId: string, refs: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM federation_encodings WHERE peer_id = $1 AND ref = ANY($2::text[])', [peerId, refs]);
}

/** This side's encoded records of the index (found records and people), or its reports. */
export async function encodingsOf(
  db: Queryable,
  peerId: string,
  kinds: readonly RecordKind[],
): Promise<{ ref: string; encoding: unknown; record_kind: RecordKind; record_id: string }[]> {
  const { rows } = await db.query<{ ref: string; encoding: unknown; record_kind: RecordKind; record_id: string }>(
    `SELECT ref, encoding, record_kind, record_id::text AS record_id FROM federation_encodings
      WHERE peer_id = $1 AND record_kind = ANY($2::text[]) ORDER BY ref`,
    [peerId, kinds],
  );
  return rows;
}

/** A stamp that changes whenever the index changes (an insert, an update or a removal). */
export async function indexStamp(db: Queryable, peerId: string): Promise<string> {
  const { rows } = await db.query<{ n: number; at: Date | string | null }>(
    `SELECT count(*)::int AS n, max(encoded_at) AS at FROM federation_encodings
      WHERE peer_id = $1 AND record_kind <> 'missing_report'`,
    [peerId],
  );
  const row = rows[0];
  return `${row?.n ?? 0}|${row?.at ? new Date(row.at).getTime() : 0}`;
}

export async function localRecordsByRefs(
  db: Queryable,
  peerId: string,
  refs: readonly string[],
): Promise<Map<string, { kind: RecordKind; id: string }>> {
  const { rows } = await db.query<{ ref: string; record_kind: RecordKind; record_id: string }>(
    `SELECT ref, record_kind, record_id::text AS record_id FROM federation_encodings WHERE peer_id = $1 AND ref = ANY($2::text[])`,
    [peerId, refs],
  );
  return new Map(rows.map((r) => [r.ref, { kind: r.record_kind, id: r.record_id }]));
}

// What the partner asked -------------------------------------------------------------------

export async function upsertReceivedQuery(
  tx: Queryable,
  q: { peerId: string; orgId: string; ref: string; encoding: Buffer; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO federation_received_queries (peer_id, org_id, ref, encoding, received_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (peer_id, ref) DO UPDATE SET encoding = EXCLUDED.encoding, received_at = EXCLUDED.received_at`,
    [q.peerId, q.orgId, q.ref, q.encoding, q.at],
  );
}

export async function receivedQueries(db: Queryable, peerId: string): Promise<{ ref: string; encoding: unknown }[]> {
  const { rows } = await db.query<{ ref: string; encoding: unknown }>(
    'SELECT ref, encoding FROM federation_received_queries WHERE peer_id = $1 ORDER BY ref',
    [peerId],
  );
  return rows;
}

export async function deleteReceivedQueries(tx: Queryable, peerId: string, refs: readonly string[]): Promise<number> {
  return (
    await tx.query('DELETE FROM federation_received_queries WHERE peer_id = $1 AND ref = ANY($2::text[])', [
      peerId,
      refs,
    ])
  ).rowCount;
}

// Pairs ------------------------------------------------------------------------------------

export interface CandidateRow {
  id: string;
  peer_id: string;
  org_id: string;
  side: 'report' | 'record';
  local_kind: RecordKind;
  local_id: string;
  report_ref: string;
  record_ref: string;
  score: number;
  engine_decision: 'match' | 'possible';
  explanation: unknown;
  status: 'open' | 'agreed' | 'not_same' | 'closed';
  closed_reason: string | null;
  our_decision: 'same_person' | 'not_same' | null;
  our_decided_by: string | null;
  our_decided_at: Date | string | null;
  their_decision: 'same_person' | 'not_same' | null;
  their_decided_at: Date | string | null;
  tracing_sent_at: Date | string | null;
  tracing_sent_fields: string[] | null;
  tracing_received_at: Date | string | null;
  tracing_received_fields: string[] | null;
  tracing_received: unknown;
  proposed_at: Date | string;
  peer_name: string;
}

const CANDIDATE_COLUMNS = `c.id::text AS id, c.peer_id::text AS peer_id, c.org_id::text AS org_id, c.side, c.local_kind,
  c.local_id::text AS local_id, c.report_ref, c.record_ref, c.score, c.engine_decision, c.explanation, c.status,
  c.closed_reason, c.our_decision, c.our_decided_by::text AS our_decided_by, c.our_decided_at, c.their_decision,
  c.their_decided_at, c.tracing_sent_at, c.tracing_sent_fields, c.tracing_received_at, c.tracing_received_fields,
  c.tracing_received, c.proposed_at, p.name AS peer_name`;

export interface NewCandidate {
  peerId: string;
  orgId: string;
  side: 'report' | 'record';
  localKind: RecordKind;
  localId: string;
  reportRef: string;
  recordRef: string;
  score: number;
  decision: 'match' | 'possible';
  explanation: unknown;
  at: Date;
}

/** Stores a pair or rescores it while nobody decided on it; returns whether it is new. */
export async function upsertCandidate(tx: Queryable, c: NewCandidate): Promise<boolean> {
  const { rows } = await tx.query<{ fresh: boolean }>(
    `INSERT INTO federation_candidates (peer_id, org_id, side, local_kind, local_id, report_ref, record_ref, score,
       engine_decision, explanation, proposed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (peer_id, report_ref, record_ref) DO UPDATE
       SET score = EXCLUDED.score, engine_decision = EXCLUDED.engine_decision, explanation = EXCLUDED.explanation,
           rescored_at = EXCLUDED.proposed_at,
           status = CASE WHEN federation_candidates.status = 'closed' AND federation_candidates.closed_reason = 'withdrawn'
                         THEN 'open' ELSE federation_candidates.status END,
           closed_reason = CASE WHEN federation_candidates.status = 'closed' AND federation_candidates.closed_reason = 'withdrawn'
                         THEN NULL ELSE federation_candidates.closed_reason END
       WHERE federation_candidates.our_decision IS NULL AND federation_candidates.their_decision IS NULL
     RETURNING (xmax = 0) AS fresh`,
    [
      c.peerId,
      c.orgId,
      c.side,
      c.localKind,
      c.localId,
      c.reportRef,
      c.recordRef,
      c.score,
      c.decision,
      JSON.stringify(c.explanation),
      c.at,
    ],
  );
  return rows[0]?.fresh === true;
}

export async function listCandidates(
  db: Queryable,
  orgId: string,
  filter: { localKind?: RecordKind; localId?: string; status?: CandidateRow['status'] },
  limit: number,
): Promise<CandidateRow[]> {
  const params: unknown[] = [orgId];
  const where = ['c.org_id = $1'];
  if (filter.localKind) {
    params.push(filter.localKind);
    where.push(`c.local_kind = $${params.length}`);
  }
  if (filter.localId) {
    params.push(filter.localId);
    where.push(`c.local_id = $${params.length}`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`c.status = $${params.length}`);
  }
  params.push(limit);
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM federation_candidates c JOIN federation_peers p ON p.id = c.peer_id
      WHERE ${where.join(' AND ')} ORDER BY (c.status = 'open') DESC, c.score DESC, c.id LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export async function findCandidate(db: Queryable, id: string): Promise<CandidateRow | undefined> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM federation_candidates c JOIN federation_peers p ON p.id = c.peer_id WHERE c.id = $1`,
    [id],
  );
  return rows[0];
}

export async function findPair(
  db: Queryable,
  peerId: string,
  reportRef: string,
  recordRef: string,
): Promise<CandidateRow | undefined> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM federation_candidates c JOIN federation_peers p ON p.id = c.peer_id
      WHERE c.peer_id = $1 AND c.report_ref = $2 AND c.record_ref = $3`,
    [peerId, reportRef, recordRef],
  );
  return rows[0];
}

/** The pair's status from both decisions: agreed only when both said "same person". */
export const PAIR_STATUS = `CASE WHEN our_decision = 'not_same' OR their_decision = 'not_same' THEN 'not_same'
  WHEN our_decision = 'same_person' AND their_decision = 'same_person' THEN 'agreed' ELSE 'open' END`;

/** Closes open pairs of this side whose local record, or the partner's, left the search. */
export async function closePairs(
  tx: Queryable,
  peerId: string,
  by: { reportRefs?: readonly string[]; recordRefs?: readonly string[] },
  reason: 'withdrawn' | 'erased',
): Promise<number> {
  const { rowCount } = await tx.query(
    `UPDATE federation_candidates SET status = 'closed', closed_reason = $4
      WHERE peer_id = $1 AND status = 'open' AND (report_ref = ANY($2::text[]) OR record_ref = ANY($3::text[]))`,
    [peerId, by.reportRefs ?? [], by.recordRefs ?? [], reason],
  );
  return rowCount;
}

// The agreement ends ---------------------------------------------------------------------------

/**
 * A revoked agreement (either side): its secret and this side's key are erased, both sides'
 * encodings held here deleted, pending messages cancelled, and open pairs closed. Pairs already
 * decided stay for the record, with what was exchanged.
 */
export async function closeAgreement(tx: Queryable, peerId: string): Promise<void> {
  await tx.query('UPDATE federation_peers SET search_secret = NULL, owner_key = NULL WHERE id = $1', [peerId]);
  await tx.query('DELETE FROM federation_encodings WHERE peer_id = $1', [peerId]);
  await tx.query('DELETE FROM federation_received_queries WHERE peer_id = $1', [peerId]);
  await tx.query("UPDATE federation_outbox SET status = 'cancelled' WHERE peer_id = $1 AND status = 'pending'", [
    peerId,
  ]);
  await tx.query(
    "UPDATE federation_candidates SET status = 'closed', closed_reason = 'agreement_revoked' WHERE peer_id = $1 AND status = 'open'",
    [peerId],
  );
}

// Outbox and inbox -----------------------------------------------------------------------------

export type OutboxKind = 'search' | 'candidates' | 'withdraw' | 'decision' | 'tracing';

export async function enqueueMessage(
  tx: Queryable,
  peerId: string,
  kind: OutboxKind,
  payload: Record<string, unknown>,
  at: Date,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO federation_outbox (peer_id, kind, payload, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $4)
     RETURNING id::text AS id`,
    [peerId, kind, JSON.stringify(payload), at],
  );
  return (rows[0] as { id: string }).id;
}

export interface OutboxRow {
  id: string;
  peer_id: string;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  attempts: number;
  next_attempt_at: Date | string;
}

/** Peers with messages waiting. */
export async function peersWithPending(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ peer_id: string }>(
    "SELECT DISTINCT peer_id::text AS peer_id FROM federation_outbox WHERE status = 'pending'",
  );
  return rows.map((r) => r.peer_id);
}

/** The peer's waiting messages, oldest first (they are delivered in this order). */
export async function pendingMessages(db: Queryable, peerId: string, limit: number): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRow>(
    `SELECT id::text AS id, peer_id::text AS peer_id, kind, payload, attempts, next_attempt_at FROM federation_outbox
      WHERE peer_id = $1 AND status = 'pending' ORDER BY seq LIMIT $2`,
    [peerId, limit],
  );
  return rows;
}

export async function markDelivered(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.query(
    "UPDATE federation_outbox SET status = 'delivered', delivered_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1",
    [id, at],
  );
}

export async function markRefused(tx: Queryable, id: string, error: string): Promise<void> {
  await tx.query(
    "UPDATE federation_outbox SET status = 'refused', attempts = attempts + 1, last_error = $2 WHERE id = $1",
    [id, error.slice(0, 500)],
  );
}

export async function markRetry(tx: Queryable, id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await tx.query(
    'UPDATE federation_outbox SET attempts = attempts + 1, next_attempt_at = $2, last_error = $3 WHERE id = $1',
    [id, nextAttemptAt, error.slice(0, 500)],
  );
}

export async function cancelPending(tx: Queryable, peerId: string): Promise<void> {
  await tx.query("UPDATE federation_outbox SET status = 'cancelled' WHERE peer_id = $1 AND status = 'pending'", [
    peerId,
  ]);
}

/** Remembers a message id from a peer; false when it was applied before. */
export async function firstDelivery(tx: Queryable, peerId: string, messageId: string, kind: string, at: Date) {
  const { rows } = await tx.query(
    `INSERT INTO federation_inbox (peer_id, message_id, kind, received_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING message_id`,
    [peerId, messageId, kind, at],
  );
  return rows.length === 1;
}

/** Agreements in force with the search purpose and a linkage secret, on this side. */
export async function searchPeers(
  db: Queryable,
  today: string,
): Promise<{ id: string; org_id: string; search_secret: unknown; owner_key: unknown }[]> {
  const { rows } = await db.query<{ id: string; org_id: string; search_secret: unknown; owner_key: unknown }>(
    `SELECT id::text AS id, org_id::text AS org_id, search_secret, owner_key FROM federation_peers
      WHERE status = 'active' AND 'search' = ANY(purposes) AND search_secret IS NOT NULL AND owner_key IS NOT NULL
        AND (valid_until IS NULL OR valid_until >= $1::date)
      ORDER BY created_at`,
    [today],
  );
  return rows;
}

export async function peerKeys(
  db: Queryable,
  peerId: string,
): Promise<{ org_id: string; search_secret: unknown; owner_key: unknown } | undefined> {
  const { rows } = await db.query<{ org_id: string; search_secret: unknown; owner_key: unknown }>(
    'SELECT org_id::text AS org_id, search_secret, owner_key FROM federation_peers WHERE id = $1',
    [peerId],
  );
  return rows[0];
}
