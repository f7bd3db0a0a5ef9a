// SQL of procedure filings (migration 0085). Receipt names and bytes arrive and leave encrypted.
import type { Queryable } from '../kernel/db/database.ts';

export interface FilingRow {
  id: string;
  procedure_id: string;
  org_id: string;
  step_key: string;
  filed_on: string;
  stage_before: string;
  stage_after: string;
  version_after: number;
  receipt_name: unknown;
  receipt_type: string;
  receipt_size: number;
  receipt_sha256: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_at: Date;
  undone_at: Date | null;
}

const COLUMNS = `f.id::text AS id, f.procedure_id::text AS procedure_id, f.org_id::text AS org_id, f.step_key,
  f.filed_on::text AS filed_on, f.stage_before, f.stage_after, f.version_after, f.receipt_name, f.receipt_type,
  f.receipt_size::int AS receipt_size, f.receipt_sha256, f.recorded_by::text AS recorded_by,
  a.display_name AS recorded_by_name, f.recorded_at, f.undone_at`;
const FROM = 'procedure_filings f LEFT JOIN accounts a ON a.id = f.recorded_by';

export async function insertFiling(
  tx: Queryable,
  f: {
    procedureId: string;
    orgId: string;
    stepKey: string;
    filedOn: string;
    stageBefore: string;
    stageAfter: string;
    versionAfter: number;
    name: Buffer;
    type: string;
    size: number;
    sha256: string;
    content: Buffer;
    by: string;
    at: Date;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO procedure_filings (procedure_id, org_id, step_key, filed_on, stage_before, stage_after, version_after,
       receipt_name, receipt_type, receipt_size, receipt_sha256, receipt, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id::text AS id`,
    [
      f.procedureId,
      f.orgId,
      f.stepKey,
      f.filedOn,
      f.stageBefore,
      f.stageAfter,
      f.versionAfter,
      f.name,
      f.type,
      f.size,
      f.sha256,
      f.content,
      f.by,
      f.at,
    ],
  );
  return rows[0]?.id as string;
}

/** Live (not undone) filings of some procedures. */
export async function liveFilings(db: Queryable, procedureIds: readonly string[]): Promise<FilingRow[]> {
  if (procedureIds.length === 0) return [];
  return (
    await db.query<FilingRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE f.procedure_id = ANY($1::uuid[]) AND f.undone_at IS NULL ORDER BY f.recorded_at`,
      [procedureIds],
    )
  ).rows;
}

export async function findFiling(db: Queryable, procedureId: string, id: string): Promise<FilingRow | undefined> {
  return (
    await db.query<FilingRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE f.procedure_id = $1 AND f.id = $2`, [
      procedureId,
      id,
    ])
  ).rows[0];
}

export async function receiptOf(db: Queryable, id: string): Promise<unknown> {
  return (
    await db.query<{ receipt: unknown }>('SELECT receipt FROM procedure_filings WHERE id = $1 AND undone_at IS NULL', [
      id,
    ])
  ).rows[0]?.receipt;
}

/** Marks a filing undone and drops the receipt (the row, its hash and the audit entries stay). */
export async function markUndone(tx: Queryable, id: string, by: string, at: Date): Promise<number> {
  return (
    await tx.query(
      `UPDATE procedure_filings SET undone_at = $3, undone_by = $2, receipt = NULL, receipt_name = NULL
        WHERE id = $1 AND undone_at IS NULL`,
      [id, by, at],
    )
  ).rowCount;
}

export async function uncompleteStep(tx: Queryable, procedureId: string, stepKey: string, filedOn: string) {
  return (
    await tx.query(
      `UPDATE procedure_steps SET completed_on = NULL, updated_at = now()
        WHERE procedure_id = $1 AND step_key = $2 AND completed_on = $3::date`,
      [procedureId, stepKey, filedOn],
    )
  ).rowCount;
}

/** Moves the stage; returns the new version, or undefined when the version read is stale. */
export async function setStage(tx: Queryable, id: string, version: number, stage: string): Promise<number | undefined> {
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE procedures SET stage = $3, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING version`,
    [id, version, stage],
  );
  return rows[0]?.version;
}

export async function findStep(tx: Queryable, procedureId: string, stepKey: string) {
  return (
    await tx.query<{ trigger_value: string; completed_on: string | null }>(
      'SELECT trigger_value, completed_on::text AS completed_on FROM procedure_steps WHERE procedure_id = $1 AND step_key = $2',
      [procedureId, stepKey],
    )
  ).rows[0];
}
