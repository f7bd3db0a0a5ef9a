// SQL of tracing across organisations (migration 0014). Only ciphertext, ids, counts and bands
// pass through here; candidate_kind / candidate_id are selected only for the partner's views.
import type { Queryable } from '../kernel/db/database.ts';

export interface TracingRow {
  id: string;
  from_org_id: string;
  from_org_name: string;
  to_org_id: string;
  to_org_name: string;
  report_id: string;
  status: 'sent' | 'accepted' | 'declined' | 'withdrawn';
  created_at: Date | string;
  decided_at: Date | string | null;
  candidates_found: number;
  query: unknown;
  reply: unknown;
}

const REQUEST = `t.id::text AS id, t.from_org_id::text AS from_org_id, fo.name AS from_org_name, t.to_org_id::text AS to_org_id, tor.name AS to_org_name,
  t.report_id::text AS report_id, t.status, t.created_at, t.decided_at, t.candidates_found, t.query, t.reply`;
const FROM =
  'tracing_requests t JOIN organisations fo ON fo.id = t.from_org_id JOIN organisations tor ON tor.id = t.to_org_id';

/**
 * Organisations that may exchange tracing requests with `orgId`: an active sharing agreement in
 * either direction for 'search' or 'tracing'. Tracing moves no case file, but it still needs a
 * relationship the two organisations signed.
 */
export async function tracingPartners(db: Queryable, orgId: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT DISTINCT o.id::text AS id, o.name FROM sharing_agreements s
       JOIN organisations o ON o.id = CASE WHEN s.from_org_id = $1 THEN s.to_org_id ELSE s.from_org_id END
      WHERE (s.from_org_id = $1 OR s.to_org_id = $1) AND s.purposes && ARRAY['search', 'tracing']::text[]
        AND s.revoked_at IS NULL AND s.valid_from <= CURRENT_DATE AND (s.valid_until IS NULL OR s.valid_until >= CURRENT_DATE)
      ORDER BY o.name`,
    [orgId],
  );
  return rows;
}

export async function insertRequest(
  tx: Queryable,
  r: {
    id: string;
    fromOrgId: string;
    reportId: string;
    toOrgId: string;
    by: string;
    at: Date;
    query: Buffer;
    found: number;
  },
): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO tracing_requests (id, from_org_id, report_id, to_org_id, created_by, created_at, query, candidates_found)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (report_id, to_org_id) WHERE status = 'sent' DO NOTHING RETURNING id`,
    [r.id, r.fromOrgId, r.reportId, r.toOrgId, r.by, r.at, r.query, r.found],
  );
  return rows.length > 0;
}

export async function insertCandidate(
  tx: Queryable,
  c: {
    requestId: string;
    partnerOrgId: string;
    requesterOrgId: string;
    kind: string;
    candidateId: string;
    score: number;
    band: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO tracing_candidates (request_id, partner_org_id, requester_org_id, candidate_kind, candidate_id, score, score_band)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [c.requestId, c.partnerOrgId, c.requesterOrgId, c.kind, c.candidateId, c.score, c.band],
  );
}

export async function findRequest(db: Queryable, id: string): Promise<TracingRow | undefined> {
  const { rows } = await db.query<TracingRow>(`SELECT ${REQUEST} FROM ${FROM} WHERE t.id = $1`, [id]);
  return rows[0];
}

/** Newest first, by keyset (created_at, id) after `after` (the last row of the previous page). */
export async function listRequests(
  db: Queryable,
  orgId: string,
  direction: 'outgoing' | 'incoming',
  limit: number,
  after: { at: string; id: string } | null = null,
): Promise<(TracingRow & { cursor_at: string })[]> {
  const column = direction === 'outgoing' ? 't.from_org_id' : 't.to_org_id';
  // The cursor keeps created_at as the database wrote it (microseconds): a JavaScript Date would
  // round it to milliseconds and skip or repeat rows created in the same millisecond.
  const { rows } = await db.query<TracingRow & { cursor_at: string }>(
    `SELECT ${REQUEST}, t.created_at::text AS cursor_at FROM ${FROM} WHERE ${column} = $1
        AND ($3::timestamptz IS NULL OR t.created_at < $3::timestamptz OR (t.created_at = $3::timestamptz AND t.id < $4::uuid))
      ORDER BY t.created_at DESC, t.id DESC LIMIT $2`,
    [orgId, limit, after?.at ?? null, after?.id ?? null],
  );
  return rows;
}

export async function listRequestsForReport(db: Queryable, reportId: string): Promise<TracingRow[]> {
  const { rows } = await db.query<TracingRow>(
    `SELECT ${REQUEST} FROM ${FROM} WHERE t.report_id = $1 ORDER BY t.created_at DESC, t.id DESC`,
    [reportId],
  );
  return rows;
}

export interface TracingCandidateRow {
  id: string;
  candidate_kind: 'person' | 'found_record';
  candidate_id: string;
  score: number;
  score_band: 'strong' | 'possible';
  shared_fields: string[];
  shared_details: unknown;
}

export async function listCandidates(db: Queryable, requestId: string): Promise<TracingCandidateRow[]> {
  const { rows } = await db.query<TracingCandidateRow>(
    `SELECT id::text AS id, candidate_kind, candidate_id::text AS candidate_id, score, score_band, shared_fields, shared_details
       FROM tracing_candidates WHERE request_id = $1 ORDER BY score DESC, id`,
    [requestId],
  );
  return rows;
}

export async function shareCandidate(
  tx: Queryable,
  id: string,
  fields: readonly string[],
  details: Buffer,
): Promise<void> {
  await tx.query('UPDATE tracing_candidates SET shared_fields = $2::text[], shared_details = $3 WHERE id = $1', [
    id,
    fields,
    details,
  ]);
}

/** Removes the references of a request, except those listed (the ones the partner shared). */
export async function deleteCandidatesExcept(tx: Queryable, requestId: string, keep: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM tracing_candidates WHERE request_id = $1 AND NOT (id = ANY($2::uuid[]))', [
    requestId,
    keep,
  ]);
}

/** Closes an open request; false when it was no longer open (decided meanwhile). */
export async function closeRequest(
  tx: Queryable,
  id: string,
  status: 'accepted' | 'declined' | 'withdrawn',
  by: string | null,
  at: Date,
  reply: Buffer | null,
): Promise<boolean> {
  const { rows } = await tx.query(
    `UPDATE tracing_requests SET status = $2, decided_by = $3, decided_at = $4, reply = $5,
            query = CASE WHEN $2 = 'accepted' THEN query ELSE NULL END
      WHERE id = $1 AND status = 'sent' RETURNING id`,
    [id, status, by, at, reply],
  );
  return rows.length > 0;
}

export async function openRequestIdsForReport(db: Queryable, reportId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id::text AS id FROM tracing_requests WHERE report_id = $1 AND status = 'sent'",
    [reportId],
  );
  return rows.map((r) => r.id);
}

export async function setTraceConsent(
  tx: Queryable,
  reportId: string,
  consent: Buffer | null,
  at: Date,
): Promise<void> {
  if (consent)
    await tx.query(
      'UPDATE missing_reports SET trace_consent = $2, trace_consent_at = $3, trace_consent_withdrawn_at = NULL, updated_at = $3, version = version + 1 WHERE id = $1',
      [reportId, consent, at],
    );
  else
    await tx.query(
      'UPDATE missing_reports SET trace_consent_withdrawn_at = $2, updated_at = $2, version = version + 1 WHERE id = $1',
      [reportId, at],
    );
}
