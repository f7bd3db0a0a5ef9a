// SQL of protection measures and their stage history (migration 0012).
import type { Queryable } from '../kernel/db/database.ts';

export interface MeasureRow {
  id: string;
  event_id: string;
  measure: string;
  authority: string;
  details: unknown;
  stage: string;
  stage_on: string;
  version: number;
}
export interface MeasureHistoryRow {
  measure_id: string;
  stage: string;
  on_date: string;
  recorded_by: string | null;
  note: unknown;
}
const COLUMNS = `id::text AS id, event_id::text AS event_id, measure, authority, details, stage, stage_on::text AS stage_on, version`;

export async function insertMeasure(
  tx: Queryable,
  m: {
    eventId: string;
    orgId: string;
    measure: string;
    authority: string;
    details: Buffer | null;
    stage: string;
    on: string;
    by: string;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO incident_protection_measures (event_id, org_id, measure, authority, details, stage, stage_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text AS id`,
    [m.eventId, m.orgId, m.measure, m.authority, m.details, m.stage, m.on, m.by],
  );
  const id = (rows[0] as { id: string }).id;
  await tx.query(
    'INSERT INTO incident_protection_history (measure_id, org_id, stage, on_date, recorded_by) VALUES ($1, $2, $3, $4, $5)',
    [id, m.orgId, m.stage, m.on, m.by],
  );
  return id;
}

export async function listMeasures(db: Queryable, eventId: string): Promise<MeasureRow[]> {
  return (
    await db.query<MeasureRow>(
      `SELECT ${COLUMNS} FROM incident_protection_measures WHERE event_id = $1 ORDER BY created_at, id`,
      [eventId],
    )
  ).rows;
}

export async function findMeasure(db: Queryable, eventId: string, id: string): Promise<MeasureRow | undefined> {
  return (
    await db.query<MeasureRow>(`SELECT ${COLUMNS} FROM incident_protection_measures WHERE event_id = $1 AND id = $2`, [
      eventId,
      id,
    ])
  ).rows[0];
}

export async function listMeasureHistory(db: Queryable, measureIds: readonly string[]): Promise<MeasureHistoryRow[]> {
  if (measureIds.length === 0) return [];
  return (
    await db.query<MeasureHistoryRow>(
      `SELECT measure_id::text AS measure_id, stage, on_date::text AS on_date, recorded_by::text AS recorded_by, note
     FROM incident_protection_history WHERE measure_id = ANY($1::uuid[]) ORDER BY id`,
      [measureIds],
    )
  ).rows;
}

/** Moves the measure to a stage if the version matches; 0 means someone else changed it first. */
export async function changeStage(
  tx: Queryable,
  c: { id: string; orgId: string; version: number; stage: string; on: string; note: Buffer | null; by: string },
): Promise<number> {
  const { rowCount } = await tx.query(
    'UPDATE incident_protection_measures SET stage = $3, stage_on = $4, version = version + 1 WHERE id = $1 AND version = $2',
    [c.id, c.version, c.stage, c.on],
  );
  if (rowCount > 0)
    await tx.query(
      'INSERT INTO incident_protection_history (measure_id, org_id, stage, on_date, recorded_by, note) VALUES ($1, $2, $3, $4, $5, $6)',
      [c.id, c.orgId, c.stage, c.on, c.by, c.note],
    );
  return rowCount;
}
