// SQL of the organisation's review queue: candidates of every report the reader may read, by
// status, best score first, by keyset (score, id). Only ids, scores, statuses and the report's
// encrypted names pass through here.
import type { Queryable } from '../kernel/db/database.ts';

export interface QueueScope {
  scope: 'org' | 'team' | 'own';
  orgId: string;
  accountId: string;
  teamIds: readonly string[];
}

export interface QueueRow extends Record<string, unknown> {
  id: string;
  report_id: string;
  org_id: string;
  candidate_kind: 'person' | 'found_record' | 'missing_report';
  candidate_org_id: string;
  score: number;
  engine_decision: 'match' | 'possible';
  review_status: 'pending' | 'proposed' | 'confirmed' | 'rejected' | 'needs_info';
  proposed_at: Date | string;
  report_status: 'open' | 'located_alive' | 'located_deceased' | 'closed';
  given_names: unknown;
  surnames: unknown;
}

/** Which reports the reader's scope covers (the same rule as the report list). */
function reportScope(s: QueueScope, params: unknown[]): string {
  params.push(s.orgId);
  const org = `m.org_id = $${params.length} AND r.org_id = $${params.length}`;
  if (s.scope === 'org') return org;
  params.push(s.accountId);
  const own = `r.owner_account_id = $${params.length}`;
  if (s.scope === 'own') return `${org} AND ${own}`;
  params.push(s.teamIds);
  return `${org} AND (${own} OR r.team_id = ANY($${params.length}::uuid[]))`;
}

export async function listQueue(
  db: Queryable,
  s: QueueScope,
  status: string,
  after: { score: number; id: string } | null,
  limit: number,
): Promise<QueueRow[]> {
  const params: unknown[] = [];
  const where = [reportScope(s, params)];
  params.push(status);
  where.push(`m.review_status = $${params.length}`);
  if (after) {
    params.push(after.score, after.id);
    where.push(
      `(m.score < $${params.length - 1}::float8 OR (m.score = $${params.length - 1}::float8 AND m.id > $${params.length}::uuid))`,
    );
  }
  params.push(limit);
  const { rows } = await db.query<QueueRow>(
    `SELECT m.id::text AS id, m.report_id::text AS report_id, m.org_id::text AS org_id, m.candidate_kind, m.candidate_org_id::text AS candidate_org_id,
            m.score, m.engine_decision, m.review_status, m.proposed_at, r.status AS report_status, r.given_names, r.surnames
       FROM match_candidates m JOIN missing_reports r ON r.id = m.report_id
      WHERE ${where.join(' AND ')}
      ORDER BY m.score DESC, m.id
      LIMIT $${params.length}`,
    params,
  );
  return rows;
}
