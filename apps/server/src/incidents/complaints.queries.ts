// SQL of complaints and their status history.
import type { Queryable } from '../kernel/db/database.ts';

export interface ComplaintRow {
  id: string; event_id: string; authority: string; authority_state: string | null; file_number: unknown; filed_on: string; status: string;
  status_changed_on: string; next_deadline: string | null; outcome: unknown; version: number;
}
const COLUMNS = `id::text AS id, event_id::text AS event_id, authority, authority_state, file_number, filed_on::text AS filed_on, status,
  status_changed_on::text AS status_changed_on, next_deadline::text AS next_deadline, outcome, version`;

export async function insertComplaint(tx: Queryable, c: { eventId: string; orgId: string; authority: string; authorityState: string | null; fileNumber: Buffer | null; filedOn: string; nextDeadline: string | null; by: string }): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO incident_complaints (event_id, org_id, authority, authority_state, file_number, filed_on, status_changed_on, next_deadline, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8) RETURNING id::text AS id`,
    [c.eventId, c.orgId, c.authority, c.authorityState, c.fileNumber, c.filedOn, c.nextDeadline, c.by],
  );
  const id = (rows[0] as { id: string }).id;
  await tx.query("INSERT INTO incident_complaint_history (complaint_id, status, changed_on, changed_by) VALUES ($1, 'filed', $2, $3)", [id, c.filedOn, c.by]);
  return id;
}

export async function listComplaints(db: Queryable, eventId: string): Promise<ComplaintRow[]> {
  return (await db.query<ComplaintRow>(`SELECT ${COLUMNS} FROM incident_complaints WHERE event_id = $1 ORDER BY filed_on, id`, [eventId])).rows;
}

export async function findComplaint(db: Queryable, eventId: string, id: string): Promise<ComplaintRow | undefined> {
  return (await db.query<ComplaintRow>(`SELECT ${COLUMNS} FROM incident_complaints WHERE event_id = $1 AND id = $2`, [eventId, id])).rows[0];
}

export async function listHistory(db: Queryable, complaintIds: readonly string[]): Promise<{ complaint_id: string; status: string; changed_on: string }[]> {
  if (complaintIds.length === 0) return [];
  return (await db.query<{ complaint_id: string; status: string; changed_on: string }>(
    `SELECT complaint_id::text AS complaint_id, status, changed_on::text AS changed_on FROM incident_complaint_history
     WHERE complaint_id = ANY($1::uuid[]) ORDER BY id`, [complaintIds])).rows;
}

/** Changes the status if the version matches; 0 rows means someone else changed it first. */
export async function changeStatus(tx: Queryable, c: { id: string; version: number; status: string; changedOn: string; nextDeadline: string | null | undefined; outcome: Buffer | null | undefined; by: string }): Promise<number> {
  const { rowCount } = await tx.query(
    `UPDATE incident_complaints SET status = $3, status_changed_on = $4,
       next_deadline = CASE WHEN $5::boolean THEN $6::date ELSE next_deadline END,
       outcome = CASE WHEN $7::boolean THEN $8::bytea ELSE outcome END,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [c.id, c.version, c.status, c.changedOn, c.nextDeadline !== undefined, c.nextDeadline ?? null, c.outcome !== undefined, c.outcome ?? null],
  );
  if (rowCount > 0) await tx.query('INSERT INTO incident_complaint_history (complaint_id, status, changed_on, changed_by) VALUES ($1, $2, $3, $4)', [c.id, c.status, c.changedOn, c.by]);
  return rowCount;
}
