// SQL of ante-mortem / post-mortem matching (decision 0147): remains with a post-mortem
// examination a report may be, open reports with ante-mortem data remains may be, and the pairs
// with the engine's words kept encrypted. Only ciphertext and coarse fields pass through here.
import type { Queryable } from '../kernel/db/database.ts';
import { FOUND_MATCH, type FoundRow } from './missing.queries.ts';

/**
 * Unidentified remains with a post-mortem examination in these organisations that the person
 * could be: not recovered before the month the person was last heard of. The engine excludes the
 * rest (sex, death window, teeth…) by its rules.
 */
export async function examinedRemains(
  db: Queryable,
  orgIds: readonly string[],
  lastContactMonth: string | null,
  limit: number,
): Promise<FoundRow[]> {
  const { rows } = await db.query<FoundRow>(
    `SELECT ${FOUND_MATCH}, f.post_mortem FROM found_records f
      WHERE f.org_id = ANY($1::uuid[]) AND f.kind = 'unidentified_remains' AND f.status = 'unidentified'
        AND f.post_mortem IS NOT NULL
        AND ($2::date IS NULL OR f.found_on IS NULL OR f.found_on >= $2::date)
      ORDER BY f.found_on DESC NULLS LAST, f.id LIMIT $3`,
    [orgIds, lastContactMonth ? `${lastContactMonth.slice(0, 7)}-01` : null, limit],
  );
  return rows;
}

/**
 * Open reports with ante-mortem data in an organisation that remains recovered on `foundOn` may
 * answer (last heard of no later than that month). With `traced`, only reports whose family
 * consented to a search with other organisations (a partner's reports).
 */
export async function openReportsWithAnteMortem(
  db: Queryable,
  orgId: string,
  foundOn: string | null,
  traced: boolean,
  limit: number,
): Promise<{ id: string; org_id: string }[]> {
  const { rows } = await db.query<{ id: string; org_id: string }>(
    `SELECT r.id::text AS id, r.org_id::text AS org_id FROM missing_reports r
      WHERE r.org_id = $1 AND r.status = 'open' AND r.ante_mortem IS NOT NULL
        AND ($2::date IS NULL OR r.last_contact_month IS NULL OR r.last_contact_month <= $2::date)
        ${traced ? 'AND r.trace_consent_at IS NOT NULL AND r.trace_consent_withdrawn_at IS NULL' : ''}
      ORDER BY r.created_at DESC, r.id LIMIT $3`,
    [orgId, foundOn, limit],
  );
  return rows;
}

/**
 * Proposes an ante-mortem / post-mortem pair or rescores it while pending (a reviewed pair keeps
 * its decision, as upsertCandidate does), with the engine's words encrypted beside it.
 */
export async function upsertAmPmCandidate(
  tx: Queryable,
  c: {
    reportId: string;
    orgId: string;
    candidateId: string;
    candidateOrgId: string;
    score: number;
    decision: 'match' | 'possible';
    explanation: unknown;
    words: Buffer | null;
    at: Date;
  },
): Promise<'proposed' | 'updated' | 'reviewed'> {
  const { rows } = await tx.query<{ inserted: boolean }>(
    `INSERT INTO match_candidates (report_id, org_id, candidate_kind, candidate_id, candidate_org_id, score, engine_decision, explanation, ampm_explanation, proposed_at)
     VALUES ($1, $2, 'found_record', $3, $4, $5, $6, $7::jsonb, $8, $9)
     ON CONFLICT (report_id, candidate_kind, candidate_id) DO UPDATE
        SET score = EXCLUDED.score, engine_decision = EXCLUDED.engine_decision, explanation = EXCLUDED.explanation,
            ampm_explanation = EXCLUDED.ampm_explanation, rescored_at = EXCLUDED.proposed_at
      WHERE match_candidates.review_status = 'pending'
     RETURNING (xmax = 0) AS inserted`,
    [
      c.reportId,
      c.orgId,
      c.candidateId,
      c.candidateOrgId,
      c.score,
      c.decision,
      JSON.stringify(c.explanation),
      c.words,
      c.at,
    ],
  );
  const row = rows[0];
  if (!row) return 'reviewed';
  return row.inserted ? 'proposed' : 'updated';
}

/** A pair as the side by side needs it: its report, its candidate, the engine's encrypted words. */
export async function amPmPair(
  db: Queryable,
  pairId: string,
): Promise<
  | {
      id: string;
      report_id: string;
      org_id: string;
      candidate_kind: string;
      candidate_id: string;
      candidate_org_id: string;
      score: number;
      explanation: unknown;
      ampm_explanation: Buffer | null;
    }
  | undefined
> {
  const { rows } = await db.query<{
    id: string;
    report_id: string;
    org_id: string;
    candidate_kind: string;
    candidate_id: string;
    candidate_org_id: string;
    score: number;
    explanation: unknown;
    ampm_explanation: Buffer | null;
  }>(
    `SELECT m.id::text AS id, m.report_id::text AS report_id, m.org_id::text AS org_id, m.candidate_kind,
            m.candidate_id::text AS candidate_id, m.candidate_org_id::text AS candidate_org_id, m.score, m.explanation,
            m.ampm_explanation
       FROM match_candidates m WHERE m.id = $1`,
    [pairId],
  );
  return rows[0];
}
