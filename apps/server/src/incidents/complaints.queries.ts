// SQL of complaints and their status history.
import type { Queryable } from '../kernel/db/database.ts';
import type { StoredDeadline } from './complaint-deadline.ts';

export interface ComplaintRow {
  id: string;
  event_id: string;
  authority: string;
  authority_state: string | null;
  file_number: unknown;
  filed_on: string;
  status: string;
  status_changed_on: string;
  next_deadline: string | null;
  outcome: unknown;
  version: number;
  deadline_rule_id: string | null;
  deadline_rule_version: number | null;
  deadline_trigger: string | null;
  outcome_kind: string | null;
}
const COLUMNS = `id::text AS id, event_id::text AS event_id, authority, authority_state, file_number, filed_on::text AS filed_on, status,
  status_changed_on::text AS status_changed_on, next_deadline::text AS next_deadline, outcome, version,
  deadline_rule_id, deadline_rule_version, deadline_trigger::text AS deadline_trigger, outcome_kind`;

export async function insertComplaint(
  tx: Queryable,
  c: {
    eventId: string;
    orgId: string;
    authority: string;
    authorityState: string | null;
    fileNumber: Buffer | null;
    filedOn: string;
    nextDeadline: string | null;
    by: string;
    deadline?: StoredDeadline | undefined;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO incident_complaints (event_id, org_id, authority, authority_state, file_number, filed_on, status_changed_on, next_deadline, created_by,
       deadline_rule_id, deadline_rule_version, deadline_trigger)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11) RETURNING id::text AS id`,
    [
      c.eventId,
      c.orgId,
      c.authority,
      c.authorityState,
      c.fileNumber,
      c.filedOn,
      c.deadline ? c.deadline.dueDate : c.nextDeadline,
      c.by,
      c.deadline?.ruleId ?? null,
      c.deadline?.ruleVersion ?? null,
      c.deadline?.trigger ?? null,
    ],
  );
  const id = (rows[0] as { id: string }).id;
  await tx.query(
    "INSERT INTO incident_complaint_history (complaint_id, status, changed_on, changed_by) VALUES ($1, 'filed', $2, $3)",
    [id, c.filedOn, c.by],
  );
  return id;
}

export async function listComplaints(db: Queryable, eventId: string): Promise<ComplaintRow[]> {
  return (
    await db.query<ComplaintRow>(
      `SELECT ${COLUMNS} FROM incident_complaints WHERE event_id = $1 ORDER BY filed_on, id`,
      [eventId],
    )
  ).rows;
}

export async function findComplaint(db: Queryable, eventId: string, id: string): Promise<ComplaintRow | undefined> {
  return (
    await db.query<ComplaintRow>(`SELECT ${COLUMNS} FROM incident_complaints WHERE event_id = $1 AND id = $2`, [
      eventId,
      id,
    ])
  ).rows[0];
}

export async function listHistory(
  db: Queryable,
  complaintIds: readonly string[],
): Promise<{ complaint_id: string; status: string; changed_on: string }[]> {
  if (complaintIds.length === 0) return [];
  return (
    await db.query<{ complaint_id: string; status: string; changed_on: string }>(
      `SELECT complaint_id::text AS complaint_id, status, changed_on::text AS changed_on FROM incident_complaint_history
     WHERE complaint_id = ANY($1::uuid[]) ORDER BY id`,
      [complaintIds],
    )
  ).rows;
}

/** Changes the status if the version matches; 0 rows means someone else changed it first. */
export async function changeStatus(
  tx: Queryable,
  c: {
    id: string;
    version: number;
    status: string;
    changedOn: string;
    nextDeadline: string | null | undefined;
    outcome: Buffer | null | undefined;
    by: string;
    /** undefined: keep; null: no computed deadline any more (a plain nextDeadline may follow). */
    deadline?: StoredDeadline | null | undefined;
    outcomeKind?: string | null | undefined;
  },
): Promise<number> {
  const deadlineChanged = c.deadline !== undefined;
  const nextDeadline = c.deadline ? c.deadline.dueDate : c.nextDeadline;
  const { rowCount } = await tx.query(
    `UPDATE incident_complaints SET status = $3, status_changed_on = $4,
       next_deadline = CASE WHEN $5::boolean THEN $6::date ELSE next_deadline END,
       outcome = CASE WHEN $7::boolean THEN $8::bytea ELSE outcome END,
       deadline_rule_id = CASE WHEN $9::boolean THEN $10 ELSE deadline_rule_id END,
       deadline_rule_version = CASE WHEN $9::boolean THEN $11::int ELSE deadline_rule_version END,
       deadline_trigger = CASE WHEN $9::boolean THEN $12::date ELSE deadline_trigger END,
       outcome_kind = CASE WHEN $13::boolean THEN $14 ELSE outcome_kind END,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [
      c.id,
      c.version,
      c.status,
      c.changedOn,
      nextDeadline !== undefined || deadlineChanged,
      nextDeadline ?? null,
      c.outcome !== undefined,
      c.outcome ?? null,
      deadlineChanged,
      c.deadline?.ruleId ?? null,
      c.deadline?.ruleVersion ?? null,
      c.deadline?.trigger ?? null,
      c.outcomeKind !== undefined,
      c.outcomeKind ?? null,
    ],
  );
  if (rowCount > 0)
    await tx.query(
      'INSERT INTO incident_complaint_history (complaint_id, status, changed_on, changed_by) VALUES ($1, $2, $3, $4)',
      [c.id, c.status, c.changedOn, c.by],
    );
  return rowCount;
}
