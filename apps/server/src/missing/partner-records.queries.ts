// SQL for partners' found records and reports in a report's search (issue 6, item 5; decision
// 0124). Only ciphertext, blind indexes and coarse fields pass through here. A partner's record
// is retrieved with the partner's own blind-index key and shown to the searching organisation
// only as an opaque reference (the match_candidates row id) until the tracing flow shares it.
import type { Queryable } from '../kernel/db/database.ts';
import type { FoundRow, ReportRow } from './missing.queries.ts';

const FOUND_MATCH = `f.id::text AS id, f.org_id::text AS org_id, f.owner_account_id::text AS owner_account_id, f.team_id::text AS team_id,
  f.version, f.kind, f.status, f.created_at, to_char(f.found_on, 'YYYY-MM-DD') AS found_on, f.sex, f.age_min, f.age_max,
  f.given_names, f.surnames, f.aliases, f.found_place, f.description`;
const REPORT_MATCH = `r.id::text AS id, r.org_id::text AS org_id, r.owner_account_id::text AS owner_account_id, r.team_id::text AS team_id,
  r.version, r.status, r.created_at, r.sex, r.nationality, r.birth_year, r.age_min, r.age_max, to_char(r.last_contact_month, 'YYYY-MM') AS last_contact_month,
  r.given_names, r.surnames, r.aliases, r.birth_date, r.origin, r.last_contact`;
const hits = (alias: string) => `(SELECT count(*) FROM unnest(${alias}.name_bi) AS k WHERE k = ANY($1::text[]))::int`;

/** A partner's found records still unidentified (an identified one is nobody's search any more). */
export async function partnerFoundByNames(
  db: Queryable,
  orgId: string,
  keys: readonly string[],
  limit: number,
): Promise<FoundRow[]> {
  const { rows } = await db.query<FoundRow>(
    `SELECT ${FOUND_MATCH} FROM found_records f WHERE f.name_bi && $1::text[] AND f.org_id = $2 AND f.status = 'unidentified' ORDER BY ${hits('f')} DESC, f.id LIMIT $3`,
    [keys, orgId, limit],
  );
  return rows;
}

/**
 * A partner's open reports whose family consented to a search with other organisations (the
 * report's trace consent, given and not withdrawn): without it the report is not searched at all.
 */
export async function partnerReportsByNames(
  db: Queryable,
  orgId: string,
  keys: readonly string[],
  limit: number,
): Promise<ReportRow[]> {
  const { rows } = await db.query<ReportRow>(
    `SELECT ${REPORT_MATCH} FROM missing_reports r
      WHERE r.name_bi && $1::text[] AND r.org_id = $2 AND r.status = 'open'
        AND r.trace_consent_at IS NOT NULL AND r.trace_consent_withdrawn_at IS NULL
      ORDER BY ${hits('r')} DESC, r.id LIMIT $3`,
    [keys, orgId, limit],
  );
  return rows;
}

export async function organisationNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id::text AS id, name FROM organisations WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface SharedDetailsRow {
  shared_fields: string[];
  shared_details: unknown;
  requester_org_id: string;
}

/**
 * What the partner chose to share about this candidate record through an accepted tracing request
 * for the same report (decision 0121), if it did: the tracing flow is what grants access.
 */
export async function sharedDetailsFor(db: Queryable, matchCandidateId: string): Promise<SharedDetailsRow | undefined> {
  const { rows } = await db.query<SharedDetailsRow>(
    `SELECT tc.shared_fields, tc.shared_details, tc.requester_org_id::text AS requester_org_id
       FROM match_candidates m
       JOIN tracing_requests t ON t.report_id = m.report_id AND t.to_org_id = m.candidate_org_id AND t.status = 'accepted'
       JOIN tracing_candidates tc ON tc.request_id = t.id AND tc.candidate_kind = m.candidate_kind AND tc.candidate_id = m.candidate_id
      WHERE m.id = $1 AND tc.shared_details IS NOT NULL
      ORDER BY t.decided_at DESC LIMIT 1`,
    [matchCandidateId],
  );
  return rows[0];
}

/**
 * Whether the partner's record behind a stored reference is still one the searching organisation
 * may be pointed to: a found record still unidentified, or an open report whose family has not
 * withdrawn its consent to a search with other organisations. Withdrawal takes effect at once.
 */
export async function referenceStillSearchable(db: Queryable, matchCandidateId: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM match_candidates m
      WHERE m.id = $1 AND CASE m.candidate_kind
        WHEN 'found_record' THEN EXISTS (SELECT 1 FROM found_records f WHERE f.id = m.candidate_id AND f.org_id = m.candidate_org_id AND f.status = 'unidentified')
        WHEN 'missing_report' THEN EXISTS (SELECT 1 FROM missing_reports r WHERE r.id = m.candidate_id AND r.org_id = m.candidate_org_id AND r.status = 'open'
                                            AND r.trace_consent_at IS NOT NULL AND r.trace_consent_withdrawn_at IS NULL)
        ELSE false END`,
    [matchCandidateId],
  );
  return rows.length > 0;
}
