// SQL of the forensic workflow of remains (decision 0147): the pairs of the remains with the
// organisation's own reports, the steps taken, and the stage moved on from the version read.
import type { Queryable } from '../kernel/db/database.ts';

export interface RemainsPairRow {
  id: string;
  report_id: string;
  score: number;
  review_status: 'pending' | 'proposed' | 'confirmed' | 'rejected' | 'needs_info';
  confirmation_proposed_by: string | null;
  report_owner_id: string | null;
  report_team_id: string | null;
  report_status: string;
  report_version: number;
  given_names: unknown;
  surnames: unknown;
}

/** Pairs of these remains with reports of the organisation holding them, best first. */
export async function remainsPairs(db: Queryable, foundId: string, orgId: string): Promise<RemainsPairRow[]> {
  const { rows } = await db.query<RemainsPairRow>(
    `SELECT m.id::text AS id, m.report_id::text AS report_id, m.score, m.review_status,
            m.confirmation_proposed_by::text AS confirmation_proposed_by,
            r.owner_account_id::text AS report_owner_id, r.team_id::text AS report_team_id, r.status AS report_status,
            r.version AS report_version, r.given_names, r.surnames
       FROM match_candidates m JOIN missing_reports r ON r.id = m.report_id
      WHERE m.candidate_kind = 'found_record' AND m.candidate_id = $1 AND m.org_id = $2
      ORDER BY m.score DESC, m.id LIMIT 50`,
    [foundId, orgId],
  );
  return rows;
}

export interface StepRow {
  id: string;
  step: string;
  from_stage: string;
  to_stage: string;
  candidate_id: string | null;
  actor_account_id: string | null;
  at: Date | string;
  details: unknown;
}

export async function steps(db: Queryable, foundId: string): Promise<StepRow[]> {
  const { rows } = await db.query<StepRow>(
    `SELECT id::text AS id, step, from_stage, to_stage, candidate_id::text AS candidate_id,
            actor_account_id::text AS actor_account_id, at, details
       FROM remains_workflow_steps WHERE found_id = $1 ORDER BY seq`,
    [foundId],
  );
  return rows;
}

/** Moves the stage from the version the actor read; the new version, or null when stale. */
export async function moveStage(
  tx: Queryable,
  foundId: string,
  version: number,
  stage: string,
  at: Date,
  status?: string,
): Promise<number | null> {
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE found_records SET forensic_stage = $3, version = version + 1, updated_at = $4, status = coalesce($5, status)
      WHERE id = $1 AND version = $2 RETURNING version`,
    [foundId, version, stage, at, status ?? null],
  );
  return rows[0] ? Number(rows[0].version) : null;
}

export async function insertStep(
  tx: Queryable,
  s: {
    foundId: string;
    orgId: string;
    step: string;
    from: string;
    to: string;
    candidateId: string | null;
    actor: string;
    at: Date;
    details: Buffer | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO remains_workflow_steps (found_id, org_id, step, from_stage, to_stage, candidate_id, actor_account_id, at, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [s.foundId, s.orgId, s.step, s.from, s.to, s.candidateId, s.actor, s.at, s.details],
  );
}

/** The family has been told: the report is closed as located deceased (if still open). */
export async function markReportDeceased(tx: Queryable, reportId: string, at: Date): Promise<string | null> {
  const { rows } = await tx.query<{ status: string }>(
    `UPDATE missing_reports SET status = 'located_deceased', version = version + 1, updated_at = $2
      WHERE id = $1 AND status = 'open' RETURNING status`,
    [reportId, at],
  );
  return rows[0]?.status ?? null;
}
