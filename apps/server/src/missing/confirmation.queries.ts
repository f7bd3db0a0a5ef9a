// SQL of the four-eyes confirmation of matches (migration 0065): the organisation's setting, the
// proposal a second account must confirm, and who in the record holder's organisation hears of it.
import type { Queryable } from '../kernel/db/database.ts';
import type { MatchSettings } from '@acompana/core';

export type SecondConfirmation = MatchSettings['secondConfirmation'];

export async function secondConfirmationSetting(db: Queryable, orgId: string): Promise<SecondConfirmation> {
  const { rows } = await db.query<{ setting: SecondConfirmation }>(
    'SELECT match_second_confirmation AS setting FROM organisations WHERE id = $1',
    [orgId],
  );
  return rows[0]?.setting ?? 'remains';
}

export async function setSecondConfirmation(tx: Queryable, orgId: string, setting: SecondConfirmation): Promise<void> {
  await tx.query('UPDATE organisations SET match_second_confirmation = $2 WHERE id = $1', [orgId, setting]);
}

/** The pair's candidate as stored (a partner reference's list row hides it) and whether it is remains. */
export async function candidateTarget(
  db: Queryable,
  pairId: string,
): Promise<{ candidateId: string; remains: boolean } | undefined> {
  const { rows } = await db.query<{ candidate_id: string; remains: boolean }>(
    `SELECT m.candidate_id::text AS candidate_id,
            (m.candidate_kind = 'found_record' AND f.kind = 'unidentified_remains') AS remains
       FROM match_candidates m LEFT JOIN found_records f ON f.id = m.candidate_id AND m.candidate_kind = 'found_record'
      WHERE m.id = $1`,
    [pairId],
  );
  const row = rows[0];
  return row ? { candidateId: row.candidate_id, remains: row.remains === true } : undefined;
}

/**
 * Moves a pair from the status the reviewer saw to the next one; false when someone else decided
 * in between (the reviewer must look again rather than overwrite).
 */
export async function moveReview(
  tx: Queryable,
  r: {
    id: string;
    from: string;
    to: string;
    by: string;
    at: Date;
    note: Buffer | null;
    /** Set on a proposal, cleared on a withdrawal, kept otherwise. */
    proposal: 'set' | 'clear' | 'keep';
  },
): Promise<boolean> {
  const proposal =
    r.proposal === 'set'
      ? ', confirmation_proposed_by = $3, confirmation_proposed_at = $4'
      : r.proposal === 'clear'
        ? ', confirmation_proposed_by = NULL, confirmation_proposed_at = NULL'
        : '';
  const { rows } = await tx.query(
    `UPDATE match_candidates SET review_status = $2::text,
            reviewed_by = CASE WHEN $2::text = 'pending' THEN NULL ELSE $3::uuid END,
            reviewed_at = CASE WHEN $2::text = 'pending' THEN NULL ELSE $4::timestamptz END,
            note = coalesce($5, note)${proposal}
      WHERE id = $1 AND review_status = $6 RETURNING id`,
    [r.id, r.to, r.by, r.at, r.note, r.from],
  );
  return rows.length > 0;
}

/**
 * Who hears, in the organisation holding a confirmed record, that another organisation matched
 * it. With a tracing request: the members whose role may open it (`openers`), so the link works
 * for each. Without one: the record's owner when still a member, and the coordinators (admins
 * when there is none).
 */
export async function holderRecipients(
  db: Queryable,
  holderOrgId: string,
  kind: string,
  recordId: string,
  openers: readonly string[] | null,
): Promise<string[]> {
  if (openers) {
    const { rows } = await db.query<{ account_id: string }>(
      'SELECT account_id::text AS account_id FROM memberships WHERE org_id = $1 AND role = ANY($2::text[]) ORDER BY account_id',
      [holderOrgId, [...openers]],
    );
    return rows.map((r) => r.account_id);
  }
  const table = kind === 'person' ? 'people' : kind === 'found_record' ? 'found_records' : 'missing_reports';
  const { rows } = await db.query<{ account_id: string }>(
    `WITH owner AS (SELECT owner_account_id FROM ${table} WHERE id = $2),
          chosen AS (
            SELECT m.account_id FROM memberships m WHERE m.org_id = $1 AND m.account_id IN (SELECT owner_account_id FROM owner)
            UNION SELECT m.account_id FROM memberships m WHERE m.org_id = $1 AND m.role = 'coordinator')
     SELECT account_id::text AS account_id FROM chosen
     UNION SELECT m.account_id::text FROM memberships m
      WHERE m.org_id = $1 AND m.role = 'admin' AND NOT EXISTS (SELECT 1 FROM chosen)`,
    [holderOrgId, recordId],
  );
  return rows.map((r) => r.account_id);
}

export async function traceConsentInForce(db: Queryable, reportId: string): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>(
    'SELECT (trace_consent_at IS NOT NULL AND trace_consent_withdrawn_at IS NULL) AS ok FROM missing_reports WHERE id = $1',
    [reportId],
  );
  return rows[0]?.ok === true;
}

export async function openRequestTo(db: Queryable, reportId: string, toOrgId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id::text AS id FROM tracing_requests WHERE report_id = $1 AND to_org_id = $2 AND status = 'sent'",
    [reportId, toOrgId],
  );
  return rows[0]?.id;
}

/** Which of these pairs have unidentified remains as their candidate. */
export async function remainsPairs(db: Queryable, pairIds: readonly string[]): Promise<Set<string>> {
  if (pairIds.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `SELECT m.id::text AS id FROM match_candidates m JOIN found_records f ON f.id = m.candidate_id
      WHERE m.id = ANY($1::uuid[]) AND m.candidate_kind = 'found_record' AND f.kind = 'unidentified_remains'`,
    [[...pairIds]],
  );
  return new Set(rows.map((r) => r.id));
}

export const needsSecondPerson = (setting: SecondConfirmation, remains: boolean) =>
  setting === 'all' || (setting === 'remains' && remains);
